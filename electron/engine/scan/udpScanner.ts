import dgram from 'node:dgram';
import { classifyConnectError, isResourceError, R_NO_RESPONSE, R_PORT_UNREACH, R_UDP_RESPONSE, S_CLOSED, S_OPEN, S_OPEN_FILTERED, type WorkerJob, type WorkerStats } from './codes';
import { Pacer } from './pacer';
import { udpPayload } from './payloads';
import { RttEstimator } from './timing';
import { NumberQueue, WorkItems, type ResultSink } from './workItems';

/**
 * Linux lets a host send about one ICMP error per second to each peer (after a burst of about
 * six), except over loopback. A silent port may therefore be closed with its ICMP "port
 * unreachable" swallowed by the limiter. Retry rounds wait long enough for the limiter to refill.
 */
const ICMP_REFILL_MS = 1100;

interface Pending {
  local: number;
  socket: dgram.Socket;
  start: number;
  timer: NodeJS.Timeout;
  settled: boolean;
}

/**
 * The UDP scan loop of one worker, in rounds: every unanswered port gets a datagram (a protocol
 * payload where one is known), paced; an answer = open, ICMP port unreachable (ECONNREFUSED on a
 * connected socket) = closed, other ICMP errors = filtered. Silent ports go to the next round. A
 * round that still turns up closed ports is evidence of ICMP rate limiting and does not use up a
 * retry; only rounds that learn nothing do. Silence after the retries = open|filtered.
 */
export class UdpScanner {
  readonly stats: WorkerStats = { done: 0, inflight: 0, concurrency: 0, retransmissions: 0, resourceBackoffs: 0, selfConnects: 0 };
  private readonly items: WorkItems;
  private readonly rtt: RttEstimator[];
  private queue = new NumberQueue();
  private silent: number[] = [];
  private readonly open = new Set<Pending>();
  private round = 0;
  private learnedThisRound = 0;
  private fruitlessRounds = 0;
  private readonly pacer: Pacer;
  private timer: NodeJS.Timeout | null = null;
  private finished = false;

  constructor(
    private readonly job: WorkerJob,
    private readonly sink: ResultSink,
    private readonly onFinish: (error: string | null) => void,
  ) {
    this.items = new WorkItems(job);
    this.rtt = job.hosts.map(() => new RttEstimator(job.initialRtoMs, job.minRtoMs, job.maxRtoMs));
    this.stats.concurrency = Math.max(1, job.concurrency);
    this.pacer = new Pacer(job.maxRate);
    for (let i = 0; i < this.items.count; i++) this.queue.push(i);
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

  cancel(): void {
    for (const p of this.open) this.close(p);
    this.finish(null);
  }

  private finish(error: string | null): void {
    if (this.finished) return;
    this.finished = true;
    if (this.timer) clearTimeout(this.timer);
    this.onFinish(error);
  }

  private pump = (): void => {
    this.timer = null;
    if (this.finished) return;
    while (this.open.size < this.stats.concurrency && this.queue.length > 0) {
      const now = performance.now();
      const waitUntil = this.pacer.take(now);
      if (waitUntil > 0) {
        this.timer = setTimeout(this.pump, waitUntil - now);
        return;
      }
      this.send(this.queue.shift());
    }
    if (this.open.size === 0 && this.queue.length === 0) this.endRound();
  };

  private endRound(): void {
    if (this.silent.length === 0) return this.finish(null);
    if (this.round > 0 && this.learnedThisRound === 0) this.fruitlessRounds++;
    if (this.fruitlessRounds >= this.job.retries) {
      for (const local of this.silent) this.settle(local, S_OPEN_FILTERED, R_NO_RESPONSE, null);
      this.silent = [];
      return this.finish(null);
    }
    this.round++;
    this.learnedThisRound = 0;
    this.stats.retransmissions += this.silent.length;
    for (const local of this.silent) this.queue.push(local);
    this.silent = [];
    // Loopback is exempt from ICMP rate limiting; every other peer needs the bucket to refill.
    const anyRemote = this.job.hosts.some((h) => !h.loopback);
    this.timer = setTimeout(this.pump, anyRemote ? ICMP_REFILL_MS : 0);
  }

  private send(local: number): void {
    const hostIndex = this.items.hostOf(local);
    const host = this.job.hosts[hostIndex]!;
    const port = this.items.portOf(local);
    let socket: dgram.Socket;
    try {
      socket = dgram.createSocket(host.family === 6 ? 'udp6' : 'udp4');
    } catch (err) {
      return this.resourceTrouble(local, err);
    }
    const p: Pending = { local, socket, start: performance.now(), timer: null as unknown as NodeJS.Timeout, settled: false };
    this.open.add(p);
    this.stats.inflight = this.open.size;
    p.timer = setTimeout(() => {
      if (p.settled) return;
      this.close(p);
      this.silent.push(local);
      this.pump();
    }, this.rtt[hostIndex]!.timeoutMs());
    socket.on('message', () => {
      if (p.settled) return;
      const rttMs = performance.now() - p.start;
      this.rtt[hostIndex]!.sample(rttMs);
      this.close(p);
      this.learned(local, S_OPEN, R_UDP_RESPONSE, rttMs);
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (p.settled) return;
      const rttMs = performance.now() - p.start;
      this.close(p);
      const code = err.code ?? 'EIO';
      if (isResourceError(code)) return this.resourceTrouble(local, err);
      if (code === 'ECONNREFUSED') {
        this.rtt[hostIndex]!.sample(rttMs);
        return this.learned(local, S_CLOSED, R_PORT_UNREACH, rttMs);
      }
      const verdict = classifyConnectError(code);
      this.learned(local, verdict.state, verdict.reason, rttMs);
    });
    // A connected socket is what turns the ICMP answer into an error on this very socket.
    socket.connect(port, host.address, () => {
      if (p.settled) return;
      socket.send(udpPayload(port), (err) => {
        if (err && !p.settled) socket.emit('error', err);
      });
    });
  }

  private learned(local: number, state: number, reason: number, rttMs: number | null): void {
    this.learnedThisRound++;
    this.settle(local, state, reason, rttMs);
    this.pump();
  }

  private settle(local: number, state: number, reason: number, rttMs: number | null): void {
    this.stats.done++;
    this.sink.record(local, state, reason, rttMs);
  }

  private close(p: Pending): void {
    p.settled = true;
    clearTimeout(p.timer);
    this.open.delete(p);
    this.stats.inflight = this.open.size;
    try {
      p.socket.close();
    } catch {
      // already closed by a failed bind or connect
    }
  }

  private resourceTrouble(local: number, _err: unknown): void {
    this.stats.resourceBackoffs++;
    this.stats.concurrency = Math.max(1, Math.floor(this.open.size * 0.75));
    this.queue.unshift(local);
    if (!this.timer) this.timer = setTimeout(this.pump, 20);
  }
}
