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
  if (options.table && format !== 'csv') throw new UsageError('--table applies to CSV only (HTML, Markdown and JSON hold every table)');
  const snapshot = await freshSnapshot(ctx.getEngine().monitor);
  const report = reportFromSnapshot(snapshot, options.what, { title: options.title ?? null });
  const table = options.table ?? (format === 'csv' ? (options.what === 'connections' ? 'connections' : 'listeners') : undefined);
  // A byte-order mark helps spreadsheets open a file; a pipe into another tool is better without.
  const content = renderReport(report, format, { table, bom: !toStdout });
  if (toStdout) {
    ctx.out.stdout(content);
  } else {
    const bytes = await writeFileAtomic(options.output, content);
    const what = format === 'csv' ? `${table} table` : `${options.what} report`;
    ctx.out.stdout(`Wrote the ${what} (${format.toUpperCase()}, ${formatBytes(bytes)}) to ${terminalSafe(path.resolve(options.output))}\n`);
  }
  if (format === 'csv' && options.what === 'all' && !options.table) {
    ctx.out.stderr('note: a CSV file holds one table; wrote listeners. Use --table connections (or processes) for the others.\n');
  }
  for (const w of snapshot.warnings) ctx.out.stderr(`note: ${w}\n`);
  return EXIT_OK;
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} bytes` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** A file name as it appears in a one-line error: a 4,000-character name is cut, not printed whole. */
function shownName(file: string): string {
  return file.length <= 80 ? file : `${file.slice(0, 60)}…${file.slice(-19)} (a ${file.length}-character name)`;
}

const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENAMETOOLONG: 'the file name is too long',
  ELOOP: 'too many symbolic links',
  ENXIO: 'no such device',
  ENODEV: 'no such device',
};

/**
 * The file, read as a stream with a cap: a stat size cannot be trusted (`/dev/zero`, a FIFO, a
 * process substitution like `<(nmap -oX - …)` report 0 and never end). Over the cap, or on any
 * error opening the file, the user gets one line and exit 2.
 */
async function readInput(file: string): Promise<Buffer> {
  const name = file === '-' ? 'standard input' : shownName(file);
  const tooLarge = () => new UsageError(`cannot import ${name}: it is too large (over ${REPORT_IMPORT_MAX_CHARS / 1024 / 1024} MiB)`);
  let stream: NodeJS.ReadableStream;
  if (file === '-') stream = process.stdin;
  else {
    try {
      const handle = await fs.open(file, 'r');
      if ((await handle.stat()).isDirectory()) {
        await handle.close();
        throw new UsageError(`cannot import ${name}: it is a folder`);
      }
      stream = handle.createReadStream();
    } catch (err) {
      if (err instanceof UsageError) throw err;
      const code = (err as NodeJS.ErrnoException).code ?? '';
      throw new UsageError(`cannot import ${name}: ${FS_REASONS[code] ?? (err instanceof Error ? err.message : String(err))}`);
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
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw new UsageError(`cannot import ${name}: ${FS_REASONS[code] ?? (err instanceof Error ? err.message : String(err))}`);
  } finally {
    if (file !== '-') (stream as unknown as { destroy?: () => void }).destroy?.();
  }
  // Bytes, not text: the engine decodes them (a capture may be UTF-16 or in an OEM code page).
  return Buffer.concat(chunks);
}

/** nmap's service and version (`ssh (OpenSSH 9.6p1 Ubuntu 3ubuntu13.5 …)`) take the rest of the line. */
function scanTable(scan: ReportScan, width: number): string {
  return renderTable(
    [{ header: 'Host', max: 40 }, { header: 'Port', align: 'right' }, { header: 'Proto' }, { header: 'State' }, { header: 'Reason', max: 20 }, { header: 'Service', max: 20, fill: true }],
    scan.result.results.map((r) => [r.host, String(r.port), r.protocol, r.state, r.reason, r.hint?.guess ?? r.service ?? '']),
    width,
  );
}

function showReport(report: Report, diff: ReportDiff | null, out: SafeOutput): void {
  out.stdout(`${terminalSafe(report.title ?? `Portscope report: ${report.machine.hostname}`)}\n`);
  for (const line of summaryLines(report)) out.stdout(`  ${line.label}: ${terminalSafe(line.value)}\n`);
  for (const t of reportTables(report)) {
    if (t.id === 'listeners' || t.id === 'connections') {
      const rows = (t.id === 'listeners' ? report.listeners : report.connections) ?? [];
      out.stdout(`\n${t.title} (${rows.length})\n${rows.length ? socketTable(rows, t.id === 'connections', out.columns) : '  none'}\n`);
    }
  }
  if (report.scan) out.stdout(`\nScan results (${report.scan.result.results.length})\n${scanTable(report.scan, out.columns)}\n`);
  if (diff) {
    out.stdout(`\nSince this report (compared with the live table at ${diff.comparedAt}):\n`);
    if (diff.hostname !== report.machine.hostname) {
      out.stdout(`  note: the report is from ${terminalSafe(report.machine.hostname)}, this machine is ${terminalSafe(diff.hostname)}\n`);
    }
    if (diff.added.length + diff.removed.length + diff.changed.length === 0) out.stdout(`  no change in listening sockets (${diff.unchanged} the same)\n`);
    const line = (mark: string, r: SocketRow, extra = '') =>
      out.stdout(`  ${mark} ${r.family === 6 ? `${r.protocol}6` : r.protocol} ${terminalSafe(`${r.localAddress}:${r.localPort}`)} ${terminalSafe(r.processName ?? '-')}${extra}\n`);
    for (const r of diff.added) line('+', r, ' (new)');
    for (const r of diff.removed) line('-', r, ' (gone)');
    for (const c of diff.changed) line('~', c.after, ` (was ${terminalSafe(c.before.processName ?? '-')}${c.before.user !== c.after.user ? ` as ${terminalSafe(c.before.user ?? '?')}` : ''})`);
    if (diff.unchanged > 0 && diff.added.length + diff.removed.length + diff.changed.length > 0) out.stdout(`  ${diff.unchanged} unchanged\n`);
  }
}

function showNmap(scan: ReportScan, out: SafeOutput): void {
  const r = scan.result;
  out.stdout(`${terminalSafe(scan.scanner ?? 'nmap')} scan: ${terminalSafe(scan.command ?? scan.target)}\n`);
  out.stdout(`  ${r.startedAt} to ${r.finishedAt}, ${r.hosts.length} host(s), ${r.summary.hostsUp} up\n`);
  for (const h of r.hosts) {
    out.stdout(`  ${terminalSafe(h.address)}${h.name ? ` (${terminalSafe(h.name)})` : ''}: ${h.state}, ${terminalSafe(h.reason)}${h.srttMs !== null ? `, rtt ${h.srttMs.toFixed(2)} ms` : ''}\n`);
  }
  out.stdout(`\n${r.results.length ? scanTable(scan, out.columns) : 'No ports listed.'}\n`);
  for (const line of omittedLines(scan)) out.stdout(`Not shown: ${terminalSafe(line)}\n`);
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
      out.stdout(`\nProcesses (${report.processes.length})\n${renderTable([{ header: 'PID', align: 'right' }, { header: 'Name', max: 40 }, { header: 'User', max: 16 }, { header: 'Command', max: 60 }], report.processes.map((p) => [String(p.pid), p.name, p.user ?? '', p.commandLine]))}\n`);
    }
  }
  for (const w of report.warnings) out.stderr(`note: ${terminalSafe(w)}\n`);
  if (capture.stoppedAt) out.stderr(`note: stopped at line ${capture.stoppedAt.line}: ${terminalSafe(capture.stoppedAt.reason)}\n`);
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
    for (const w of shown.warnings) ctx.out.stderr(`note: ${terminalSafe(w)}\n`);
  }
  return EXIT_OK;
}

addCommandRegistrar((program: Command, ctx: CommandContext) => {
  program
    .command('report')
    .description('write the listening ports (or connections, or both) as a JSON, CSV, HTML or Markdown report')
    .addOption(new Option('-w, --what <what>', 'which sockets').choices(['listeners', 'connections', 'all']).default('listeners'))
    .addOption(new Option('-f, --format <format>', 'json, csv, html or md (default: from the file extension)'))
    .addOption(new Option('-o, --output <file>', "file to write atomically, or '-' for standard output").default('-'))
    .addOption(new Option('--table <table>', 'CSV only: the table to write (one per file)').choices([...REPORT_TABLES]))
    .option('--title <text>', 'a title for the report')
    .option('--schema', 'print the JSON report format as a JSON Schema and exit')
    .action(async (opts: ReportOptions, cmd: Command) => {
      ctx.exit.code = await reportCommand({ ...opts, whatGiven: cmd.getOptionValueSource('what') !== 'default' }, ctx);
    });

  program
    .command('import')
    .description('show a saved Portscope JSON report (and what changed since), an nmap XML file (-oX), or another machine\'s netstat / ss / lsof / procfs / Get-NetTCPConnection capture')
    .argument('<file>', "the file, or '-' for standard input")
    .option('--json', 'print the parsed report (or scan) and the diff as JSON; for a capture, its rows as `list --json` prints them')
    .option('--no-diff', 'do not compare a saved report with the live sockets')
    .action(async (file: string, opts: { json?: boolean; diff: boolean }) => {
      ctx.exit.code = await importCommand(file, opts, ctx);
    });
});
