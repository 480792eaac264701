/**
 * A cache of answers that expire, holding at most `maxEntries`: the least recently used entry
 * goes first. A Map keeps insertion order, so taking an entry out and putting it back on each
 * hit makes its first key the least recently used one.
 */
export class ExpiringLru<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  /** The entry, and whether its time is up (an expired entry stays until evicted: a stale name beats none while it is asked again). */
  get(key: string): { value: V; expired: boolean } | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return { value: e.value, expired: e.expires <= this.now() };
  }

  set(key: string, value: V, ttlMs: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
