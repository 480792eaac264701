import type { ScanRequest, ScanResult } from '../../../shared/contract/scan';
import type { Series } from './socketSeries';

/** What the scheduled scans found, as series for the metrics registry. */
export interface ScanSeries {
  ports: Series[];
  open: Series[];
  completed: Series[];
  durations: Series[];
  errors: Series[];
}

export interface ScheduledScan {
  /** The spec as the user wrote it (`"10.0.0.0/24 --ports web"`): the `scan` label. */
  name: string;
  request: ScanRequest;
  everyMs: number;
}

interface LastRun {
  result: ScanResult;
  completedAt: number;
}

/**
 * Runs each scheduled scan now and then every `everyMs`, one run of a scan at a time (a slow
 * scan delays its next run instead of overlapping it), and keeps the last completed result of
 * each for Prometheus: the outside-in reachability view next to the agent's inside view.
 * The scan itself is passed in (the engine's scan call), so its confirmation rules for public
 * targets apply unchanged.
 */
export class ScanScheduler {
  private readonly last = new Map<string, LastRun>();
  private readonly failures = new Map<string, number>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private stopped = false;
  private readonly running = new Set<Promise<void>>();
  private readonly refused = new Set<string>();

  constructor(
    private readonly scans: readonly ScheduledScan[],
    private readonly run: (request: ScanRequest) => Promise<ScanResult>,
    private readonly log: (message: string) => void = () => {},
    /** A scan the engine refuses outright (a public target without authorization, a bad spec): never retried. */
    private readonly onRefused: (scan: ScheduledScan, err: unknown) => void = () => {},
  ) {}

  start(): void {
    for (const scan of this.scans) this.loop(scan);
  }

  /** Stops scheduling; a run under way is left to finish (await `idle()` to wait for it). */
  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  async idle(): Promise<void> {
    await Promise.all([...this.running]);
  }

  private loop(scan: ScheduledScan): void {
    if (this.stopped) return;
    const started = Date.now();
    const job = this.run(scan.request)
      .then((result) => {
        this.last.set(scan.name, { result, completedAt: Date.now() });
        this.log(`scheduled scan "${scan.name}": ${result.summary.counts.open} open of ${result.summary.probes} probed`);
      })
      .catch((err: unknown) => {
        if (isRefusal(err)) {
          this.refused.add(scan.name);
          this.onRefused(scan, err);
          return;
        }
        this.failures.set(scan.name, (this.failures.get(scan.name) ?? 0) + 1);
        this.log(`scheduled scan "${scan.name}" failed: ${err instanceof Error ? err.message : String(err)}`);
      })
      .finally(() => {
        this.running.delete(job);
        if (this.stopped || this.refused.has(scan.name)) return;
        const wait = Math.max(0, scan.everyMs - (Date.now() - started));
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.loop(scan);
        }, wait);
        timer.unref?.();
        this.timers.add(timer);
      });
    this.running.add(job);
  }

  series(): ScanSeries {
    const out: ScanSeries = { ports: [], open: [], completed: [], durations: [], errors: [] };
    for (const [scan, { result, completedAt }] of this.last) {
      const protocol = result.protocol;
      for (const host of result.hosts) {
        for (const [state, count] of Object.entries(host.counts)) {
          out.ports.push({ labels: { scan, host: host.address, protocol, state }, value: count });
        }
      }
      for (const p of result.results) {
        if (p.state !== 'open') continue;
        out.open.push({ labels: { scan, host: p.host, protocol, port: String(p.port), service: p.hint?.guess ?? p.service ?? '' }, value: 1 });
      }
      out.completed.push({ labels: { scan }, value: completedAt / 1000 });
      out.durations.push({ labels: { scan }, value: result.summary.durationMs / 1000 });
    }
    for (const scan of this.scans) out.errors.push({ labels: { scan: scan.name }, value: this.failures.get(scan.name) ?? 0 });
    return out;
  }
}

/** The engine's answer for a request it will never accept as it stands (ContractError 'denied' or 'bad-request'). */
function isRefusal(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'code' in err ? (err as { code: unknown }).code : null;
  return code === 'denied' || code === 'bad-request';
}
