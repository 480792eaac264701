import type { SocketRow } from '../../../shared/contract';
import { exposureLabel, portClassLabel } from '../../format/socket';
import { plainT, type Tr } from '../../i18n/plain';
import { isListening, type LiveRow } from './table';

export interface SocketLists {
  listening: LiveRow[];
  connections: LiveRow[];
}

/** Splits the table once per tick; both tables and the charts read from the result. */
export function splitRows(rows: ReadonlyMap<string, LiveRow>): SocketLists {
  const listening: LiveRow[] = [];
  const connections: LiveRow[] = [];
  for (const live of rows.values()) (isListening(live.row) ? listening : connections).push(live);
  return { listening, connections };
}

/** Processes holding the most live sockets; sockets without a known owner are left out. */
export function topProcesses(rows: ReadonlyMap<string, LiveRow> | Iterable<LiveRow>, limit = 8): Array<{ name: string; count: number }> {
  // Counted by pid (no string per row); names are built for the few that make the chart.
  const counts = new Map<number, { count: number; name: string | null }>();
  for (const { row, mark } of (rows instanceof Map ? rows.values() : rows) as Iterable<LiveRow>) {
    if (mark === 'closing' || row.pid === null) continue;
    const c = counts.get(row.pid);
    if (c) c.count++;
    else counts.set(row.pid, { count: 1, name: row.processName });
  }
  return [...counts]
    .sort((a, b) => b[1].count - a[1].count || a[0] - b[0])
    .slice(0, limit)
    .map(([pid, c]) => ({ name: `${c.name ?? '?'} (${pid})`, count: c.count }));
}

const EXPOSURE_COLORS: Record<SocketRow['exposure'], string> = { loopback: '#2f9e44', specific: '#f59f00', all: '#e03131' };
const CLASS_COLORS: Record<SocketRow['portClass'], string> = { 'well-known': '#1c7ed6', registered: '#ae3ec9', dynamic: '#868e96' };

export function exposureSlices(listening: readonly LiveRow[], t: Tr = plainT('en')) {
  const counts: Record<SocketRow['exposure'], number> = { loopback: 0, specific: 0, all: 0 };
  for (const { row, mark } of listening) if (mark !== 'closing') counts[row.exposure]++;
  return (Object.keys(counts) as Array<SocketRow['exposure']>).filter((k) => counts[k] > 0).map((k) => ({ name: exposureLabel(t, k), value: counts[k], color: EXPOSURE_COLORS[k] }));
}

export function portClassSlices(listening: readonly LiveRow[], t: Tr = plainT('en')) {
  const counts: Record<SocketRow['portClass'], number> = { 'well-known': 0, registered: 0, dynamic: 0 };
  for (const { row, mark } of listening) if (mark !== 'closing') counts[row.portClass]++;
  return (Object.keys(counts) as Array<SocketRow['portClass']>).filter((k) => counts[k] > 0).map((k) => ({ name: portClassLabel(t, k), value: counts[k], color: CLASS_COLORS[k] }));
}
