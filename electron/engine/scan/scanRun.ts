import type { Worker } from 'node:worker_threads';
import {
  compactPortList,
  LARGE_SCAN_HOSTS,
  LARGE_SCAN_PROBES,
  type HostResult,
  type PortResult,
  type ScanOptions,
  type ScanResult,
  type ScanTarget,
  type StateCounts,
} from '../../../shared/contract/scan';
import { lookupService } from '../catalog/services';
import { REASONS, RESULT_STRIDE, S_CLOSED, S_OPEN, STATES, type FromWorker, type WorkerHost, type WorkerJob, type WorkerStats } from './codes';
import { socketBudget } from './fdLimit';
import { serviceHints } from './hints';
import type { HostSet } from './hostSet';
import { startWorker, workerEntry, type WorkerEntry } from './pool';
import { isLoopbackTarget, runIsLoopback } from './safety';
import type { ScanEvents } from './scanner';
import { TIMING } from './timing';

const AUTO_CLOSED_LIMIT = 1000;
const PROGRESS_MS = 100;
const HINT_LIMIT = 256;
const HINT_PARALLEL = 8;
/**
 * What one port's hints take before any has been measured: most services wait for the client,
 * so the passive banner read runs its full 1.5 s before the HTTP request goes out.
 */
const HINT_PRIOR_MS = 1600;
const LOOPBACK_PARALLELISM = 128;
/**
 * Host groups, as nmap's: a scan larger than one group walks its hosts a group at a time, so
 * memory holds one group's hosts and answers, whatever the scan's size. A scan that needs no
 * confirmation (LARGE_SCAN_HOSTS, LARGE_SCAN_PROBES) is one group.
 */
const GROUP_PROBES = 262_144;
const GROUP_HOSTS = 16_384;
/** Over several groups, only hosts with an open port are listed, and at most this many. */
const LIST_HOSTS_LIMIT = 65_536;
const LIST_RESULTS_LIMIT = 200_000;
/** `scan.found` events per scan (a /8 on a port every address answers would be 16 million). */
const FOUND_EVENTS_LIMIT = 10_000;

const emptyCounts = (): StateCounts => ({ open: 0, closed: 0, filtered: 0, 'open|filtered': 0 });
const emptyStats = (): WorkerStats => ({ done: 0, inflight: 0, concurrency: 0, retransmissions: 0, resourceBackoffs: 0, selfConnects: 0 });

/** One group's hosts and everything learned about them, until the group is finished. */
interface Group {
  start: number;
  hosts: ScanTarget[];
  counts: StateCounts[];
  srtt: Array<number | null>;
  /** Per host, answers as flat [port, state, reason, rttMicros] quadruples. */
  answers: number[][];
  pending: number;
}

export class ScanRun {
  private readonly workers: Worker[] = [];
  /** Stats of each worker's finished jobs, and of its current one. */
  private readonly statsDone: WorkerStats[];
  private readonly statsNow: WorkerStats[];
  private readonly busy: boolean[];
  private readonly startedAt = new Date();
  private readonly t0 = performance.now();
  private readonly groupSize: number;
  private readonly singleGroup: boolean;
  private group: Group | null = null;
  private nextHost = 0;
  private readonly hostResults: HostResult[] = [];
  private readonly results: PortResult[] = [];
  private hostsOmitted = 0;
  private hostsUp = 0;
  private hostsDown = 0;
  private readonly counts = emptyCounts();
  private done = 0;
  private open = 0;
  private foundEvents = 0;
  private cancelled = false;
  private finished = false;
  private error: string | null = null;
  private progressTimer: NodeJS.Timeout | null = null;
  private rateWindow: Array<{ t: number; done: number }> = [];
  private finishCallback: ((r: ScanResult | null) => void) | null = null;
  private hintsAbort: AbortController | null = null;
  private jobTemplate: Omit<WorkerJob, 'hosts' | 'workerIndex'> | null = null;
  private probingMs: number | null = null;
  private hints = { total: 0, done: 0, spentMs: 0, state: 'pending' as 'pending' | 'running' | 'done' };

  constructor(
    private readonly scanId: string,
    private readonly options: ScanOptions,
    private readonly hosts: HostSet,
    private readonly ports: number[],
    private readonly workerCount: number,
    private readonly warnings: string[],
    private readonly events: ScanEvents,
    private readonly entry: WorkerEntry | undefined,
  ) {
    this.statsDone = Array.from({ length: workerCount }, emptyStats);
    this.statsNow = Array.from({ length: workerCount }, emptyStats);
    this.busy = Array.from({ length: workerCount }, () => false);
    const total = hosts.count * ports.length;
    this.singleGroup = total <= LARGE_SCAN_PROBES && hosts.count <= LARGE_SCAN_HOSTS;
    this.groupSize = this.singleGroup ? hosts.count : Math.max(1, Math.min(GROUP_HOSTS, Math.floor(GROUP_PROBES / Math.max(1, ports.length))));
  }

  get total(): number {
    return this.hosts.count * this.ports.length;
  }

  start(onFinish: (r: ScanResult | null) => void): void {
    this.finishCallback = onFinish;
    if (this.total === 0) {
      void this.finish();
      return;
    }
    const timing = TIMING[this.options.timing];
    const udp = this.options.protocol === 'udp';
    const parallelism = Math.min(udp ? timing.udpParallelism : timing.parallelism, socketBudget(this.workerCount));
    const rate = this.options.maxRate ?? (udp ? timing.udpRate : timing.defaultMaxRate);
    let entry: WorkerEntry;
    try {
      entry = this.entry ?? workerEntry();
    } catch (err) {
      this.fail(err);
      return;
    }
    const allLoopback = this.hosts.runs.every((r) => runIsLoopback(r.family, r.start, r.count));
    this.jobTemplate = {
      protocol: this.options.protocol,
      ports: this.ports,
      workerCount: this.workerCount,
      // Loopback answers in microseconds: more parallel connects only lengthen the kernel's
      // hash chains (measured: 100 in flight beat 1,000 by half), and nothing there times out.
      concurrency: Math.max(1, Math.min(allLoopback && !udp ? LOOPBACK_PARALLELISM : Infinity, Math.floor(parallelism / this.workerCount))),
      initialRtoMs: timing.initialRtoMs,
      minRtoMs: timing.minRtoMs,
      maxRtoMs: timing.maxRtoMs,
      retries: this.options.retries ?? timing.retries,
      maxRate: rate ? rate / this.workerCount : null,
    };
    for (let w = 0; w < this.workerCount; w++) {
      const worker = startWorker(entry);
      this.workers.push(worker);
      worker.on('message', (m: FromWorker) => this.onMessage(w, m));
      worker.on('error', (err) => this.fail(err));
      // A worker that ends while it owes answers (crashed, killed, or idle with probes
      // unanswered) must end the scan with an error: waiting for it would hang the caller forever.
      worker.on('exit', (code) => {
        if (this.busy[w] && !this.error && !this.finished) this.fail(new Error(`scan worker ${w + 1} stopped before finishing (exit code ${code})`));
      });
    }
    this.progressTimer = setInterval(() => this.emitProgress(), PROGRESS_MS);
    this.nextGroup();
  }

  cancel(): void {
    if (this.cancelled || this.finished) return;
    this.cancelled = true;
    this.hintsAbort?.abort();
    if (!this.group) {
      void this.finish();
      return;
    }
    for (const w of this.workers) w.postMessage({ type: 'cancel' });
  }

  /** Hands the next group of hosts to every worker, each its share of the hosts × ports grid. */
  private nextGroup(): void {
    if (this.nextHost >= this.hosts.count || this.cancelled) {
      void this.finish();
      return;
    }
    const start = this.nextHost;
    const hosts = this.hosts.slice(start, start + this.groupSize);
    this.nextHost += hosts.length;
    this.group = {
      start,
      hosts,
      counts: hosts.map(emptyCounts),
      srtt: hosts.map(() => null),
      answers: hosts.map(() => []),
      pending: this.workerCount,
    };
    const workerHosts: WorkerHost[] = hosts.map((h) => ({ address: h.address, family: h.family, loopback: isLoopbackTarget(h.address) }));
    for (let w = 0; w < this.workerCount; w++) {
      this.busy[w] = true;
      this.workers[w]!.postMessage({ type: 'start', job: { ...this.jobTemplate!, hosts: workerHosts, workerIndex: w } satisfies WorkerJob });
    }
  }

  private fail(err: unknown): void {
    if (this.error || this.finished) return;
    this.error = err instanceof Error ? err.message : String(err);
    this.group = null;
    void this.finish();
  }

  private onMessage(w: number, m: FromWorker): void {
    if (this.finished || this.error) return;
    if (m.type === 'batch') {
      this.statsNow[w] = m.stats;
      this.absorb(m.results);
    } else if (m.type === 'done') {
      this.busy[w] = false;
      const g = this.group;
      if (!g) return;
      for (const k of Object.keys(m.stats) as Array<keyof WorkerStats>) if (k !== 'inflight' && k !== 'concurrency') this.statsDone[w]![k] += m.stats[k];
      this.statsNow[w] = { ...emptyStats(), concurrency: m.stats.concurrency };
      m.srtt.forEach((s, i) => {
        if (s !== null && (g.srtt[i] === null || s < g.srtt[i]!)) g.srtt[i] = s;
      });
      if (--g.pending === 0) {
        this.closeGroup(g);
        this.group = null;
        this.nextGroup();
      }
    } else if (m.type === 'error') {
      this.fail(new Error(m.message));
    }
  }

  private absorb(flat: number[]): void {
    const g = this.group;
    if (!g) return;
    for (let i = 0; i < flat.length; i += RESULT_STRIDE) {
      const hostIndex = flat[i]!;
      const port = flat[i + 1]!;
      const state = flat[i + 2]!;
      const reason = flat[i + 3]!;
      const rtt = flat[i + 4]!;
      this.done++;
      g.counts[hostIndex]![STATES[state]!]++;
      g.answers[hostIndex]!.push(port, state, reason, rtt);
      if (state === S_OPEN) {
        this.open++;
        if (this.foundEvents < FOUND_EVENTS_LIMIT) {
          this.foundEvents++;
          this.events.found({ scanId: this.scanId, result: this.portResult(g.hosts[hostIndex]!.address, port, state, reason, rtt) });
        }
      }
    }
  }

  /** Folds a finished (or cancelled) group into the result and lets its answers go. */
  private closeGroup(g: Group): void {
    const includeClosed = this.options.includeClosed;
    g.hosts.forEach((h, i) => {
      const c = g.counts[i]!;
      // A cancelled group's hosts that got no answer yet were not scanned: in a scan of one
      // group they are listed as such (as before), in a larger one they are left out.
      if (!this.singleGroup && c.open + c.closed + c.filtered + c['open|filtered'] === 0) return;
      for (const k of Object.keys(c) as Array<keyof StateCounts>) this.counts[k] += c[k];
      const answered = c.open + c.closed;
      const loopback = isLoopbackTarget(h.address);
      const up = answered > 0 || loopback;
      if (up) this.hostsUp++;
      else this.hostsDown++;
      const listed =
        this.singleGroup ||
        (c.open + c['open|filtered'] > 0 && this.hostResults.length < LIST_HOSTS_LIMIT && this.results.length < LIST_RESULTS_LIMIT);
      if (!listed) {
        this.hostsOmitted++;
        return;
      }
      const listClosed = includeClosed === 'always' || (includeClosed === 'auto' && c.closed <= AUTO_CLOSED_LIMIT);
      const a = g.answers[i]!;
      const order: number[] = [];
      for (let j = 0; j < a.length; j += 4) order.push(j);
      order.sort((x, y) => a[x]! - a[y]!);
      const closed: number[] = [];
      for (const j of order) {
        const state = a[j + 1]!;
        if (state === S_CLOSED) {
          closed.push(a[j]!);
          if (!listClosed) continue;
        }
        this.results.push(this.portResult(h.address, a[j]!, state, a[j + 2]!, a[j + 3]!));
      }
      this.hostResults.push({
        address: h.address,
        name: h.name,
        state: up ? 'up' : 'down',
        reason: loopback ? 'localhost-response' : answered > 0 ? (c.open > 0 ? (this.options.protocol === 'udp' ? 'udp-response' : 'syn-ack') : this.options.protocol === 'udp' ? 'port-unreach' : 'conn-refused') : 'no-response',
        counts: c,
        closedOmitted: listClosed ? 0 : c.closed,
        closedPorts: compactPortList(closed),
        srttMs: g.srtt[i] ?? null,
      });
    });
  }

  private portResult(host: string, port: number, state: number, reason: number, rttMicros: number): PortResult {
    return {
      host,
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
    const hinting = this.hints.state !== 'pending';
    const probingLeft = hinting || left === 0 ? 0 : ratePerSec > 0 ? (left / ratePerSec) * 1000 : null;
    this.events.progress({
      scanId: this.scanId,
      done: this.done,
      total: this.total,
      open: this.open,
      ratePerSec: hinting ? 0 : ratePerSec,
      etaMs: probingLeft === null ? null : probingLeft + this.hintsLeftMs(),
      phase: hinting ? 'hints' : 'probing',
      elapsedMs: now - this.t0,
      concurrency: this.statsNow.reduce((n, s) => n + s.concurrency, 0),
    });
  }

  /** Service hints still to come: lanes of HINT_PARALLEL ports, each as long as measured so far. */
  private hintsLeftMs(): number {
    if (!this.options.serviceHints || this.options.protocol !== 'tcp' || this.cancelled || this.hints.state === 'done') return 0;
    const total = this.hints.state === 'running' ? this.hints.total : Math.min(this.open, HINT_LIMIT);
    const each = this.hints.done > 0 ? this.hints.spentMs / this.hints.done : HINT_PRIOR_MS;
    return Math.ceil((total - this.hints.done) / HINT_PARALLEL) * each;
  }

  private async finish(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    // A cancelled group still tells what it learned.
    if (this.group && !this.error) this.closeGroup(this.group);
    this.group = null;
    for (const w of this.workers) void w.terminate();
    this.probingMs = performance.now() - this.t0;
    if (!this.error && !this.cancelled && this.options.serviceHints && this.options.protocol === 'tcp') await this.addHints();
    if (this.progressTimer) clearInterval(this.progressTimer);
    this.progressTimer = null;
    if (this.hints.state === 'running') this.hints.state = 'done';
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
    const open = this.results.filter((r) => r.state === 'open').slice(0, HINT_LIMIT);
    this.hints = { total: open.length, done: 0, spentMs: 0, state: 'running' };
    this.emitProgress();
    this.hintsAbort = new AbortController();
    const signal = this.hintsAbort.signal;
    const names = new Map(this.hostResults.map((h) => [h.address, h.name]));
    let next = 0;
    const worker = async () => {
      while (next < open.length && !signal.aborted) {
        const r = open[next++]!;
        const t = performance.now();
        r.hint = await serviceHints(r.host, r.port, { servername: names.get(r.host) ?? null, signal });
        this.hints.done++;
        this.hints.spentMs += performance.now() - t;
      }
    };
    await Promise.all(Array.from({ length: HINT_PARALLEL }, worker));
  }

  private buildResult(): ScanResult {
    const durationMs = performance.now() - this.t0;
    const probingMs = this.probingMs ?? durationMs;
    const sum = (k: keyof WorkerStats) => this.statsDone.reduce((n, s) => n + s[k], 0) + this.statsNow.reduce((n, s) => n + s[k], 0);
    return {
      scanId: this.scanId,
      protocol: this.options.protocol,
      timing: this.options.timing,
      startedAt: this.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      cancelled: this.cancelled,
      hosts: this.hostResults,
      results: this.results,
      ports: compactPortList([...new Set(this.ports)].sort((a, b) => a - b)),
      hostsOmitted: this.hostsOmitted,
      summary: {
        probes: this.done,
        retransmissions: sum('retransmissions'),
        resourceBackoffs: sum('resourceBackoffs'),
        selfConnects: sum('selfConnects'),
        counts: { ...this.counts },
        hostsUp: this.hostsUp,
        hostsDown: this.hostsDown,
        durationMs,
        ratePerSec: probingMs > 0 ? (this.done / probingMs) * 1000 : 0,
        probingMs,
        hintsMs: durationMs - probingMs,
      },
      warnings: this.warnings,
    };
  }
}
