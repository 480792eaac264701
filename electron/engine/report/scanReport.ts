import type { ReportFormat, ReportTable } from '../../../shared/contract/report';
import type { ScanResult } from '../../../shared/contract/scan';
import type { Lang } from '../../../shared/i18n/locale';
import { writeFileAtomic } from './atomicWrite';
import { resolveFormat, renderReport } from './formats';
import { reportFromScan } from './model';

export interface ScanReportOptions {
  /** Overrides the format the file name's extension gives. */
  format?: string;
  /** The targets as the user typed them, for the title and labels. */
  target?: string;
  title?: string;
  /** CSV: 'scan' by default. */
  table?: ReportTable;
  /** HTML and Markdown: the language (JSON and CSV are always English). */
  lang?: Lang;
}

/**
 * `portscope scan … --report <file>`: writes a finished scan as a report, the format taken from
 * the file's extension (.json, .csv, .html, .md), atomically. Returns the format and bytes written;
 * throws a ReportError (a ContractError: the CLI prints its message on one line) for an unknown
 * format or an unwritable path.
 */
export async function writeScanReport(
  file: string,
  scanResult: ScanResult,
  options: ScanReportOptions = {},
): Promise<{ format: ReportFormat; bytes: number; path: string }> {
  const format = resolveFormat(file, options.format);
  const target = options.target ?? [...new Set(scanResult.hosts.map((h) => h.name ?? h.address))].join(' ');
  const report = reportFromScan(
    { source: 'portscope', target, command: null, scanner: 'portscope', result: scanResult },
    // No title unless one was given: HTML and Markdown name the scan in the reader's language.
    { title: options.title ?? null },
  );
  const content = renderReport(report, format, { table: options.table ?? 'scan', lang: options.lang });
  const bytes = await writeFileAtomic(file, content);
  return { format, bytes, path: file };
}
