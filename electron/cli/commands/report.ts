import fs from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import {
  REPORT_IMPORT_MAX_CHARS,
  REPORT_TABLES,
  type Report,
  type ReportDiff,
  type CaptureInfo,
  type ReportImportResponse,
  type ReportScan,
  type ReportTable,
  type ReportWhat,
} from '../../../shared/contract/report';
import type { SocketRow } from '../../../shared/contract/sockets';
import { warningTextsOf } from '../../../shared/contract/localized';
import { writeFileAtomic } from '../../engine/report/atomicWrite';
import { resolveFormat, renderReport } from '../../engine/report/formats';
import { reportJsonSchema } from '../../engine/report/jsonSchema';
import { freshSnapshot } from '../../engine/report/handlers';
import { reportFromSnapshot } from '../../engine/report/model';
import { omittedLines, summaryLines } from '../../engine/report/overview';
import { reportTables } from '../../engine/report/tables';
import { EXIT_OK, UsageError } from '../errors';
import type { SafeOutput } from '../output';
import { addCommandRegistrar, type CommandContext } from '../registry';
import { renderTable, socketTable, terminalSafe } from '../table';
import { reportText, reportTime, reportTitle } from '../../engine/report/i18n';
import { cliLang, fmt, t, tEngine } from '../i18n';

interface ReportOptions {
  schema?: boolean;
  what: ReportWhat;
  format?: string;
  output: string;
  table?: ReportTable;
  title?: string;
  /** Whether --what was typed (and not its default), so --table can choose it otherwise. */
  whatGiven?: boolean;
}

/**
 * `portscope report`: the live socket table as a JSON, CSV, HTML or Markdown report, to a file
 * (written atomically) or to standard output with `-o -`.
 */
export async function reportCommand(options: ReportOptions, ctx: CommandContext): Promise<number> {
  if (options.schema) {
    ctx.out.stdout(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
    return EXIT_OK;
  }
  const toStdout = options.output === '-';
  // --table is CSV's choice of table: it implies CSV on standard output, and
  // `--table connections` implies `--what connections` unless --what was given.
  const format = resolveFormat(toStdout ? null : options.output, options.format ?? (options.table && (toStdout || !path.extname(options.output)) ? 'csv' : undefined));
  if (options.table === 'connections' && !options.whatGiven) options = { ...options, what: 'connections' };
  if (options.table && format !== 'csv') throw new UsageError(t('cli.report.error.tableCsvOnly'));
  const snapshot = await freshSnapshot(ctx.getEngine().monitor);
  const report = reportFromSnapshot(snapshot, options.what, { title: options.title ?? null });
  const table = options.table ?? (format === 'csv' ? (options.what === 'connections' ? 'connections' : 'listeners') : undefined);
  // A byte-order mark helps spreadsheets open a file; a pipe into another tool is better without.
  const content = renderReport(report, format, { table, bom: !toStdout, lang: cliLang() });
  if (toStdout) {
    ctx.out.stdout(content);
  } else {
    const bytes = await writeFileAtomic(options.output, content);
    const values = { format: format.toUpperCase(), size: formatBytes(bytes), path: terminalSafe(path.resolve(options.output)) };
    // Table and report names (listeners, connections, all) are the option values, as typed.
    ctx.out.stdout(`${format === 'csv' ? t('cli.report.wroteTable', { ...values, table: String(table) }) : t('cli.report.wroteReport', { ...values, what: options.what })}\n`);
  }
  if (format === 'csv' && options.what === 'all' && !options.table) {
    ctx.out.stderr(`${t('cli.note', { note: t('cli.report.csvOneTable') })}\n`);
  }
  for (const w of warningTextsOf(snapshot)) ctx.out.stderr(`${t('cli.note', { note: tEngine(w.messageKey, w.values, w.message) })}\n`);
  return EXIT_OK;
}

function formatBytes(n: number): string {
  return fmt().bytes(n);
}

/** A file name as it appears in a one-line error: a 4,000-character name is cut, not printed whole. */
function shownName(file: string): string {
  return file.length <= 80 ? file : t('cli.import.longName', { start: file.slice(0, 60), end: file.slice(-19), length: file.length });
}

const FS_REASON_KEYS = {
  ENOENT: 'cli.fs.noFile',
  EACCES: 'cli.fs.denied',
  EPERM: 'cli.fs.denied',
  EISDIR: 'cli.fs.isFolder',
  ENOTDIR: 'cli.fs.notFolder',
  ENAMETOOLONG: 'cli.fs.nameTooLong',
  ELOOP: 'cli.fs.loop',
  ENXIO: 'cli.fs.noDevice',
  ENODEV: 'cli.fs.noDevice',
} as const;

/** Why a file could not be read, in words (the error's own message for codes not listed). */
function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  const key = (FS_REASON_KEYS as Record<string, (typeof FS_REASON_KEYS)[keyof typeof FS_REASON_KEYS]>)[code];
  return key ? t(key) : err instanceof Error ? err.message : String(err);
}

/**
 * The file, read as a stream with a cap: a stat size cannot be trusted (`/dev/zero`, a FIFO, a
 * process substitution like `<(nmap -oX - …)` report 0 and never end). Over the cap, or on any
 * error opening the file, the user gets one line and exit 2.
 */
async function readInput(file: string): Promise<Buffer> {
  const name = file === '-' ? t('cli.import.stdin') : shownName(file);
  const cannot = (reason: string) => new UsageError(t('cli.import.cannot', { name, reason }));
  const tooLarge = () => cannot(t('cli.import.tooLarge', { size: `${fmt().number(REPORT_IMPORT_MAX_CHARS / 1024 / 1024, 1)} MiB` }));
  let stream: NodeJS.ReadableStream;
  if (file === '-') stream = process.stdin;
  else {
    try {
      const handle = await fs.open(file, 'r');
      if ((await handle.stat()).isDirectory()) {
        await handle.close();
        throw cannot(t('cli.fs.isFolder'));
      }
      stream = handle.createReadStream();
    } catch (err) {
      if (err instanceof UsageError) throw err;
      throw cannot(fsReason(err));
    }
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > REPORT_IMPORT_MAX_CHARS) throw tooLarge();
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw cannot(fsReason(err));
  } finally {
    if (file !== '-') (stream as unknown as { destroy?: () => void }).destroy?.();
  }
  // Bytes, not text: the engine decodes them (a capture may be UTF-16 or in an OEM code page).
  return Buffer.concat(chunks);
}

/** nmap's service and version (`ssh (OpenSSH 9.6p1 Ubuntu 3ubuntu13.5 …)`) take the rest of the line. */
function scanTable(scan: ReportScan, width: number): string {
  return renderTable(
    [
      { header: t('report.column.host'), max: 40 },
      { header: t('report.column.port'), align: 'right' },
      { header: t('socket.column.proto') },
      { header: t('socket.column.state') },
      { header: t('report.column.reason'), max: 20 },
      { header: t('socket.column.service'), max: 20, fill: true },
    ],
    scan.result.results.map((r) => [r.host, String(r.port), r.protocol, r.state, r.reason, r.hint?.guess ?? r.service ?? '']),
    width,
  );
}

function showReport(report: Report, diff: ReportDiff | null, out: SafeOutput): void {
  const text = reportText(cliLang());
  out.stdout(`${terminalSafe(reportTitle(report, text))}\n`);
  for (const line of summaryLines(report, text)) out.stdout(`  ${line.label}: ${terminalSafe(line.value)}\n`);
  for (const table of reportTables(report, text)) {
    if (table.id === 'listeners' || table.id === 'connections') {
      const rows = (table.id === 'listeners' ? report.listeners : report.connections) ?? [];
      out.stdout(`\n${table.title} (${rows.length})\n${rows.length ? socketTable(rows, table.id === 'connections', out.columns) : `  ${t('cli.import.none')}`}\n`);
    }
  }
  if (report.scan) out.stdout(`\n${t('report.table.scan')} (${report.scan.result.results.length})\n${scanTable(report.scan, out.columns)}\n`);
  if (diff) {
    out.stdout(`\n${t('cli.import.since', { time: reportTime(text, diff.comparedAt) })}\n`);
    if (diff.hostname !== report.machine.hostname) {
      out.stdout(`  ${t('cli.note', { note: t('cli.import.otherHost', { report: terminalSafe(report.machine.hostname), here: terminalSafe(diff.hostname) }) })}\n`);
    }
    if (diff.added.length + diff.removed.length + diff.changed.length === 0) out.stdout(`  ${t('cli.import.noChange', { same: diff.unchanged })}\n`);
    const line = (mark: string, r: SocketRow, extra = '') =>
      out.stdout(`  ${mark} ${r.family === 6 ? `${r.protocol}6` : r.protocol} ${terminalSafe(`${r.localAddress}:${r.localPort}`)} ${terminalSafe(r.processName ?? '-')}${extra}\n`);
    for (const r of diff.added) line('+', r, ` ${t('cli.import.new')}`);
    for (const r of diff.removed) line('-', r, ` ${t('cli.import.gone')}`);
    for (const c of diff.changed) {
      const was = terminalSafe(c.before.processName ?? '-');
      line('~', c.after, ` ${c.before.user !== c.after.user ? t('cli.import.wasAs', { was, user: terminalSafe(c.before.user ?? '?') }) : t('cli.import.was', { was })}`);
    }
    if (diff.unchanged > 0 && diff.added.length + diff.removed.length + diff.changed.length > 0) out.stdout(`  ${t('cli.import.unchanged', { count: diff.unchanged })}\n`);
  }
}

function showNmap(scan: ReportScan, out: SafeOutput): void {
  const r = scan.result;
  out.stdout(`${t('cli.import.scanOf', { scanner: terminalSafe(scan.scanner ?? 'nmap'), command: terminalSafe(scan.command ?? scan.target) })}\n`);
  out.stdout(`  ${t('cli.import.scanSpan', { start: r.startedAt, end: r.finishedAt, hosts: r.hosts.length, up: r.summary.hostsUp })}\n`);
  for (const h of r.hosts) {
    out.stdout(`  ${terminalSafe(h.address)}${h.name ? ` (${terminalSafe(h.name)})` : ''}: ${h.state}, ${terminalSafe(h.reason)}${h.srttMs !== null ? `, rtt ${h.srttMs.toFixed(2)} ms` : ''}\n`);
  }
  out.stdout(`\n${r.results.length ? scanTable(scan, out.columns) : t('cli.import.noPorts')}\n`);
  for (const line of omittedLines(scan, reportText(cliLang()))) out.stdout(`${t('cli.import.notShown', { line: terminalSafe(line) })}\n`);
}

/**
 * A capture from another machine: `--json` prints its rows as `portscope list --json` does (notes
 * on stderr); otherwise the same tables as a saved report, under a line saying what was read.
 */
function showCapture(report: Report, capture: CaptureInfo, json: boolean, out: SafeOutput): number {
  if (json) {
    out.stdout(`${JSON.stringify([...(report.listeners ?? []), ...(report.connections ?? [])])}\n`);
  } else {
    showReport(report, null, out);
    if (report.processes.length > 0 && (report.listeners?.length ?? 0) + (report.connections?.length ?? 0) === 0) {
      const columns = [
        { header: t('report.column.pid'), align: 'right' as const },
        { header: t('report.column.name'), max: 40 },
        { header: t('socket.column.user'), max: 16 },
        { header: t('cli.who.field.command'), max: 60 },
      ];
      out.stdout(`\n${t('report.table.processes')} (${report.processes.length})\n${renderTable(columns, report.processes.map((p) => [String(p.pid), p.name, p.user ?? '', p.commandLine]))}\n`);
    }
  }
  for (const w of report.warnings) out.stderr(`${t('cli.note', { note: terminalSafe(w) })}\n`);
  if (capture.stoppedAt) out.stderr(`${t('cli.note', { note: t('cli.import.stoppedAt', { line: String(capture.stoppedAt.line), reason: terminalSafe(capture.stoppedAt.reason) }) })}\n`);
  return EXIT_OK;
}

/** `portscope import <file>`: a saved report (with what changed since) or nmap XML, as tables. */
export async function importCommand(file: string, options: { json?: boolean; diff: boolean }, ctx: CommandContext): Promise<number> {
  const bytes = await readInput(file);
  const engine = ctx.getEngine();
  const result: ReportImportResponse = await engine.handlers['report.import']({ text: '', base64: bytes.toString('base64'), fileName: file === '-' ? 'standard input' : file });
  const shown = result.kind === 'report' && !options.diff ? { ...result, diff: null } : result;
  if (shown.kind === 'report' && shown.capture) return showCapture(shown.report, shown.capture, options.json === true, ctx.out);
  if (options.json) {
    ctx.out.stdout(`${JSON.stringify(shown, null, 2)}\n`);
    return EXIT_OK;
  }
  if (shown.kind === 'report') showReport(shown.report, shown.diff, ctx.out);
  else {
    showNmap(shown.scan, ctx.out);
    for (const w of shown.warnings) ctx.out.stderr(`${t('cli.note', { note: terminalSafe(w) })}\n`);
  }
  return EXIT_OK;
}

addCommandRegistrar((program: Command, ctx: CommandContext) => {
  program
    .command('report')
    .description(t('cli.report.description'))
    .addOption(new Option('-w, --what <what>', t('cli.report.what')).choices(['listeners', 'connections', 'all']).default('listeners'))
    .addOption(new Option('-f, --format <format>', t('cli.report.format')))
    .addOption(new Option('-o, --output <file>', t('cli.report.output')).default('-'))
    .addOption(new Option('--table <table>', t('cli.report.table')).choices([...REPORT_TABLES]))
    .option('--title <text>', t('cli.report.title'))
    .option('--schema', t('cli.report.schema'))
    .action(async (opts: ReportOptions, cmd: Command) => {
      ctx.exit.code = await reportCommand({ ...opts, whatGiven: cmd.getOptionValueSource('what') !== 'default' }, ctx);
    });

  program
    .command('import')
    .description(t('cli.import.description'))
    .argument('<file>', t('cli.import.file'))
    .option('--json', t('cli.import.json'))
    .option('--no-diff', t('cli.import.noDiff'))
    .action(async (file: string, opts: { json?: boolean; diff: boolean }) => {
      ctx.exit.code = await importCommand(file, opts, ctx);
    });
});
