import type { Report, ReportTable } from '../../../shared/contract/report';
import { ReportError } from './errors';
import { reportTables, type Cell, type Table } from './tables';

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and CR, shift or hide
 * what follows in Excel and LibreOffice): `=cmd|' /C calc'!A0` in a process name must not run.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text cells starting with a formula character get a leading apostrophe, which spreadsheets show
 * as "this is text" and scripts can strip (the OWASP advice). The rule is applied to every text
 * cell, even one that reads like a negative number (a process named `-1` stays text).
 * Number cells come from numeric fields (ports, pids, round trips), are written bare and so stay
 * numbers; they can never start with a formula, because String(number) has no = + @, and a
 * minus sign followed only by digits is a number in every spreadsheet, not a formula.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180: quote a field holding a comma, quote, CR or LF; double the quotes inside. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return csvField(neutralizeFormula(cell));
}

/** One table as RFC 4180 CSV: a header row of stable snake_case names, CRLF line ends. */
export function tableToCsv(table: Table): string {
  const lines = [table.columns.map((c) => csvField(c.key)), ...table.rows.map((row) => row.map(cellText))];
  return lines.map((cells) => `${cells.join(',')}\r\n`).join('');
}

/**
 * CSV holds one table per file. Without a choice, the first table the report holds (listeners,
 * then connections, then scan results). The byte-order mark makes Excel read the file as UTF-8
 * (it guesses the ANSI code page otherwise and mangles non-ASCII names); RFC 4180 readers and
 * LibreOffice skip it.
 */
export function reportToCsv(report: Report, table?: ReportTable, { bom = true }: { bom?: boolean } = {}): string {
  const tables = reportTables(report);
  const chosen = table ? tables.find((t) => t.id === table) : tables[0];
  if (!chosen) {
    const available = tables.map((t) => t.id);
    throw new ReportError(
      'bad-request',
      table
        ? `this report has no ${table} table; it has: ${available.join(', ') || 'none'}`
        : 'this report holds no table to write as CSV',
    );
  }
  return `${bom ? '\uFEFF' : ''}${tableToCsv(chosen)}`;
}
