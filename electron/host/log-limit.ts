/**
 * A log that repeats itself at most `burst` times per kind in each window, then says how many it
 * left out. Clients choose what the server logs about them (unknown streams, bad frames); without
 * this, 100,000 messages would write 100,000 lines.
 */
export function rateLimitedLog(log: (message: string) => void, options: { burst?: number; windowMs?: number; now?: () => number } = {}) {
  const burst = options.burst ?? 5;
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const kinds = new Map<string, { start: number; count: number }>();
  return (kind: string, message: string): void => {
    const t = now();
    let k = kinds.get(kind);
    if (!k || t - k.start >= windowMs) {
      if (k && k.count > burst) log(`(${k.count - burst} more "${kind}" messages left out in the last ${Math.round(windowMs / 1000)} s)`);
      if (!k && kinds.size >= 1000) kinds.clear(); // kinds are ours, but stay bounded anyway
      kinds.set(kind, (k = { start: t, count: 0 }));
    }
    k.count++;
    if (k.count <= burst) log(message);
    else if (k.count === burst + 1) log(`(further "${kind}" messages left out for ${Math.round(windowMs / 1000)} s)`);
  };
}
