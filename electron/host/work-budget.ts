/**
 * Bytes of requests being worked on, across every connection. A request's size is a fair proxy
 * for the memory its work takes (a `report.import` of 60 MB holds the text, its parse and the
 * copy into the engine's thread), so the sum in flight is capped: beyond it a call is answered
 * `unavailable` at once instead of joining the pile.
 */
export class WorkBudget {
  private used = 0;

  constructor(readonly limitBytes: number) {}

  /** Takes `bytes` from the budget, or returns false when that would pass the limit (never for an idle server). */
  tryTake(bytes: number): boolean {
    if (this.used > 0 && this.used + bytes > this.limitBytes) return false;
    this.used += bytes;
    return true;
  }

  giveBack(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }

  get inUse(): number {
    return this.used;
  }
}

/** Default: one message of the largest size the wire accepts, or several smaller ones. */
export const DEFAULT_WORK_BUDGET_BYTES = 96 * 1024 * 1024;
