import type { ProcessInfo, Snapshot, SocketDelta, SocketRow, SocketState } from '../../../shared/contract';

/** TCPView's colours: new rows green, changed rows yellow, closing rows red and then gone. */
export type RowMark = 'new' | 'changed' | 'closing';

export interface LiveRow {
  readonly row: SocketRow;
  readonly mark: RowMark | null;
}

/** How long a new/changed row stays highlighted, and a closed row stays visible (red). */
export const MARK_MS = 3_000;
export const CLOSING_MS = 3_000;

export interface TableState {
  readonly seq: number;
  /** Every row shown, closing ones included, by stable row id. */
  readonly rows: ReadonlyMap<string, LiveRow>;
  /** Ids that carry a mark, with when it was set: expiry walks these, not the whole table. */
  readonly marked: ReadonlyMap<string, number>;
  /** Rows that are alive (not closing). */
  readonly liveCount: number;
  readonly processes: ReadonlyMap<number, ProcessInfo>;
}

export const EMPTY_TABLE: TableState = { seq: 0, rows: new Map(), marked: new Map(), liveCount: 0, processes: new Map() };

/**
 * A full picture. The first one is shown as is; a later one (after a reconnect or a resume) is
 * reconciled with what is on screen, so what changed meanwhile is marked like a normal tick.
 */
export function applySnapshot(previous: TableState, snapshot: Snapshot, now: number): TableState {
  const first = previous.rows.size === 0;
  const rows = new Map<string, LiveRow>();
  const marked = new Map<string, number>();
  for (const row of snapshot.rows) {
    const before = previous.rows.get(row.id);
    if (first) {
      rows.set(row.id, { row, mark: null });
    } else if (!before || before.mark === 'closing') {
      rows.set(row.id, { row, mark: 'new' });
      marked.set(row.id, now);
    } else if (rowChanged(before.row, row)) {
      rows.set(row.id, { row, mark: before.mark === 'new' ? 'new' : 'changed' });
      marked.set(row.id, now);
    } else {
      // Unchanged: keep the object (memoized rows stay put) and any mark still showing.
      rows.set(row.id, before.row === row ? before : { row, mark: before.mark });
      const at = previous.marked.get(row.id);
      if (at !== undefined) marked.set(row.id, at);
    }
  }
  if (!first) {
    for (const [id, live] of previous.rows) {
      if (rows.has(id)) continue;
      rows.set(id, live.mark === 'closing' ? live : { row: live.row, mark: 'closing' });
      marked.set(id, live.mark === 'closing' ? (previous.marked.get(id) ?? now) : now);
    }
  }
  const processes = new Map<number, ProcessInfo>();
  for (const p of snapshot.processes) processes.set(p.pid, p);
  return { seq: snapshot.seq, rows, marked, liveCount: snapshot.rows.length, processes };
}

/** `changes`: rows added, removed or changed in a way worth showing (counter-only moves are not). */
export type DeltaOutcome = { kind: 'applied'; state: TableState; changes: number } | { kind: 'stale' } | { kind: 'gap' };

/**
 * One tick. Only the rows named in the delta are touched; every other row keeps its object, so
 * memoized table rows do not re-render. A delta that does not follow the state's seq means
 * events were lost: the caller re-snapshots.
 */
export function applyDelta(state: TableState, delta: SocketDelta, now: number): DeltaOutcome {
  if (delta.seq <= state.seq) return { kind: 'stale' };
  if (delta.previousSeq !== state.seq) return { kind: 'gap' };
  const rows = new Map(state.rows);
  const marked = new Map(state.marked);
  let liveCount = state.liveCount;
  for (const id of delta.removed) {
    const live = rows.get(id);
    if (!live || live.mark === 'closing') continue;
    rows.set(id, { row: live.row, mark: 'closing' });
    marked.set(id, now);
    liveCount--;
  }
  for (const row of delta.added) {
    const live = rows.get(row.id);
    if (!live || live.mark === 'closing') liveCount++;
    rows.set(row.id, { row, mark: 'new' });
    marked.set(row.id, now);
  }
  let changes = delta.added.length + delta.removed.length;
  for (const row of delta.changed) {
    const live = rows.get(row.id);
    if (live && live.mark !== 'closing' && !rowChanged(live.row, row)) {
      // Only counters, rates or RTT moved (the engine sends those in `changed` too): new data,
      // same mark and same mark time, so a busy connection does not flash yellow every tick.
      rows.set(row.id, { row, mark: live.mark });
      continue;
    }
    if (!live || live.mark === 'closing') liveCount++;
    // A row still green from its arrival stays green: it is new, and also just changed.
    const mark: RowMark = live?.mark === 'new' ? 'new' : 'changed';
    rows.set(row.id, { row, mark });
    marked.set(row.id, now);
    changes++;
  }
  let processes = state.processes;
  if (delta.processes.length > 0) {
    const next = new Map(processes);
    for (const p of delta.processes) next.set(p.pid, p);
    processes = next;
  }
  return { kind: 'applied', state: { seq: delta.seq, rows, marked, liveCount, processes }, changes };
}

/** Clears marks that have shown long enough and drops closed rows; the same state if nothing expired. */
export function expireMarks(state: TableState, now: number): TableState {
  let rows: Map<string, LiveRow> | null = null;
  let marked: Map<string, number> | null = null;
  for (const [id, at] of state.marked) {
    const live = state.rows.get(id);
    const ttl = live?.mark === 'closing' ? CLOSING_MS : MARK_MS;
    if (now - at < ttl) continue;
    rows ??= new Map(state.rows);
    marked ??= new Map(state.marked);
    marked.delete(id);
    if (!live) continue;
    if (live.mark === 'closing') rows.delete(id);
    else rows.set(id, { row: live.row, mark: null });
  }
  if (!rows || !marked) return state;
  return { ...state, rows, marked, processes: rows.size < state.rows.size ? pruneProcesses(state.processes, rows) : state.processes };
}

/** Processes no row refers to any more are forgotten, so a long session does not grow without end. */
function pruneProcesses(processes: ReadonlyMap<number, ProcessInfo>, rows: ReadonlyMap<string, LiveRow>): ReadonlyMap<number, ProcessInfo> {
  const used = new Set<number>();
  for (const { row } of rows.values()) for (const pid of row.pids) used.add(pid);
  if (used.size === processes.size) return processes;
  const next = new Map<number, ProcessInfo>();
  for (const [pid, p] of processes) if (used.has(pid)) next.set(pid, p);
  return next;
}

/** What makes a row yellow: state and owners, as the engine's rowSignature; never its counters. */
function rowChanged(a: SocketRow, b: SocketRow): boolean {
  return a.dualStack !== b.dualStack || a.state !== b.state || a.pid !== b.pid || a.processName !== b.processName || a.user !== b.user || a.ownerStatus !== b.ownerStatus || a.pids.join() !== b.pids.join();
}

/** UDP has no LISTEN: an unconnected UDP socket is how a UDP server waits, as CurrPorts shows it. */
export function isListening(row: SocketRow): boolean {
  return row.state === 'LISTEN' || (row.protocol === 'udp' && row.state === 'UNCONN');
}

export type StateCounts = Partial<Record<SocketState, number>>;

/** Live sockets by state (closing rows excluded): one sample of the chart history. */
export function countByState(rows: ReadonlyMap<string, LiveRow> | Iterable<LiveRow>): StateCounts {
  const counts: StateCounts = {};
  for (const { row, mark } of (rows instanceof Map ? rows.values() : rows) as Iterable<LiveRow>) {
    if (mark === 'closing') continue;
    counts[row.state] = (counts[row.state] ?? 0) + 1;
  }
  return counts;
}
