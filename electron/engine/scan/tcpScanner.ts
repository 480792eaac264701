import { classifyConnectError, errnoName, isResourceError, R_CONN_REFUSED, R_NO_RESPONSE, R_SYN_ACK, S_CLOSED, S_FILTERED, S_OPEN, type WorkerJob, type WorkerStats } from './codes';
import { createConnector, type ConnectToken, type Connector } from './rawTcp';
import { Pacer } from './pacer';
import { RttEstimator } from './timing';
import { NumberQueue, WorkItems, type ResultSink } from './workItems';

interface InFlight extends ConnectToken {
  local: number;
  port: number;
  hostIndex: number;
  start: number;
  deadline: number;
  done: boolean;
}

const BACKOFF_MIN_MS = 5;
const SELF_CONNECT_TRIES = 5;
const BACKOFF_MAX_MS = 500;
/** Give up (with an error, never "closed") when resources stay exhausted this long with no progress. */
const RESOURCE_GIVE_UP_MS = 30_000;

/**
 * The TCP connect scan loop of one worker: keeps up to `concurrency` connects in flight, times
 * them out from measured round-trip times, retries silence, and treats running out of file
 * descriptors or local ports as a reason to slow down, never as an answer.
 */
export class TcpScanner {
  readonly stats: WorkerStats = { done: 0, inflight: 0, concurrency: 0, retransmissions: 0, resourceBackoffs: 0, selfConnects: 0 };
  private readonly items: WorkItems;
  private readonly attempts: Uint8Array;
  private readonly retryQueue = new NumberQueue();
  private readonly rtt: RttEstimator[];
  private readonly net: Connector<InFlight> = createConnector<InFlight>((rec, status, localPort, kernelRttUs) => this.complete(rec, status, localPort, kernelRttUs));
  private cursor = 0;
  private fifo: InFlight[] = [];
  private fifoHead = 0;
  private ceiling: number;
  private successesSinceGrowth = 0;
  private backoffMs = BACKOFF_MIN_MS;
  private pausedUntil = 0;
  private lastProgressAt = performance.now();
  private readonly pacer: Pacer;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private cancelled = false;
  private finished = false;

  constructor(
    private readonly job: WorkerJob,
    private readonly sink: ResultSink,
    private readonly onFinish: (error: string | null) => void,
  ) {
    this.items = new WorkItems(job);
    this.attempts = new Uint8Array(this.items.count);
    this.rtt = job.hosts.map(() => new RttEstimator(job.initialRtoMs, job.minRtoMs, job.maxRtoMs));
    this.ceiling = Math.max(1, job.concurrency);
    this.stats.concurrency = this.ceiling;
    this.pacer = new Pacer(job.maxRate);
  }

  get total(): number {
    return this.items.count;
  }

  srtt(): Array<number | null> {
    return this.rtt.map((r) => (r.srtt < 0 ? null : r.srtt));
  }

  start(): void {
    this.pump();
  }

  cancel(error: string | null = null): void {
    this.cancelled = true;
    for (let i = this.fifoHead; i < this.fifo.length; i++) {
      const f = this.fifo[i]!;
      if (!f.done) {
        f.done = true;
        this.net.abort(f);
      }
    }
    this.stats.inflight = 0;
    this.finish(error);
  }

  private finish(error: string | null): void {
    if (this.finished) return;
    this.finished = true;
    if (this.timer) clearTimeout(this.timer);
    this.onFinish(error);
  }

  private pump = (): void => {
    if (this.cancelled || this.finished) return;
    const now = performance.now();
    if (now < this.pausedUntil) return this.wake(this.pausedUntil);
    while (this.stats.inflight < this.stats.concurrency) {
      let local: number;
      if (this.retryQueue.length > 0) local = this.retryQueue.shift();
      else if (this.cursor < this.items.count) local = this.cursor++;
      else break;
      const waitUntil = this.pacer.limited ? this.pacer.take(performance.now()) : 0;
      if (waitUntil > 0) {
        this.retryQueue.unshift(local);
        return this.wake(waitUntil);
      }
      if (!this.launch(local)) return; // backing off; a timer resumes
    }
    if (this.stats.inflight === 0 && this.retryQueue.length === 0 && this.cursor >= this.items.count) this.finish(null);
  };

  /** Returns false when the kernel refused to even start the connect for lack of resources. */
  private launch(local: number): boolean {
    const hostIndex = this.items.hostOf(local);
    const host = this.job.hosts[hostIndex]!;
    const port = this.items.portOf(local);
    const start = performance.now();
    const rec: InFlight = { handle: null, aborted: false, local, port, hostIndex, start, deadline: start + this.rtt[hostIndex]!.timeoutMs(), done: false };
    const err = this.net.connect(host.address, host.family, port, host.loopback, rec);
    if (err !== 0) {
      const name = errnoName(err);
      if (isResourceError(name)) {
        this.retryQueue.unshift(local);
        this.backOff();
        return false;
      }
      this.settle(local, classifyConnectError(name), null);
      return true;
    }
    this.stats.inflight++;
    this.fifo.push(rec);
    if (rec.deadline < this.timerAt) this.wake(rec.deadline);
    return true;
  }

  private complete(rec: InFlight, status: number, localPort: number, kernelRttUs: number): void {
    if (rec.done) return;
    rec.done = true;
    this.stats.inflight--;
    // The kernel's handshake time when it has one (0 means it took no sample); else our timer,
    // which also counts the time this loop was busy with other probes.
    const rttMs = kernelRttUs > 0 ? kernelRttUs / 1000 : performance.now() - rec.start;
    const hostIndex = rec.hostIndex;
    const port = rec.port;
    if (status === 0) {
      // On loopback, a connect to a free port in the ephemeral range can pick that very port as
      // its source and connect to itself (TCP simultaneous open). Nothing listens: ask again.
      if (this.job.hosts[hostIndex]!.loopback && localPort === port) {
        this.stats.selfConnects++;
        // The kernel only picks a free port as the source, so nothing listens on it: closed. Ask
        // again a few times for a proper refusal, then say so without one (bounded: when that
        // port is the only free source port, every attempt connects to itself).
        if (this.attempts[rec.local]! < SELF_CONNECT_TRIES) {
          this.attempts[rec.local]!++;
          this.stats.retransmissions++;
          this.retryQueue.push(rec.local);
        } else {
          this.settle(rec.local, { state: S_CLOSED, reason: R_CONN_REFUSED }, rttMs);
        }
        return this.pump();
      }
      this.rtt[hostIndex]!.sample(rttMs);
      this.grow();
      this.settle(rec.local, { state: S_OPEN, reason: R_SYN_ACK }, rttMs);
      return this.pump();
    }
    const name = errnoName(status);
    if (isResourceError(name)) {
      this.retryQueue.unshift(rec.local);
      this.backOff();
      return;
    }
    const verdict = classifyConnectError(name);
    // Refusals come from the host itself: a clean round-trip sample. Unreachables may come from a router.
    if (name === 'ECONNREFUSED' || name === 'ECONNRESET') this.rtt[hostIndex]!.sample(rttMs);
    this.grow();
    this.settle(rec.local, verdict, rttMs);
    this.pump();
  }

  private settle(local: number, verdict: { state: number; reason: number }, rttMs: number | null): void {
    this.stats.done++;
    this.lastProgressAt = performance.now();
    this.sink.record(local, verdict.state, verdict.reason, rttMs);
  }

  /** Additive increase after a run of answers, back up to the ceiling the fd limit allows. */
  private grow(): void {
    this.backoffMs = BACKOFF_MIN_MS;
    if (this.stats.concurrency >= this.ceiling) return;
    if (++this.successesSinceGrowth >= this.stats.concurrency) {
      this.successesSinceGrowth = 0;
      this.stats.concurrency++;
    }
  }

  /** Multiplicative decrease: fewer sockets at once, a pause that doubles while errors persist. */
  private backOff(): void {
    this.stats.resourceBackoffs++;
    const now = performance.now();
    this.stats.concurrency = Math.max(1, Math.floor(Math.min(this.stats.concurrency, this.stats.inflight + 1) * 0.75));
    this.ceiling = Math.max(this.stats.concurrency, Math.min(this.ceiling, this.stats.inflight + 1));
    this.successesSinceGrowth = 0;
    this.pausedUntil = now + this.backoffMs;
    this.backoffMs = Math.min(BACKOFF_MAX_MS, this.backoffMs * 2);
    if (now - this.lastProgressAt > RESOURCE_GIVE_UP_MS) {
      this.cancel(`no file descriptors or local ports came free for ${RESOURCE_GIVE_UP_MS / 1000} s; raise the limit (ulimit -n) or scan fewer ports at once`);
      return;
    }
    this.wake(this.pausedUntil);
  }

  private wake(at: number): void {
    if (this.finished) return;
    if (this.timer && at >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(this.tick, Math.max(0, at - performance.now()));
  }

  /**
   * Timers run before the event loop polls for I/O: answers that arrived while the loop was busy
   * are still queued. Expire only after they have been read (setImmediate runs after the poll).
   */
  private tick = (): void => {
    this.timer = null;
    this.timerAt = Infinity;
    setImmediate(this.expire);
  };

  /** Expires overdue connects (oldest first), then refills. */
  private expire = (): void => {
    if (this.finished) return;
    const now = performance.now();
    while (this.fifoHead < this.fifo.length) {
      const f = this.fifo[this.fifoHead]!;
      if (!f.done && f.deadline > now) break;
      this.fifoHead++;
      if (f.done) continue;
      f.done = true;
      this.net.abort(f);
      this.stats.inflight--;
      if (this.attempts[f.local]! < this.job.retries) {
        this.attempts[f.local]!++;
        this.stats.retransmissions++;
        this.retryQueue.push(f.local);
      } else {
        this.settle(f.local, { state: S_FILTERED, reason: R_NO_RESPONSE }, null);
      }
    }
    if (this.fifoHead > 4096 && this.fifoHead * 2 > this.fifo.length) {
      this.fifo = this.fifo.slice(this.fifoHead);
      this.fifoHead = 0;
    }
    const head = this.fifo[this.fifoHead];
    if (head) this.wake(head.deadline);
    this.pump();
  };
}

