import { SOCKET_STATES, type Report, type ReportDiff, type SocketRow, type SocketState } from '../../../shared/contract';
import type { Slice } from '../../components/charts/DonutChart';
import { STATE_COLORS } from '../../components/charts/palette';
import type { LiveRow, RowMark } from '../../stores/sockets/table';
import { plainT, type Tr } from '../../i18n/plain';

/**
 * A saved report shown with the dashboard's own tables and charts. Those read LiveRow (a socket
 * row and its TCPView colour): a report's rows carry no colour, the diff's carry what changed.
 */
export function asLiveRows(rows: readonly SocketRow[] | null): LiveRow[] {
  return (rows ?? []).map((row) => ({ row, mark: null }));
}

/** The table form topProcesses() reads. */
export function rowMap(rows: readonly LiveRow[]): Map<string, LiveRow> {
  const map = new Map<string, LiveRow>();
  for (const live of rows) map.set(`${live.row.id}|${map.size}`, live);
  return map;
}

/** Sockets per kernel state, from the report's summary (a report holds one moment, not a history). */
export function stateSlices(states: Report['machine']['summary']['states']): Slice[] {
  return SOCKET_STATES.filter((s: SocketState) => (states[s] ?? 0) > 0).map((s) => ({ name: s, value: states[s] ?? 0, color: STATE_COLORS[s] }));
}

export interface DiffEntry {
  /** Stable key for the table. */
  key: string;
  change: 'added' | 'removed' | 'changed';
  /** The row as it is now (added, changed) or as it was (removed). */
  live: LiveRow;
  /** For a changed owner: the row in the report. */
  before: SocketRow | null;
}

const MARK: Record<DiffEntry['change'], RowMark> = { added: 'new', removed: 'closing', changed: 'changed' };

/** "What changed since this report" as rows in the dashboard's colours: added green, gone red, new owner yellow. */
export function diffEntries(diff: ReportDiff): DiffEntry[] {
  const out: DiffEntry[] = [];
  const push = (change: DiffEntry['change'], row: SocketRow, before: SocketRow | null) =>
    out.push({ key: `${change}|${row.id}|${out.length}`, change, live: { row, mark: MARK[change] }, before });
  for (const row of diff.added) push('added', row, null);
  for (const row of diff.removed) push('removed', row, null);
  for (const { before, after } of diff.changed) push('changed', after, before);
  return out.sort((a, b) => a.live.row.localPort - b.live.row.localPort || a.change.localeCompare(b.change));
}

export function ownerText(row: SocketRow, t: Tr = plainT('en')): string {
  if (!row.processName && row.pid === null) return t('ui.reports.noOwner');
  const who = row.pid !== null ? t('ui.reports.ownerPid', { name: row.processName ?? '?', pid: row.pid }) : (row.processName ?? '?');
  return row.user ? t('ui.reports.ownerUser', { who, user: row.user }) : who;
}

/** One line for a screen reader and the status: "2 listening now that were not, 1 gone, 0 with another owner, 14 unchanged". */
export function diffSummary(diff: ReportDiff, t: Tr = plainT('en')): string {
  return t('ui.reports.diffSummary', { added: diff.added.length, gone: diff.removed.length, changed: diff.changed.length, unchanged: diff.unchanged });
}
