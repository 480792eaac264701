const UNITS: Record<string, number> = { s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * `--since`: a span back from now (90s, 30m, 2h, 7d, 1w), `today` or `yesterday` (local midnight),
 * `boot`, or an ISO 8601 time. Returns milliseconds since the epoch, or null for anything else.
 */
export function parseSince(value: string, now = Date.now(), bootMs?: number): number | null {
  const v = value.trim().toLowerCase();
  const span = /^(\d+(?:\.\d+)?)\s*(s|m|min|h|d|w)$/.exec(v);
  if (span) return now - Number(span[1]) * UNITS[span[2]!]!;
  if (v === 'today' || v === 'yesterday') {
    const d = new Date(now);
    d.setHours(0, 0, 0, 0);
    if (v === 'yesterday') d.setDate(d.getDate() - 1);
    return d.getTime();
  }
  if (v === 'boot' && bootMs !== undefined) return bootMs;
  // Only things that look like dates: Date.parse alone accepts "1" or "March".
  if (!/^\d{4}-\d{2}-\d{2}/.test(value.trim())) return null;
  const t = Date.parse(value.trim());
  return Number.isFinite(t) ? t : null;
}
