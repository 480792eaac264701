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
import { cliLang, fmt, t, tEngine } from '../i18n';

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
    throw new UsageError(t('cli.scan.error.targetFile', { file, reason: (err as NodeJS.ErrnoException).code ?? String(err) }));
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
  if (targets.length === 0) throw new UsageError(t('cli.scan.error.noTargets'));
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
    if (err instanceof ContractError && (err.code === 'bad-request' || err.code === 'denied')) throw new UsageError(tEngine(err.messageKey, err.values, err.message));
    throw err;
  } finally {
    if (drawn) out.styled('stderr', Control.carriageReturn, Control.eraseLine);
  }
  for (const w of result.warnings) out.stderr(`${t('cli.note', { note: terminalSafe(w) })}\n`);
  if (o.report) {
    try {
      const written = await writeScanReport(o.report, result, { target: targets.join(' '), lang: cliLang() });
      out.stderr(`${t('cli.scan.wroteReport', { format: written.format.toUpperCase(), size: fmt().bytes(written.bytes), path: terminalSafe(path.resolve(written.path)) })}\n`);
    } catch (err) {
      if (err instanceof ContractError) throw new UsageError(tEngine(err.messageKey, err.values, err.message));
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
    lines.push(t('cli.scan.reportFor', { host: `${terminalSafe(h.address)}${terminalSafe(name)}` }));
    // Reasons (syn-ack, conn-refused) are nmap's words and stay as they are; the host's up/down is said in words.
    lines.push(
      h.srttMs !== null
        ? t('cli.scan.hostIsLatency', { state: h.state, reason: h.reason, latency: formatRtt(h.srttMs) })
        : t('cli.scan.hostIs', { state: h.state, reason: h.reason }),
    );
    const mine = r.results.filter((p) => p.host === h.address);
    const listed = mine.filter((p) => p.state !== 'closed' || h.closedOmitted === 0);
    const notShown = h.closedOmitted;
    if (notShown > 0) {
      lines.push(t('cli.scan.notShownClosed', { count: notShown, countText: num(notShown), protocol: proto, reason: proto === 'udp' ? 'port-unreach' : 'conn-refused' }));
    }
    if (listed.length === 0) {
      const total = h.counts.open + h.counts.closed + h.counts.filtered + h.counts['open|filtered'];
      lines.push(total === 0 ? t('cli.scan.noneScanned') : t('cli.scan.allAre', { count: total, countText: num(total), states: describeAll(h.counts) }));
    } else {
      const rows = listed.map((p) => portRow(p, hints));
      const cols = [
        { header: t('cli.scan.column.port') },
        { header: t('cli.scan.column.state') },
        { header: t('cli.scan.column.service'), max: 20 },
        { header: t('cli.scan.column.reason') },
        { header: 'RTT', align: 'right' as const },
        ...(hints ? [{ header: t('cli.scan.column.hint'), max: Math.max(20, columns - 70) }] : []),
      ];
      lines.push(renderTable(cols, rows));
    }
    lines.push('');
  }
  const c = r.summary.counts;
  const parts = [`${num(c.open)} open`, `${num(c.closed)} closed`, `${num(c.filtered)} filtered`];
  if (proto === 'udp' || c['open|filtered'] > 0) parts.push(`${num(c['open|filtered'])} open|filtered`);
  const hostCount = Math.max(r.hosts.length, r.summary.hostsUp + r.summary.hostsDown);
  if (r.hostsOmitted) lines.push(t('cli.scan.hostsOmitted', { count: r.hostsOmitted, countText: num(r.hostsOmitted), limit: num(LARGE_SCAN_HOSTS) }));
  const extra: string[] = [];
  if (r.summary.selfConnects > 0) extra.push(t('cli.scan.selfConnects', { count: r.summary.selfConnects, countText: num(r.summary.selfConnects) }));
  if (r.summary.resourceBackoffs > 0) extra.push(t('cli.scan.backoffs', { count: r.summary.resourceBackoffs, countText: num(r.summary.resourceBackoffs) }));
  lines.push(
    t('cli.scan.done', {
      cancelled: r.cancelled ? 'yes' : 'no',
      hosts: hostCount,
      hostsText: num(hostCount),
      up: num(r.summary.hostsUp),
      probes: num(r.summary.probes),
      protocol: proto.toUpperCase(),
      states: parts.join(', '),
      duration: formatDuration(r.summary.durationMs),
      rate: num(Math.round(r.summary.ratePerSec)),
    }) + (r.summary.hintsMs ? ` ${t('cli.scan.hintsTime', { duration: formatDuration(r.summary.hintsMs) })}` : ''),
  );
  for (const e of extra) lines.push(t('cli.note', { note: `${e}.` }));
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
    if (!/^\d+(\.\d+)?$/.test(v.trim()) || !Number.isFinite(n) || n < min || n > max) throw new UsageError(t('cli.error.numberRange', { flag, min: String(min), max: String(max), value: v }));
    return n;
  };
}

addCommandRegistrar((program: Command, ctx: CommandContext) => {
  program
    .command('scan')
    .description(t('cli.scan.description'))
    .argument('[targets...]', t('cli.scan.targets'))
    .addOption(new Option('-p, --ports <spec>', t('cli.scan.ports')).default('top100'))
    .option('--udp', t('cli.scan.udp'))
    .addOption(new Option('-T, --timing <profile>', t('cli.scan.timing')).choices([...TIMING_PROFILES]).default('normal'))
    .addOption(new Option('--max-rate <n>', t('cli.scan.maxRate')).argParser(parseCount('--max-rate', 1, 1_000_000)))
    .addOption(new Option('--retries <n>', t('cli.scan.retries')).argParser(parseCount('--retries', 0, 10)))
    .option('-i, --input-list <file>', t('cli.scan.inputList'))
    .option('--resolve-all', t('cli.scan.resolveAll'))
    .option('--hints', t('cli.scan.hints'))
    .option('--json', t('cli.scan.json'))
    .option('--report <file>', t('cli.scan.report'))
    .option('--i-am-authorized', t('cli.scan.authorized'))
    .option('--force', t('cli.scan.force', { hosts: num(LARGE_SCAN_HOSTS), probes: num(LARGE_SCAN_PROBES) }))
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
        ctx.out.stderr(`portscope: ${t('cli.scan.failed', { error: err instanceof Error ? err.message : String(err) })}\n`);
        ctx.exit.code = EXIT_FAILURE;
      } finally {
        process.off('SIGINT', onSigint);
      }
    });
});
