import type { TimingProfile } from '../../../shared/contract/scan';

/**
 * Timing profiles, after nmap's T2–T5 templates. Parallelism is the whole scan's ceiling (split
 * across workers, and lowered further to fit the file-descriptor limit); round-trip timeouts come
 * from measured answers (see RttEstimator) and stay within [minRtoMs, maxRtoMs].
 */
export interface TimingParams {
  parallelism: number;
  initialRtoMs: number;
  minRtoMs: number;
  maxRtoMs: number;
  retries: number;
  /** Probes per second when the user sets no maximum; null = unlimited. */
  defaultMaxRate: number | null;
  /** UDP datagrams per second: every closed port costs the target an ICMP error, which Linux rate-limits. */
  udpRate: number;
  udpParallelism: number;
}

export const TIMING: Record<TimingProfile, TimingParams> = {
  polite: { parallelism: 16, initialRtoMs: 1000, minRtoMs: 100, maxRtoMs: 10_000, retries: 2, defaultMaxRate: 100, udpRate: 20, udpParallelism: 16 },
  normal: { parallelism: 512, initialRtoMs: 1000, minRtoMs: 100, maxRtoMs: 10_000, retries: 3, defaultMaxRate: null, udpRate: 200, udpParallelism: 128 },
  aggressive: { parallelism: 1024, initialRtoMs: 500, minRtoMs: 100, maxRtoMs: 1250, retries: 6, defaultMaxRate: null, udpRate: 1000, udpParallelism: 256 },
  insane: { parallelism: 4096, initialRtoMs: 250, minRtoMs: 50, maxRtoMs: 300, retries: 2, defaultMaxRate: null, udpRate: 5000, udpParallelism: 512 },
};

/**
 * Smoothed round-trip time and its variation (RFC 6298, as nmap keeps per host). The timeout for
 * the next probe is srtt + 4 × rttvar, clamped; before any answer it is the profile's initial value.
 */
export class RttEstimator {
  srtt = -1;
  rttvar = 0;

  constructor(
    private readonly initialMs: number,
    private readonly minMs: number,
    private readonly maxMs: number,
  ) {}

  sample(rttMs: number): void {
    if (this.srtt < 0) {
      this.srtt = rttMs;
      this.rttvar = Math.max(rttMs / 2, 1);
      return;
    }
    const delta = rttMs - this.srtt;
    this.srtt += delta / 8;
    this.rttvar += (Math.abs(delta) - this.rttvar) / 4;
  }

  timeoutMs(): number {
    if (this.srtt < 0) return this.initialMs;
    return Math.min(this.maxMs, Math.max(this.minMs, this.srtt + 4 * this.rttvar));
  }
}
