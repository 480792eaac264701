import { visibleControls } from '../../shared/text/visible';
import type { SocketRow } from '../../shared/contract/sockets';
import { localLabel, protoLabel, remoteLabel } from '../../shared/net/socketLabels';
import { exposureWord, ownerWord, riskWord, SOCKET_COLUMNS } from '../../shared/i18n/socketWords';
import { t } from './i18n';

export { localLabel, protoLabel, remoteLabel };

/** "all (v4+v6)", "loopback": in the CLI's language. */
export function exposureLabel(r: Pick<SocketRow, 'exposure' | 'dualStack' | 'family'>): string {
  return exposureWord(t, r);
}

/**
 * Text from other processes (names, command lines) may hold escape sequences that would repaint
 * or hijack a terminal, or bidi controls that reorder a line: they are shown as `\x1b`, `\u202e`.
 * Cells are escaped before their width is measured; the output sanitizer (output.ts) then
 * catches anything else on its way out.
 */
export function terminalSafe(text: string): string {
  return visibleControls(text);
}

export interface Column {
  header: string;
  max?: number;
  align?: 'left' | 'right';
  /** Takes the width the other columns leave on the line (at least `max`, or 20). */
  fill?: boolean;
}

function fit(text: string, max: number | undefined): string {
  if (!max || text.length <= max) return text;
  return `${text.slice(0, Math.max(1, max - 1))}…`;
}

/** A loop, not Math.max(...cells): spreading 130,000 rows as arguments overflows the stack. */
function columnWidths(columns: Column[], cells: string[][]): number[] {
  const widths = columns.map((c) => c.header.length);
  for (const r of cells) for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i]!, r[i]?.length ?? 0);
  return widths;
}

export function renderTable(columns: Column[], rows: string[][], lineWidth = 200): string {
  const safe = rows.map((r) => r.map((c) => terminalSafe(c)));
  const fixed = columns.map((c) => (c.fill ? { ...c, max: undefined } : c));
  let cells = safe.map((r) => r.map((c, i) => (fixed[i]?.fill ? c : fit(c, fixed[i]?.max))));
  const fillAt = columns.findIndex((c) => c.fill);
  if (fillAt >= 0) {
    const others = columnWidths(columns, cells).reduce((sum, w, i) => (i === fillAt ? sum : sum + w + 2), 0);
    const room = Math.max(columns[fillAt]!.max ?? 20, lineWidth - others);
    cells = cells.map((r) => r.map((c, i) => (i === fillAt ? fit(c, room) : c)));
  }
  const widths = columnWidths(columns, cells);
  const line = (r: string[]) =>
    r
      .map((c, i) => (columns[i]?.align === 'right' ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join('\n');
}

export function ownerLabel(r: SocketRow): string {
  return ownerWord(t, r);
}

export function notesLabel(r: SocketRow): string {
  return r.risks.map((n) => riskWord(t, n.code)).join(', ');
}

/** More columns after the usual ones (the traffic columns of `watch --sort rate`). */
export interface ExtraColumns {
  columns: Column[];
  cells: (r: SocketRow) => string[];
}

/** A column right after the last address column (the names of `--resolve`, see resolveNames.ts). */
export interface AddressNameColumn {
  column: Column;
  cell: (r: SocketRow) => string;
}

export function socketTable(rows: readonly SocketRow[], withRemote: boolean, width = 200, extra?: ExtraColumns, names?: AddressNameColumn): string {
  const columns: Column[] = [
    { header: t(SOCKET_COLUMNS.proto) },
    { header: t(SOCKET_COLUMNS.local), max: 46 },
    ...(withRemote ? [{ header: t(SOCKET_COLUMNS.remote), max: 46 }] : []),
    ...(names ? [names.column] : []),
    { header: t(SOCKET_COLUMNS.state) },
    { header: t(SOCKET_COLUMNS.service), max: 16 },
    { header: t(SOCKET_COLUMNS.exposure) },
    { header: t(SOCKET_COLUMNS.process), max: width < 120 ? 20 : 32 },
    { header: t(SOCKET_COLUMNS.user), max: 12 },
    { header: t(SOCKET_COLUMNS.notes), max: 40 },
    ...(extra?.columns ?? []),
  ];
  return renderTable(
    columns,
    rows.map((r) => [
      protoLabel(r),
      localLabel(r),
      ...(withRemote ? [remoteLabel(r)] : []),
      ...(names ? [names.cell(r)] : []),
      r.state,
      r.service ?? '',
      exposureLabel(r),
      ownerLabel(r),
      r.user ?? (r.pid === null || r.socketUid === null ? '' : String(r.socketUid)),
      notesLabel(r),
      ...(extra?.cells(r) ?? []),
    ]),
  );
}
