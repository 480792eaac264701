import type { SocketRow } from '../../../shared/contract/sockets';

export interface RowDiff {
  added: SocketRow[];
  removed: string[];
  changed: SocketRow[];
}

/**
 * What can change while a row keeps its identity (protocol, endpoints and inode stay fixed):
 * state, owners, and what we learned about them.
 */
export function rowSignature(r: SocketRow): string {
  return `${r.state}|${r.pids.join(',')}|${r.processName ?? ''}|${r.user ?? ''}|${r.ownerStatus}|${String(r.dualStack)}`;
}

export interface IndexedRows {
  byId: Map<string, SocketRow>;
}

export function indexRows(rows: readonly SocketRow[]): IndexedRows {
  const byId = new Map<string, SocketRow>();
  for (const r of rows) byId.set(r.id, r);
  return { byId };
}

/** Counters or rates moved: the row goes out in `changed` (not a highlight-worthy change, see SocketDelta). */
export function trafficMoved(a: SocketRow, b: SocketRow): boolean {
  return (
    a.bytesSent !== b.bytesSent ||
    a.bytesReceived !== b.bytesReceived ||
    a.sendRate !== b.sendRate ||
    a.receiveRate !== b.receiveRate ||
    a.rttMs !== b.rttMs ||
    a.trafficUnavailable !== b.trafficUnavailable
  );
}

/** Added, removed and changed rows between two refreshes, by stable row id. */
export function diffRows(previous: IndexedRows, next: IndexedRows): RowDiff {
  const added: SocketRow[] = [];
  const changed: SocketRow[] = [];
  const removed: string[] = [];
  for (const [id, row] of next.byId) {
    const before = previous.byId.get(id);
    if (before === undefined) added.push(row);
    // The snapshotter hands back the same object for an unchanged socket: compare fields only
    // when it built a new one.
    else if (before !== row && (rowSignature(before) !== rowSignature(row) || trafficMoved(before, row))) changed.push(row);
  }
  for (const id of previous.byId.keys()) if (!next.byId.has(id)) removed.push(id);
  return { added, removed, changed };
}
