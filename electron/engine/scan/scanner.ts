import os from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import { ContractError } from '../../../shared/contract/errors';
import type {
  HostResult,
  PortResult,
  ScanFound,
  ScanOptions,
  ScanProgress,
  ScanResult,
  ScanStartResponse,
  ScanTarget,
  StateCounts,
} from '../../../shared/contract/scan';
import { lookupService } from '../catalog/services';
import { REASONS, RESULT_STRIDE, S_CLOSED, S_OPEN, STATES, type FromWorker, type WorkerHost, type WorkerJob, type WorkerStats } from './codes';
import { socketBudget } from './fdLimit';
import { serviceHints } from './hints';
import { startWorker, workerEntry, type WorkerEntry } from './pool';
import { parsePortSpec } from './ports';
import { isLoopbackTarget, needsAuthorization, unauthorizedMessage } from './safety';
import { countHosts, parseTargets, resolveTargets, type Resolver } from './targets';
import { TIMING } from './timing';

/** More probes than this (a /8 on every port is 1.1 trillion) need `force`. */
export const MAX_PROBES_UNFORCED = 16_777_216;
const AUTO_CLOSED_LIMIT = 1000;
const PROGRESS_MS = 100;
const KEEP_RESULTS = 20;
const HINT_LIMIT = 256;
const LOOPBACK_PARALLELISM = 128;

export interface ScanEvents {
  progress(p: ScanProgress): void;
  found(f: ScanFound): void;
  done(scanId: string, result: ScanResult | null, error: string | null): void;
}

export interface ScannerOptions {
  resolver?: Resolver;
  workerEntry?: WorkerEntry;
}

/** Validates, resolves and checks a request; everything a scan needs before the first probe. */
export async function planScan(options: ScanOptions, resolver?: Resolver) {
  const ports = parsePortSpec(options.ports, options.protocol);
  const parsed = parseTargets(options.targets);
  const estimate = countHosts(parsed) * ports.length;
  if (estimate > MAX_PROBES_UNFORCED && !options.force) {
    throw new ContractError(
      'bad-request',
      `this scan would send ${estimate.toLocaleString('en-US')} probes (more than ${MAX_PROBES_UNFORCED.toLocaleString('en-US')}): narrow it or confirm with --force`,
    );
  }
  const warnings: string[] = [];
  const hosts = await resolveTargets(parsed, options.resolveAll, warnings, resolver);
  const outside = hosts.filter((h) => needsAuthorization(h.address)).map((h) => h.address);
  if (outside.length > 0 && !options.authorized) throw new ContractError('denied', unauthorizedMessage(outside));
  return { ports, hosts, warnings };
}

interface Running {
  cancel(): void;
}

/** Runs scans in worker threads and keeps the last few results. */
export class Scanner {
  private readonly running = new Map<string, Running>();
  private readonly finished = new Map<string, ScanResult>();

  constructor(
    private readonly events: ScanEvents,
    private readonly options: ScannerOptions = {},
  ) {}

  async start(options: ScanOptions): Promise<ScanStartResponse> {
    const plan = await planScan(options, this.options.resolver);
    const scanId = randomUUID();
    const total = plan.hosts.length * plan.ports.length;
    const workers = chooseWorkers(options, total);
    const run = new ScanRun(scanId, options, plan.hosts, plan.ports, workers, plan.warnings, this.events, this.options.workerEntry);
    this.running.set(scanId, run);
    run.start((result) => {
      this.running.delete(scanId);
      if (result) {
        this.finished.set(scanId, result);
        if (this.finished.size > KEEP_RESULTS) this.finished.delete(this.finished.keys().next().value!);
      }
    });
    return { scanId, total, hosts: plan.hosts, portCount: plan.ports.length, workers, warnings: plan.warnings };
  }

  cancel(scanId: string): boolean {
    const run = this.running.get(scanId);
    if (!run) return false;
    run.cancel();
    return true;
  }

  result(scanId: string): ScanResult | null {
    return this.finished.get(scanId) ?? null;
  }

  cancelAll(): void {
    for (const run of this.running.values()) run.cancel();
  }
}

/**
 * Threads: one per core (at most four), fewer for small scans where starting a thread costs
 * more than it saves. UDP is paced, not CPU-bound: one thread.
 */
function chooseWorkers(options: ScanOptions, total: number): number {
  if (options.workers) return options.workers;
  if (options.protocol === 'udp') return 1;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(4, cores, Math.ceil(total / 8192)));
}

const emptyCounts = (): StateCounts => ({ open: 0, closed: 0, filtered: 0, 'open|filtered': 0 });

class ScanRun implements Running {
  private readonly workers: Worker[] = [];
  private readonly stats: WorkerStats[];
  /** Workers that sent their 'done'. */
  private readonly reported: boolean[] = [];
  private readonly startedAt = new Date();
  private readonly t0 = performance.now();
  private readonly kept: PortResult[] = [];
  /** Closed ports as [hostIndex, port, reason, rttMicros], listed at the end if includeClosed allows. */
  private closed: number[] = [];
  private readonly counts: StateCounts[];
  private readonly srtt: Array<number | null>;
  private done = 0;
  private open = 0;
  private pending: number;
  private cancelled = false;
  private error: string | null = null;
  private progressTimer: NodeJS.Timeout | null = null;
  private rateWindow: Array<{ t: number; done: number }> = [];
  private finishCallback: ((r: ScanResult | null) => void) | null = null;
  private hintsAbort: AbortController | null = null;

  constructor(
    private readonly scanId: string,
    private readonly options: ScanOptions,
    private readonly hosts: ScanTarget[],
    private readonly ports: number[],
    private readonly workerCount: number,
    private readonly warnings: string[],
    private readonly events: ScanEvents,
    private readonly entry: WorkerEntry | undefined,
  ) {
    this.pending = workerCount;
    this.stats = Array.from({ length: workerCount }, () => ({ done: 0, inflight: 0, concurrency: 0, retransmissions: 0, resourceBackoffs: 0, selfConnects: 0 }));
    this.counts = hosts.map(emptyCounts);
    this.srtt = hosts.map(() => null);
  }

  get total(): number {
    return this.hosts.length * this.ports.length;
  }

  start(onFinish: (r: ScanResult | null) => void): void {
    this.finishCallback = onFinish;
    if (this.total === 0) {
      this.pending = 0;
      void this.finish();
      return;
    }
    const timing = TIMING[this.options.timing];
    const udp = this.options.protocol === 'udp';
    const parallelism = Math.min(udp ? timing.udpParallelism : timing.parallelism, socketBudget(this.workerCount));
    const rate = this.options.maxRate ?? (udp ? timing.udpRate : timing.defaultMaxRate);
    const hosts: WorkerHost[] = this.hosts.map((h) => ({ address: h.address, family: h.family, loopback: isLoopbackTarget(h.address) }));
    let entry: WorkerEntry;
    try {
      entry = this.entry ?? workerEntry();
    } catch (err) {
      this.fail(err);
      return;
    }
    for (let w = 0; w < this.workerCount; w++) {
      const job: WorkerJob = {
        protocol: this.options.protocol,
        hosts,
        ports: this.ports,
        workerIndex: w,
        workerCount: this.workerCount,
        // Loopback answers in microseconds: more parallel connects only lengthen the kernel's
        // hash chains (measured: 100 in flight beat 1,000 by half), and nothing there times out.
        concurrency: Math.max(1, Math.min(hosts.every((h) => h.loopback) && !udp ? LOOPBACK_PARALLELISM : Infinity, Math.floor(parallelism / this.workerCount))),
        initialRtoMs: timing.initialRtoMs,
        minRtoMs: timing.minRtoMs,
        maxRtoMs: timing.maxRtoMs,
        retries: this.options.retries ?? timing.retries,
        maxRate: rate ? rate / this.workerCount : null,
      };
      const worker = startWorker(entry);
      this.workers.push(worker);
      worker.on('message', (m: FromWorker) => this.onMessage(w, m));
      worker.on('error', (err) => this.fail(err));
      // A worker that ends without its 'done' (crashed, killed, or idle with probes unanswered)
      // must end the scan with an error: waiting for it would hang the caller forever.
      worker.on('exit', (code) => {
        if (!this.reported[w] && !this.error) this.fail(new Error(`scan worker ${w + 1} stopped before finishing (exit code ${code})`));
      });
      worker.postMessage({ type: 'start', job });
    }
    this.progressTimer = setInterval(() => this.emitProgress(), PROGRESS_MS);
  }

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.hintsAbort?.abort();
    for (const w of this.workers) w.postMessage({ type: 'cancel' });
  }

  private fail(err: unknown): void {
    if (this.error) return;
    this.error = err instanceof Error ? err.message : String(err);
    for (const w of this.workers) void w.terminate();
    this.pending = 0;
    void this.finish();
  }

  private onMessage(w: number, m: FromWorker): void {
    if (m.type === 'batch') {
      this.stats[w] = m.stats;
      this.absorb(m.results);
    } else if (m.type === 'done') {
      this.reported[w] = true;
      this.stats[w] = m.stats;
      m.srtt.forEach((s, i) => {
        if (s !== null && (this.srtt[i] === null || s < this.srtt[i]!)) this.srtt[i] = s;
      });
      void this.workers[w]!.terminate();
      if (--this.pending === 0) void this.finish();
    } else if (m.type === 'error') {
      this.fail(new Error(m.message));
    }
  }

  private absorb(flat: number[]): void {
    for (let i = 0; i < flat.length; i += RESULT_STRIDE) {
      const hostIndex = flat[i]!;
      const port = flat[i + 1]!;
      const state = flat[i + 2]!;
      const reason = flat[i + 3]!;
      const rtt = flat[i + 4]!;
      this.done++;
      this.counts[hostIndex]![STATES[state]!]++;
      if (state === S_CLOSED) {
        this.closed.push(hostIndex, port, reason, rtt);
        continue;
      }
      const result = this.portResult(hostIndex, port, state, reason, rtt);
      this.kept.push(result);
      if (state === S_OPEN) {
        this.open++;
        this.events.found({ scanId: this.scanId, result });
      }
    }
  }

  private portResult(hostIndex: number, port: number, state: number, reason: number, rttMicros: number): PortResult {
    return {
      host: this.hosts[hostIndex]!.address,
      port,
      protocol: this.options.protocol,
      state: STATES[state]!,
      reason: REASONS[reason] ?? 'no-response',
      rttMs: rttMicros < 0 ? null : rttMicros / 1000,
      service: lookupService(port, this.options.protocol)?.name ?? null,
      hint: null,
    };
  }

  private emitProgress(): void {
    const now = performance.now();
    this.rateWindow.push({ t: now, done: this.done });
    while (this.rateWindow.length > 2 && now - this.rateWindow[0]!.t > 1500) this.rateWindow.shift();
    const first = this.rateWindow[0]!;
    const span = (now - first.t) / 1000;
    const ratePerSec = span > 0.05 ? (this.done - first.done) / span : 0;
    const left = this.total - this.done;
    this.events.progress({
      scanId: this.scanId,
      done: this.done,
      total: this.total,
      open: this.open,
      ratePerSec,
      etaMs: ratePerSec > 0 ? (left / ratePerSec) * 1000 : null,
      elapsedMs: now - this.t0,
      concurrency: this.stats.reduce((n, s) => n + s.concurrency, 0),
    });
  }

  private async finish(): Promise<void> {
    if (this.progressTimer) clearInterval(this.progressTimer);
    this.progressTimer = null;
    if (!this.error && !this.cancelled && this.options.serviceHints && this.options.protocol === 'tcp') await this.addHints();
    this.emitProgress();
    if (this.error) {
      this.events.done(this.scanId, null, this.error);
      this.finishCallback?.(null);
      return;
    }
    const result = this.buildResult();
    this.events.done(this.scanId, result, null);
    this.finishCallback?.(result);
  }

  private async addHints(): Promise<void> {
    const open = this.kept.filter((r) => r.state === 'open').slice(0, HINT_LIMIT);
    this.hintsAbort = new AbortController();
    const signal = this.hintsAbort.signal;
    let next = 0;
    const worker = async () => {
      while (next < open.length && !signal.aborted) {
        const r = open[next++]!;
        const name = this.hosts.find((h) => h.address === r.host)?.name ?? null;
        r.hint = await serviceHints(r.host, r.port, { servername: name, signal });
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  }

  private buildResult(): ScanResult {
    const includeClosed = this.options.includeClosed;
    const closedByHost = this.counts.map((c) => c.closed);
    const listClosedFor = (hostIndex: number) =>
      includeClosed === 'always' || (includeClosed === 'auto' && closedByHost[hostIndex]! <= AUTO_CLOSED_LIMIT);
    const results = [...this.kept];
    for (let i = 0; i < this.closed.length; i += 4) {
      const hostIndex = this.closed[i]!;
      if (listClosedFor(hostIndex)) results.push(this.portResult(hostIndex, this.closed[i + 1]!, S_CLOSED, this.closed[i + 2]!, this.closed[i + 3]!));
    }
    this.closed = [];
    const order = new Map(this.hosts.map((h, i) => [h.address, i]));
    results.sort((a, b) => order.get(a.host)! - order.get(b.host)! || a.port - b.port);
    const hosts: HostResult[] = this.hosts.map((h, i) => {
      const c = this.counts[i]!;
      const answered = c.open + c.closed;
      const up = answered > 0 || isLoopbackTarget(h.address);
      return {
        address: h.address,
        name: h.name,
        state: up ? 'up' : 'down',
        reason: isLoopbackTarget(h.address) ? 'localhost-response' : answered > 0 ? (c.open > 0 ? (this.options.protocol === 'udp' ? 'udp-response' : 'syn-ack') : this.options.protocol === 'udp' ? 'port-unreach' : 'conn-refused') : 'no-response',
        counts: c,
        closedOmitted: listClosedFor(i) ? 0 : c.closed,
        srttMs: this.srtt[i] ?? null,
      };
    });
    const counts = emptyCounts();
    for (const c of this.counts) for (const k of Object.keys(counts) as Array<keyof StateCounts>) counts[k] += c[k];
    const durationMs = performance.now() - this.t0;
    return {
      scanId: this.scanId,
      protocol: this.options.protocol,
      timing: this.options.timing,
      startedAt: this.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      cancelled: this.cancelled,
      hosts,
      results,
      summary: {
        probes: this.done,
        retransmissions: this.stats.reduce((n, s) => n + s.retransmissions, 0),
        resourceBackoffs: this.stats.reduce((n, s) => n + s.resourceBackoffs, 0),
        selfConnects: this.stats.reduce((n, s) => n + s.selfConnects, 0),
        counts,
        hostsUp: hosts.filter((h) => h.state === 'up').length,
        hostsDown: hosts.filter((h) => h.state === 'down').length,
        durationMs,
        ratePerSec: durationMs > 0 ? (this.done / durationMs) * 1000 : 0,
      },
      warnings: this.warnings,
    };
  }
}
