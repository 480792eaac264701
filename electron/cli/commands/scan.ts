import fs from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { ContractError } from '../../../shared/contract/errors';
import {
  LARGE_SCAN_HOSTS,
  LARGE_SCAN_PROBES,
  ScanRequestSchema,
  TIMING_PROFILES,
  type PortResult,
  type ScanProgress,
  type ScanRequest,
  type ScanResult,
  type TimingProfile,
} from '../../../shared/contract/scan';
import { writeScanReport } from '../../engine/report/scanReport';
import type { Engine } from '../../engine/service';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../errors';
import { Control, type SafeOutput } from '../output';
import { addCommandRegistrar, type CommandContext } from '../registry';
import { renderTable, terminalSafe } from '../table';
import { formatDuration, formatRtt, num, progressLine } from './scanFormat';

export interface ScanCliOptions {
  ports: string;
  udp?: boolean;
  timing: TimingProfile;
  maxRate?: number;
  retries?: number;
  inputList?: string;
  resolveAll?: boolean;
  hints?: boolean;
  json?: boolean;
  iAmAuthorized?: boolean;
  force?: boolean;
  report?: string;
  /** Draw the progress bar (stderr is a terminal); decided by the caller. */
  progress?: boolean;
  /** Lets tests and the SIGINT handler stop the scan. */
  signal?: AbortSignal;
}

/** `-iL`-style target file: one or more targets per line, `#` starts a comment. */
async function readTargetFile(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read the target file ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return text
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .flatMap((l) => l.split(/\s+/))
    .filter(Boolean);
}

/** Builds and checks the request; every mistake is a UsageError naming the culprit (exit 2). */
export function scanRequest(targets: string[], o: ScanCliOptions): ScanRequest {
  const request: ScanRequest = {
    targets,
    ports: o.ports,
    protocol: o.udp ? 'udp' : 'tcp',
    timing: o.timing,
    maxRate: o.maxRate ?? null,
    retries: o.retries ?? null,
    resolveAll: Boolean(o.resolveAll),
    authorized: Boolean(o.iAmAuthorized),
    force: Boolean(o.force),
    serviceHints: Boolean(o.hints) && !o.udp,
  };
  const parsed = ScanRequestSchema.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${issue.path.join('.') || 'request'}: ${issue.message}`);
  }
  return request;
}

/** Runs one scan on the engine: subscribes first, so no event of this scan is missed. */
export function runScan(engine: Engine, request: ScanRequest, onProgress: (p: ScanProgress) => void, signal?: AbortSignal): Promise<ScanResult> {
  return new Promise<ScanResult>((resolve, reject) => {
    let scanId: string | null = null;
    let early: { result: ScanResult | null; error: string | null } | null = null;
    const offs: Array<() => void> = [];
    const settle = (result: ScanResult | null, error: string | null) => {
      for (const off of offs) off();
      signal?.removeEventListener('abort', onAbort);
      if (result) resolve(result);
      else reject(new Error(error ?? 'the scan failed'));
    };
    const onAbort = () => {
      if (scanId) void engine.handlers['scan.cancel']({ scanId });
    };
    offs.push(engine.on('scan.progress', (p) => p.scanId === scanId && onProgress(p)));
    offs.push(
      engine.on('scan.done', (d) => {
        if (scanId === null) early = d;
        else if (d.scanId === scanId) settle(d.result, d.error);
      }),
    );
    signal?.addEventListener('abort', onAbort);
    engine.handlers['scan.start'](ScanRequestSchema.parse(request)).then(
      (started) => {
        scanId = started.scanId;
        if (signal?.aborted) onAbort();
        if (early) settle(early.result, early.error);
      },
      (err: unknown) => {
        for (const off of offs) off();
        signal?.removeEventListener('abort', onAbort);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

export async function scanCommand(engine: Engine, specs: string[], o: ScanCliOptions, out: SafeOutput): Promise<number> {
  const targets = [...specs, ...(o.inputList ? await readTargetFile(o.inputList) : [])];
  if (targets.length === 0) throw new UsageError('no targets given: name at least one address, name, CIDR block or range (or --input-list <file>)');
  const request = scanRequest(targets, o);
  let drawn = false;
  const draw = (p: ScanProgress) => {
    if (!o.progress) return;
    out.styled('stderr', Control.carriageReturn, progressLine(p, 30), Control.eraseLine);
    drawn = true;
  };
  let result: ScanResult;
  try {
    result = await runScan(engine, request, draw, o.signal);
  } catch (err) {
    // Bad targets, bad ports and unauthorized targets are all the user's to fix: exit 2.
    if (err instanceof ContractError && (err.code === 'bad-request' || err.code === 'denied')) throw new UsageError(err.message);
    throw err;
  } finally {
    if (drawn) out.styled('stderr', Control.carriageReturn, Control.eraseLine);
  }
  for (const w of result.warnings) out.stderr(`note: ${terminalSafe(w)}\n`);
  if (o.report) {
    try {
      const written = await writeScanReport(o.report, result, { target: targets.join(' ') });
      out.stderr(`Wrote the scan report (${written.format.toUpperCase()}, ${num(written.bytes)} bytes) to ${terminalSafe(path.resolve(written.path))}\n`);
    } catch (err) {
      if (err instanceof ContractError) throw new UsageError(err.message);
      throw err;
    }
  }
  if (o.json) out.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else out.stdout(scanText(result, out.columns));
  return result.cancelled ? 130 : EXIT_OK;
}

/** nmap's report shape: per host, open and filtered ports listed, closed ones counted. */
export function scanText(r: ScanResult, columns = 200): string {
  const lines: string[] = [];
  const proto = r.protocol;
  const hints = r.results.some((p) => p.hint);
  for (const h of r.hosts) {
    const name = h.name ? ` (${h.name})` : '';
    lines.push(`Portscope scan report for ${terminalSafe(h.address)}${terminalSafe(name)}`);
    const latency = h.srttMs !== null ? `, ${formatRtt(h.srttMs)} latency` : '';
    lines.push(`Host is ${h.state} (${h.reason}${latency}).`);
    const mine = r.results.filter((p) => p.host === h.address);
    const listed = mine.filter((p) => p.state !== 'closed' || h.closedOmitted === 0);
    const notShown = h.closedOmitted;
    if (notShown > 0) lines.push(`Not shown: ${num(notShown)} closed ${proto} ports (${proto === 'udp' ? 'port-unreach' : 'conn-refused'})`);
    if (listed.length === 0) {
      const total = h.counts.open + h.counts.closed + h.counts.filtered + h.counts['open|filtered'];
      lines.push(total === 0 ? 'No ports were scanned.' : `All ${num(total)} scanned ports are ${describeAll(h.counts)}.`);
    } else {
      const rows = listed.map((p) => portRow(p, hints));
      const cols = [
        { header: 'PORT' },
        { header: 'STATE' },
        { header: 'SERVICE', max: 20 },
        { header: 'REASON' },
        { header: 'RTT', align: 'right' as const },
        ...(hints ? [{ header: 'HINT', max: Math.max(20, columns - 70) }] : []),
      ];
      lines.push(renderTable(cols, rows));
    }
    lines.push('');
  }
  const c = r.summary.counts;
  const parts = [`${num(c.open)} open`, `${num(c.closed)} closed`, `${num(c.filtered)} filtered`];
  if (proto === 'udp' || c['open|filtered'] > 0) parts.push(`${num(c['open|filtered'])} open|filtered`);
  const hostCount = Math.max(r.hosts.length, r.summary.hostsUp + r.summary.hostsDown);
  const hostWord = hostCount === 1 ? 'host' : 'hosts';
  if (r.hostsOmitted) lines.push(`Not shown: ${num(r.hostsOmitted)} hosts without an open port (scans of more than ${num(LARGE_SCAN_HOSTS)} hosts list only hosts with one).`);
  const extra: string[] = [];
  if (r.summary.selfConnects > 0) extra.push(`${num(r.summary.selfConnects)} loopback self-connection(s) probed again`);
  if (r.summary.resourceBackoffs > 0) extra.push(`backed off ${num(r.summary.resourceBackoffs)} time(s) for lack of file descriptors or local ports`);
  lines.push(
    `${r.cancelled ? 'Cancelled' : 'Done'}: ${num(hostCount)} ${hostWord} (${num(r.summary.hostsUp)} up), ${num(r.summary.probes)} ${proto.toUpperCase()} ports: ${parts.join(', ')}; ` +
      `${formatDuration(r.summary.durationMs)} (${num(Math.round(r.summary.ratePerSec))} probes/s${r.summary.hintsMs ? `; service hints ${formatDuration(r.summary.hintsMs)}` : ''}).`,
  );
  for (const e of extra) lines.push(`note: ${e}.`);
  return `${lines.join('\n')}\n`;
}

function describeAll(c: ScanResult['summary']['counts']): string {
  const states = (Object.keys(c) as Array<keyof typeof c>).filter((k) => c[k] > 0);
  return states.length === 1 ? states[0]! : `${states.map((s) => `${num(c[s])} ${s}`).join(', ')}`;
}

function portRow(p: PortResult, hints: boolean): string[] {
  // What the port answered (a banner hint) beats the IANA name: 8000 says http, not irdmi.
  const row = [`${p.port}/${p.protocol}`, p.state, p.hint?.guess ?? p.service ?? '', p.reason, p.rttMs === null ? '' : formatRtt(p.rttMs)];
  if (hints) {
    const h = p.hint;
    const text = h ? [h.guess, h.http?.statusLine, h.http?.server, h.tls ? `TLS ${h.tls.protocol ?? ''} ${h.tls.subject ?? ''}`.trim() : null, h.banner].filter(Boolean).join(' | ') : '';
    row.push(text);
  }
  return row;
}

function parseCount(flag: string, min: number, max: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!/^\d+(\.\d+)?$/.test(v.trim()) || !Number.isFinite(n) || n < min || n > max) throw new UsageError(`${flag} must be a number from ${min} to ${max}, not '${v}'`);
    return n;
  };
}

addCommandRegistrar((program: Command, ctx: CommandContext) => {
  program
    .command('scan')
    .description('scan ports of hosts you administer (TCP connect scan, or --udp), classified like nmap')
    .argument('[targets...]', 'addresses, names, CIDR blocks (10.0.0.0/24), ranges (192.168.1.10-20), comma lists')
    .addOption(new Option('-p, --ports <spec>', "ports: 22,80,443,8000-8100, '-' for all, or a preset (well-known, basic, web, games, malicious, top100)").default('top100'))
    .option('--udp', 'UDP scan (protocol payloads for DNS, NTP, SNMP, …; paced for ICMP rate limits)')
    .addOption(new Option('-T, --timing <profile>', 'timing profile').choices([...TIMING_PROFILES]).default('normal'))
    .addOption(new Option('--max-rate <n>', 'at most this many probes per second').argParser(parseCount('--max-rate', 1, 1_000_000)))
    .addOption(new Option('--retries <n>', 'send unanswered probes again this many times').argParser(parseCount('--retries', 0, 10)))
    .option('-i, --input-list <file>', 'read more targets from a file, like nmap -iL (one or more per line, # comments)')
    .option('--resolve-all', 'scan every address a host name resolves to (default: the first)')
    .option('--hints', 'read banners and check HTTP/TLS on open TCP ports (bounded in bytes and time)')
    .option('--json', 'print the whole result as JSON')
    .option('--report <file>', 'also write a report; the format follows the extension (.json, .csv, .html, .md)')
    .option('--i-am-authorized', 'confirm you may scan targets outside loopback and private networks')
    .option('--force', `confirm a large scan (more than ${num(LARGE_SCAN_HOSTS)} hosts or ${num(LARGE_SCAN_PROBES)} probes); without it, such a scan is refused with an estimate of its duration`)
    .action(async (targets: string[], opts: ScanCliOptions) => {
      const abort = new AbortController();
      // Ctrl-C stops the scan and still prints what it found; a second one quits at once.
      const onSigint = () => {
        if (abort.signal.aborted) process.exit(130);
        abort.abort();
      };
      process.on('SIGINT', onSigint);
      try {
        const progress = Boolean(process.stderr.isTTY) && !process.env.PORTSCOPE_NO_PROGRESS;
        ctx.exit.code = await scanCommand(ctx.getEngine(), targets, { ...opts, progress, signal: abort.signal }, ctx.out);
      } catch (err) {
        if (err instanceof UsageError || err instanceof ContractError) throw err;
        ctx.out.stderr(`portscope: scan failed: ${err instanceof Error ? err.message : String(err)}\n`);
        ctx.exit.code = EXIT_FAILURE;
      } finally {
        process.off('SIGINT', onSigint);
      }
    });
});
