import dns from 'node:dns/promises';
import { formatEndpoint } from '../../../shared/net/address';
import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { ContractError } from '../../../shared/contract/errors';
import type { ProbeAttempt, ProbeOptions, ProbeResult } from '../../../shared/contract/scan';
import { needsAuthorization, probeUnauthorizedText } from '../scan/safety';
import { tcpAttempt, udpAttempt, type AttemptResult } from './attempt';
import type { LocalizedText } from '../../../shared/contract/localized';
import type { EngineKey } from '../../../shared/i18n/catalogs/engine';
import { engineText } from '../localizedText';

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
      const { message, ...text } = probeUnauthorizedText(shown);
      throw new ContractError('denied', message, text);
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
        ...(r.messageKey ? { messageKey: r.messageKey } : {}),
        ...(r.values ? { values: r.values } : {}),
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
  const base = engineText(said.key, said.values);
  const prefix = { key: 'engine.probe.verdict.cancelledPrefix' as const, values: { sent, count: o.count } };
  const text = cancelled ? `${engineText(prefix.key, prefix.values)} ${base}` : base;
  return {
    probeId,
    host: o.host,
    address,
    port: o.port,
    protocol: o.protocol,
    attempts,
    sent,
    received: ok.length,
    loss,
    rtt,
    banner,
    verdict: text,
    verdictText: said,
    ...(cancelled ? { cancelledText: prefix } : {}),
    cancelled,
  };
}

/** The verdict as a catalog key and values; a cancelled series gets the "Cancelled after …" prefix on top. */
function verdict(o: ProbeOptions, attempts: ProbeAttempt[], okCount: number): LocalizedText & { key: EngineKey } {
  const target = `${formatEndpoint(o.host, o.port)}${o.protocol === 'udp' ? '/udp' : ''}`;
  const host = o.host;
  const say = (key: EngineKey, values: Record<string, string | number> = { target }) => ({ key, values });
  if (attempts.length === 0) return say('engine.probe.verdict.none');
  const outcomes = new Set(attempts.map((a) => a.outcome));
  if (okCount === attempts.length) return say(o.protocol === 'udp' ? 'engine.probe.verdict.udpOpen' : 'engine.probe.verdict.open');
  if (okCount > 0) return say('engine.probe.verdict.unreliable', { target, failed: attempts.length - okCount, total: attempts.length });
  if (outcomes.size === 1) {
    switch (attempts[0]!.outcome) {
      case 'refused':
        return say('engine.probe.verdict.closed');
      case 'timeout':
        return say('engine.probe.verdict.timeout');
      case 'no-reply':
        return say('engine.probe.verdict.silent');
      case 'no-route':
        return say('engine.probe.verdict.noRoute', { host });
      case 'prohibited':
        return say('engine.probe.verdict.prohibited');
      case 'unresolved':
        return say('engine.probe.verdict.unresolved', { host });
      default:
        break;
    }
  }
  return say('engine.probe.verdict.unreachable', { target, outcomes: [...outcomes].join(', ') });
}
