import path from 'node:path';
import { REPORT_FORMATS, type Report, type ReportFormat, type ReportTable } from '../../../shared/contract/report';
import { reportToCsv } from './csv';
import { keyedReportError } from './errors';
import { reportToHtml } from './html';
import { reportToMarkdown } from './markdown';
import { reportText } from './i18n';
import type { Lang } from '../../../shared/i18n/locale';

const EXTENSIONS: Record<string, ReportFormat> = {
  '.json': 'json',
  '.csv': 'csv',
  '.html': 'html',
  '.htm': 'html',
  '.md': 'md',
  '.markdown': 'md',
};

export const MIME_TYPES: Record<ReportFormat, string> = {
  json: 'application/json',
  csv: 'text/csv; charset=utf-8; header=present',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

export const FILE_EXTENSIONS: Record<ReportFormat, string> = { json: '.json', csv: '.csv', html: '.html', md: '.md' };

export function parseFormat(text: string): ReportFormat {
  const f = text.trim().toLowerCase().replace(/^\./, '');
  const normalized = f === 'markdown' ? 'md' : f === 'htm' ? 'html' : f;
  if ((REPORT_FORMATS as readonly string[]).includes(normalized)) return normalized as ReportFormat;
  throw keyedReportError('bad-request', 'engine.report.unknownFormat', { format: text, formats: REPORT_FORMATS.join(', ') });
}

/** The format a file name asks for (`report.html` -> html), or null when its extension says nothing. */
export function formatFromPath(file: string): ReportFormat | null {
  return EXTENSIONS[path.extname(file).toLowerCase()] ?? null;
}

/**
 * Format from the flag, else from the extension; an explicit format that contradicts the
 * extension is refused (a `.csv` file holding HTML would open as garbage).
 */
export function resolveFormat(file: string | null, explicit: string | undefined): ReportFormat {
  const fromName = file && file !== '-' ? formatFromPath(file) : null;
  if (explicit !== undefined) {
    const format = parseFormat(explicit);
    if (fromName && fromName !== format) {
      throw keyedReportError('bad-request', 'engine.report.formatMismatch', { format, file: path.basename(file!), extension: `.${fromName}` });
    }
    return format;
  }
  if (fromName) return fromName;
  if (!file || file === '-') throw keyedReportError('bad-request', 'engine.report.sayFormat', { formats: REPORT_FORMATS.join(', ') });
  const ext = path.extname(file);
  if (ext.toLowerCase() === '.pdf') {
    throw keyedReportError('bad-request', 'engine.report.pdfInApp', {});
  }
  throw ext
    ? keyedReportError('bad-request', 'engine.report.unknownExtension', { extension: ext })
    : keyedReportError('bad-request', 'engine.report.noExtension', { file });
}

export interface RenderOptions {
  table?: ReportTable;
  /** CSV: the UTF-8 byte-order mark for spreadsheets (files); off for stdout pipes. */
  bom?: boolean;
  /** HTML and Markdown: the language of headings and sentences (default English). JSON and CSV ignore it. */
  lang?: Lang;
}

export function renderReport(report: Report, format: ReportFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'csv':
      return reportToCsv(report, options.table, { bom: options.bom ?? true });
    case 'html':
      return reportToHtml(report, reportText(options.lang));
    case 'md':
      return reportToMarkdown(report, reportText(options.lang));
  }
}

/** `portscope-myhost-20261121-0012.html`: host names are hostile text, so only safe characters survive. */
export function suggestedFileName(report: Report, format: ReportFormat, table?: ReportTable): string {
  const host = report.machine.hostname.replace(/[^A-Za-z0-9.-]+/g, '_').replace(/^[.-]+/, '').slice(0, 60) || 'host';
  const stamp = report.generatedAt.replace(/[-:]/g, '').replace('T', '-').slice(0, 13);
  const part = format === 'csv' && table ? `-${table}` : '';
  return `portscope-${host}${part}-${stamp}${FILE_EXTENSIONS[format]}`;
}
