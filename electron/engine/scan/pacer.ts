/**
 * Spaces probes to a maximum rate. Timers fire a millisecond or more late, so a pacer that only
 * lets one probe through per wake-up tops out near 1,000 per second whatever the limit; this one
 * lets the probes that fell due meanwhile catch up (at most `burstMs` worth), so the average rate
 * is the one asked for.
 */
export class Pacer {
  private next = 0;
  private readonly gapMs: number;

  constructor(
    ratePerSec: number | null,
    private readonly burstMs = 20,
  ) {
    this.gapMs = ratePerSec ? 1000 / ratePerSec : 0;
  }

  get limited(): boolean {
    return this.gapMs > 0;
  }

  /** 0 when a probe may go now (and counts it), else the time to wait for, in performance.now() terms. */
  take(now: number): number {
    if (this.gapMs === 0) return 0;
    if (now < this.next) return this.next;
    this.next = Math.max(this.next + this.gapMs, now - this.burstMs + this.gapMs);
    return 0;
  }
}
