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
  signatures: Map<string, string>;
}

export function indexRows(rows: readonly SocketRow[]): IndexedRows {
  const byId = new Map<string, SocketRow>();
  const signatures = new Map<string, string>();
  for (const r of rows) {
    byId.set(r.id, r);
    signatures.set(r.id, rowSignature(r));
  }
  return { byId, signatures };
}

/** Added, removed and changed rows between two refreshes, by stable row id. */
export function diffRows(previous: IndexedRows, next: IndexedRows): RowDiff {
  const added: SocketRow[] = [];
  const changed: SocketRow[] = [];
  const removed: string[] = [];
  for (const [id, row] of next.byId) {
    const before = previous.signatures.get(id);
    if (before === undefined) added.push(row);
    else if (before !== next.signatures.get(id)) changed.push(row);
  }
  for (const id of previous.byId.keys()) if (!next.byId.has(id)) removed.push(id);
  return { added, removed, changed };
}
