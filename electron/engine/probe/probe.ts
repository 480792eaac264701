import dns from 'node:dns/promises';
import { formatEndpoint } from '../../../shared/net/address';
import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { ContractError } from '../../../shared/contract/errors';
import type { ProbeAttempt, ProbeOptions, ProbeResult } from '../../../shared/contract/scan';
import { AUTHORIZATION_NOTICE, needsAuthorization } from '../scan/safety';
import { tcpAttempt, udpAttempt, type AttemptResult } from './attempt';

export interface ProbeEvents {
  attempt(a: ProbeAttempt): void;
  done(r: ProbeResult): void;
}

export type Lookup = (host: string) => Promise<string>;

const systemLookup: Lookup = async (host) => (await dns.lookup(host, { verbatim: true })).address;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

/** Repeated reachability attempts to one host:port, like `telnet host port` or `nc -vz` in a loop. */
export class ProbeRunner {
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly events: ProbeEvents,
    private readonly lookup: Lookup = systemLookup,
  ) {}

  /**
   * Resolves and checks the target first (a public address needs `authorized`: that refusal is
   * the call's error), then runs the attempts in the background.
   */
  async start(options: ProbeOptions): Promise<{ probeId: string; done: Promise<ProbeResult> }> {
    const probeId = randomUUID();
    let address: string | null = null;
    let failure: string | null = null;
    try {
      address = net.isIP(options.host) ? options.host : await this.lookup(options.host);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      failure = `Name not resolved: ${options.host} (${code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'no such name' : code}).`;
    }
    if (address !== null && needsAuthorization(address) && !options.authorized) {
      const shown = address === options.host ? address : `${options.host} (${address})`;
      throw new ContractError('denied', `${shown} is outside your local networks. ${AUTHORIZATION_NOTICE} Confirm you are allowed to probe it (--i-am-authorized).`);
    }
    const abort = new AbortController();
    this.running.set(probeId, abort);
    const done = this.run(probeId, options, address, failure, abort.signal).finally(() => this.running.delete(probeId));
    return { probeId, done };
  }

  cancel(probeId: string): boolean {
    const abort = this.running.get(probeId);
    abort?.abort();
    return Boolean(abort);
  }

  private async run(probeId: string, o: ProbeOptions, address: string | null, failure: string | null, signal: AbortSignal): Promise<ProbeResult> {
    const attempts: ProbeAttempt[] = [];
    let banner: string | null = null;
    const record = (seq: number, r: AttemptResult) => {
      const a: ProbeAttempt = {
        probeId,
        seq,
        address,
        outcome: r.outcome,
        ok: r.outcome === 'connected' || r.outcome === 'reply',
        rttMs: r.rttMs,
        message: r.message,
        at: new Date().toISOString(),
      };
      attempts.push(a);
      this.events.attempt(a);
    };
    // Attempt events must not fire before the caller has the probe id: start after this turn.
    await new Promise((r) => setImmediate(r));
    if (failure !== null) record(1, { outcome: 'unresolved', rttMs: null, message: failure });
    if (address !== null) {
      for (let seq = 1; seq <= o.count && !signal.aborted; seq++) {
        const started = performance.now();
        const r: AttemptResult =
          o.protocol === 'udp'
            ? await udpAttempt(address, o.port, o.timeoutMs, signal)
            : await tcpAttempt(address, o.port, o.timeoutMs, o.banner && banner === null, signal);
        if (signal.aborted) break;
        if (r.banner !== undefined && r.banner !== null) banner = r.banner;
        record(seq, r);
        if (seq < o.count) await sleep(o.intervalMs - (performance.now() - started), signal);
      }
    }
    const result = summarize(probeId, o, address, attempts, banner, signal.aborted);
    this.events.done(result);
    return result;
  }
}

export function summarize(probeId: string, o: ProbeOptions, address: string | null, attempts: ProbeAttempt[], banner: string | null, cancelled: boolean): ProbeResult {
  const ok = attempts.filter((a) => a.ok);
  const rtts = ok.map((a) => a.rttMs!).filter((n) => typeof n === 'number');
  const sent = attempts.length;
  const loss = sent === 0 ? 0 : (sent - ok.length) / sent;
  const rtt = rtts.length ? { minMs: Math.min(...rtts), avgMs: rtts.reduce((a, b) => a + b, 0) / rtts.length, maxMs: Math.max(...rtts) } : null;
  // A cancelled series says so first: "58 of 58 answered" would read as a finished one.
  const said = verdict(o, attempts, ok.length);
  const text = cancelled ? `Cancelled after ${sent} of ${o.count} attempt${o.count === 1 ? '' : 's'}. ${said}` : said;
  return { probeId, host: o.host, address, port: o.port, protocol: o.protocol, attempts, sent, received: ok.length, loss, rtt, banner, verdict: text, cancelled };
}

function verdict(o: ProbeOptions, attempts: ProbeAttempt[], okCount: number): string {
  const target = `${formatEndpoint(o.host, o.port)}${o.protocol === 'udp' ? '/udp' : ''}`;
  if (attempts.length === 0) return `No attempt was made to ${target}.`;
  const outcomes = new Set(attempts.map((a) => a.outcome));
  if (okCount === attempts.length) return o.protocol === 'udp' ? `${target} answers: the port is open.` : `${target} is reachable: the port is open.`;
  if (okCount > 0) return `${target} is reachable, but ${attempts.length - okCount} of ${attempts.length} attempts failed: the connection is unreliable.`;
  if (outcomes.size === 1) {
    switch (attempts[0]!.outcome) {
      case 'refused':
        return `${target} is closed: the host answers, but nothing listens on that port.`;
      case 'timeout':
        return `${target} did not answer: filtered by a firewall that drops packets, or the host is down.`;
      case 'no-reply':
        return `${target} stayed silent: open|filtered (an open UDP service may ignore unknown datagrams).`;
      case 'no-route':
        return `${o.host} cannot be reached: no route to the host or its network.`;
      case 'prohibited':
        return `${target} is blocked by a firewall that says so (administratively prohibited).`;
      case 'unresolved':
        return `${o.host} could not be resolved: check the name or your DNS settings.`;
      default:
        break;
    }
  }
  return `${target} is not reachable (${[...outcomes].join(', ')}).`;
}
