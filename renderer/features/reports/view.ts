import { SOCKET_STATES, type Report, type ReportDiff, type SocketRow, type SocketState } from '../../../shared/contract';
import type { Slice } from '../../components/charts/DonutChart';
import { STATE_COLORS } from '../../components/charts/palette';
import type { LiveRow, RowMark } from '../../stores/sockets/table';

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

export function ownerText(row: SocketRow): string {
  if (!row.processName && row.pid === null) return 'no known owner';
  return `${row.processName ?? '?'}${row.pid !== null ? ` (pid ${row.pid})` : ''}${row.user ? `, ${row.user}` : ''}`;
}

/** One line for a screen reader and the status: "2 listening now that were not, 1 gone, 0 new owners, 14 unchanged". */
export function diffSummary(diff: ReportDiff): string {
  return `${diff.added.length} listening now that ${diff.added.length === 1 ? 'was' : 'were'} not, ${diff.removed.length} gone, ${diff.changed.length} with another owner, ${diff.unchanged} unchanged`;
}
