import { type Command } from 'commander';
import { ContractError } from '../../../shared/contract/errors';
import { ProbeRequestSchema, type ProbeAttempt, type ProbeRequest, type ProbeResult } from '../../../shared/contract/scan';
import type { Engine } from '../../engine/service';
import { EXIT_NOTHING, EXIT_OK, UsageError } from '../errors';
import { parsePort } from '../options';
import type { Output } from '../output';
import { addCommandRegistrar, type CommandContext } from '../registry';
import { terminalSafe } from '../table';
import { formatEndpoint } from '../../../shared/net/address';
import { formatRtt } from './scanFormat';
import { fmt, t, tEngine } from '../i18n';
import { outcomeSelector } from '../../engine/localizedText';

export interface ProbeCliOptions {
  udp?: boolean;
  count: number;
  interval: number;
  timeout: number;
  banner?: boolean;
  json?: boolean;
  iAmAuthorized?: boolean;
  signal?: AbortSignal;
}

/**
 * `host:port`, `[v6]:port`, or host and port as two arguments (the way `telnet host port` and
 * `nc host port` take them). A bare IPv6 address needs brackets or a separate port.
 */
export function parseProbeTarget(target: string, portArg?: string): { host: string; port: number } {
  const text = target.trim();
  if (text === '') throw new UsageError(t('cli.probe.error.noTarget'));
  if (portArg !== undefined) return { host: text.replace(/^\[(.*)\]$/, '$1'), port: parsePort(portArg) };
  const bracketed = /^\[([^\]]+)\]:(.*)$/.exec(text);
  if (bracketed) return { host: bracketed[1]!, port: parsePort(bracketed[2]!, target) };
  const colons = text.split(':').length - 1;
  if (colons === 0) throw new UsageError(t('cli.probe.error.noPort', { target, example: `${text}:22` }));
  if (colons > 1) throw new UsageError(t('cli.probe.error.ipv6', { target }));
  const [host, port] = text.split(':') as [string, string];
  if (host === '') throw new UsageError(t('cli.probe.error.noHost', { target, example: `127.0.0.1${text}` }));
  return { host, port: parsePort(port, target) };
}

function attemptLine(a: ProbeAttempt): string {
  const rtt = a.rttMs === null ? '' : formatRtt(a.rttMs);
  const outcome = t('engine.probe.outcome', { outcome: outcomeSelector(a.outcome) });
  return `${String(a.seq).padStart(4)}  ${outcome.padEnd(12)} ${rtt.padStart(10)}  ${terminalSafe(tEngine(a.messageKey, a.values, a.message))}`;
}

export function probeSummary(r: ProbeResult): string {
  const label = `${terminalSafe(formatEndpoint(r.host, r.port))}${r.protocol === 'udp' ? '/udp' : ''}`;
  const lines = [t('cli.probe.statistics', { label })];
  const counts = t('cli.probe.counts', { sent: r.sent, received: r.received, protocol: r.protocol, failed: fmt().percent(r.loss) });
  // "rtt min/avg/max" is ping's own label, kept in every language; the numbers are the reader's.
  const ms = (n: number) => new Intl.NumberFormat(fmt().locale, { minimumFractionDigits: 3, maximumFractionDigits: 3, useGrouping: false }).format(n);
  lines.push(`${counts}${r.rtt ? `; rtt min/avg/max = ${ms(r.rtt.minMs)}/${ms(r.rtt.avgMs)}/${ms(r.rtt.maxMs)} ms` : ''}`);
  if (r.banner !== null) lines.push(t('cli.probe.banner', { banner: terminalSafe(r.banner) }));
  // The verdict by its key; "Cancelled after …" in front when the series was cut short.
  const base = r.verdictText ? tEngine(r.verdictText.key, r.verdictText.values, r.verdict) : null;
  const prefix = r.cancelledText ? tEngine(r.cancelledText.key, r.cancelledText.values, '') : '';
  const verdict = base === null ? r.verdict : prefix ? `${prefix} ${base}` : base;
  lines.push(t('cli.verdictLine', { verdict: terminalSafe(verdict) }));
  return `${lines.join('\n')}\n`;
}

export async function probeCommand(engine: Engine, host: string, port: number, o: ProbeCliOptions, out: Output): Promise<number> {
  const request: ProbeRequest = {
    host,
    port,
    protocol: o.udp ? 'udp' : 'tcp',
    count: o.count,
    intervalMs: o.interval,
    timeoutMs: o.timeout,
    banner: Boolean(o.banner) && !o.udp,
    authorized: Boolean(o.iAmAuthorized),
  };
  const parsed = ProbeRequestSchema.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${issue.path.join('.') || 'request'}: ${issue.message}`);
  }
  // Subscribe before starting, so no attempt and no summary can slip past.
  let probeId: string | null = null;
  const early: ProbeAttempt[] = [];
  let finished: ProbeResult | null = null;
  let resolveDone: (r: ProbeResult) => void = () => {};
  const show = (a: ProbeAttempt) => {
    if (!o.json) out.stdout(`${attemptLine(a)}\n`);
  };
  const offs = [
    engine.on('probe.attempt', (a) => {
      if (probeId === null) early.push(a);
      else if (a.probeId === probeId) show(a);
    }),
    engine.on('probe.done', (d) => {
      if (probeId === null) finished = d.result;
      else if (d.probeId === probeId) resolveDone(d.result);
    }),
  ];
  let result: ProbeResult;
  try {
    const started = await engine.handlers['probe.start'](parsed.data);
    probeId = started.probeId;
    if (!o.json) {
      const where = `${terminalSafe(formatEndpoint(host, port))}${o.udp ? '/udp' : '/tcp'}`;
      out.stdout(`${t('cli.probe.start', { where, count: o.count, interval: String(o.interval), timeout: String(o.timeout) })}\n`);
    }
    for (const a of early.filter((e) => e.probeId === probeId)) show(a);
    const onAbort = () => void engine.handlers['probe.cancel']({ probeId: started.probeId });
    o.signal?.addEventListener('abort', onAbort);
    const earlyDone = finished as ProbeResult | null;
    result = earlyDone?.probeId === probeId ? earlyDone : await new Promise<ProbeResult>((resolve) => (resolveDone = resolve));
    o.signal?.removeEventListener('abort', onAbort);
  } catch (err) {
    if (err instanceof ContractError && (err.code === 'bad-request' || err.code === 'denied')) throw new UsageError(tEngine(err.messageKey, err.values, err.message));
    throw err;
  } finally {
    for (const off of offs) off();
  }
  if (o.json) out.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else out.stdout(`\n${probeSummary(result)}`);
  if (result.cancelled) return 130;
  return result.received > 0 ? EXIT_OK : EXIT_NOTHING;
}

function intArg(flag: string, min: number, max: number) {
  return (v: string): number => {
    if (!/^\d+$/.test(v.trim()) || Number(v) < min || Number(v) > max) throw new UsageError(t('cli.error.wholeRange', { flag, min: String(min), max: String(max), value: v }));
    return Number(v);
  };
}

addCommandRegistrar((program: Command, ctx: CommandContext) => {
  program
    .command('probe')
    .description(t('cli.probe.description'))
    .argument('<target>', t('cli.probe.target'))
    .argument('[port]', t('cli.probe.port'))
    .option('--udp', t('cli.probe.udp'))
    .option('-c, --count <n>', t('cli.probe.count'), intArg('--count', 1, 10_000), 4)
    .option('-i, --interval <ms>', t('cli.probe.interval'), intArg('--interval', 0, 60_000), 1000)
    .option('-w, --timeout <ms>', t('cli.probe.timeout'), intArg('--timeout', 50, 60_000), 3000)
    .option('--banner', t('cli.probe.bannerOption'))
    .option('--json', t('cli.option.json'))
    .option('--i-am-authorized', t('cli.probe.authorized'))
    .action(async (target: string, portArg: string | undefined, opts: ProbeCliOptions) => {
      const { host, port } = parseProbeTarget(target, portArg);
      const abort = new AbortController();
      const onSigint = () => {
        if (abort.signal.aborted) process.exit(130);
        abort.abort();
      };
      process.on('SIGINT', onSigint);
      try {
        ctx.exit.code = await probeCommand(ctx.getEngine(), host, port, { ...opts, signal: abort.signal }, ctx.out);
      } finally {
        process.off('SIGINT', onSigint);
      }
    });
});
