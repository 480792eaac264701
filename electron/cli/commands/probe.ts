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
  if (text === '') throw new UsageError('no target given: write host:port, e.g. 127.0.0.1:22');
  if (portArg !== undefined) return { host: text.replace(/^\[(.*)\]$/, '$1'), port: parsePort(portArg) };
  const bracketed = /^\[([^\]]+)\]:(.*)$/.exec(text);
  if (bracketed) return { host: bracketed[1]!, port: parsePort(bracketed[2]!, `port in '${target}'`) };
  const colons = text.split(':').length - 1;
  if (colons === 0) throw new UsageError(`'${target}' has no port: write host:port, e.g. ${text}:22`);
  if (colons > 1) throw new UsageError(`'${target}': put an IPv6 address in brackets, e.g. [::1]:22, or give the port separately`);
  const [host, port] = text.split(':') as [string, string];
  if (host === '') throw new UsageError(`'${target}' has no host: write host:port, e.g. 127.0.0.1${text}`);
  return { host, port: parsePort(port, `port in '${target}'`) };
}

function attemptLine(a: ProbeAttempt): string {
  const rtt = a.rttMs === null ? '' : formatRtt(a.rttMs);
  return `${String(a.seq).padStart(4)}  ${a.outcome.padEnd(10)} ${rtt.padStart(10)}  ${terminalSafe(a.message)}`;
}

export function probeSummary(r: ProbeResult): string {
  const label = `${terminalSafe(formatEndpoint(r.host, r.port))}${r.protocol === 'udp' ? '/udp' : ''}`;
  const lines = [`--- ${label} probe statistics ---`];
  const okWord = r.protocol === 'udp' ? 'replied' : 'connected';
  lines.push(`${r.sent} sent, ${r.received} ${okWord}, ${Math.round(r.loss * 100)}% failed${r.rtt ? `; rtt min/avg/max = ${r.rtt.minMs.toFixed(3)}/${r.rtt.avgMs.toFixed(3)}/${r.rtt.maxMs.toFixed(3)} ms` : ''}`);
  if (r.banner !== null) lines.push(`Banner: ${terminalSafe(r.banner)}`);
  lines.push(`Verdict: ${terminalSafe(r.verdict)}`);
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
      out.stdout(`Probing ${where}: ${o.count} attempt${o.count > 1 ? 's' : ''}, every ${o.interval} ms, ${o.timeout} ms timeout\n`);
    }
    for (const a of early.filter((e) => e.probeId === probeId)) show(a);
    const onAbort = () => void engine.handlers['probe.cancel']({ probeId: started.probeId });
    o.signal?.addEventListener('abort', onAbort);
    const earlyDone = finished as ProbeResult | null;
    result = earlyDone?.probeId === probeId ? earlyDone : await new Promise<ProbeResult>((resolve) => (resolveDone = resolve));
    o.signal?.removeEventListener('abort', onAbort);
  } catch (err) {
    if (err instanceof ContractError && (err.code === 'bad-request' || err.code === 'denied')) throw new UsageError(err.message);
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
    if (!/^\d+$/.test(v.trim()) || Number(v) < min || Number(v) > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not '${v}'`);
    return Number(v);
  };
}

addCommandRegistrar((program: Command, ctx: CommandContext) => {
  program
    .command('probe')
    .description('is host:port reachable? repeated connection attempts (like telnet/nc), with round-trip times')
    .argument('<target>', 'host:port, [ipv6]:port, or a host followed by the port')
    .argument('[port]', 'the port, when not written as host:port')
    .option('--udp', 'send UDP datagrams instead (a reply = open, ICMP port unreachable = closed)')
    .option('-c, --count <n>', 'attempts', intArg('--count', 1, 10_000), 4)
    .option('-i, --interval <ms>', 'milliseconds between attempts', intArg('--interval', 0, 60_000), 1000)
    .option('-w, --timeout <ms>', 'milliseconds to wait for each answer', intArg('--timeout', 50, 60_000), 3000)
    .option('--banner', 'read what the service says first (at most 512 bytes, 2 s)')
    .option('--json', 'print the result as JSON')
    .option('--i-am-authorized', 'confirm you may probe a host outside loopback and private networks')
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
