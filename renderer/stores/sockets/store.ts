import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Snapshot, SocketDelta } from '../../../shared/contract';
import { warningTextsOf, type LocalizedMessage } from '../../../shared/contract/localized';
import { applyDelta, applySnapshot, countByState, EMPTY_TABLE, expireMarks, type StateCounts, type TableState } from './table';

/** One point of the "sockets by state" chart. */
export interface HistorySample {
  t: number;
  counts: StateCounts;
  total: number;
}

/** Ten minutes at the default one-second tick: enough for "the last minutes", bounded. */
export const HISTORY_LIMIT = 600;

export interface SocketStoreState {
  table: TableState;
  status: 'loading' | 'ready' | 'error';
  /** Why the table could not be loaded (shown instead of the table while there is none). */
  error: string | null;
  /** The engine's latest complaint about a refresh, with its key when the engine sent one; the table keeps its last good picture. */
  monitorError: LocalizedMessage | null;
  paused: boolean;
  hostname: string | null;
  takenAt: string | null;
  durationMs: number | null;
  /** The last read's warnings, with their keys when the engine sent them (shown translated). */
  warnings: LocalizedMessage[];
  history: HistorySample[];
  /** Rows touched by the last tick (added + removed + changed), shown in the status bar. */
  lastTickChanges: number;

  loadSnapshot(snapshot: Snapshot, now?: number): void;
  /** 'gap' and 'mismatch' mean the caller must re-snapshot. */
  applyDelta(delta: SocketDelta, now?: number): 'applied' | 'stale' | 'gap' | 'mismatch';
  expire(now?: number): void;
  setError(message: string): void;
  setMonitorError(error: LocalizedMessage | null): void;
  setPaused(paused: boolean): void;
}

export type SocketStore = StoreApi<SocketStoreState>;

function pushSample(history: HistorySample[], table: TableState, now: number): HistorySample[] {
  const sample: HistorySample = { t: now, counts: countByState(table.rows), total: table.liveCount };
  const next = history.length >= HISTORY_LIMIT ? history.slice(history.length - HISTORY_LIMIT + 1) : history.slice();
  next.push(sample);
  return next;
}

/** The expiry timer stays idle while ticks arrive more often than this. */
const EXPIRY_IDLE_MS = 1_500;

export function createSocketStore(): SocketStore {
  let lastDeltaAt = Number.NEGATIVE_INFINITY;
  return createStore<SocketStoreState>()((set, get) => ({
    table: EMPTY_TABLE,
    status: 'loading',
    error: null,
    monitorError: null,
    paused: false,
    hostname: null,
    takenAt: null,
    durationMs: null,
    warnings: [],
    history: [],
    lastTickChanges: 0,

    loadSnapshot(snapshot, now = Date.now()) {
      const table = applySnapshot(get().table, snapshot, now);
      set({
        table,
        status: 'ready',
        error: null,
        monitorError: null,
        hostname: snapshot.hostname,
        takenAt: snapshot.takenAt,
        durationMs: snapshot.durationMs,
        warnings: warningTextsOf(snapshot),
        history: pushSample(get().history, table, now),
        lastTickChanges: table.marked.size,
      });
    },

    applyDelta(delta, now = Date.now()) {
      lastDeltaAt = now;
      const outcome = applyDelta(get().table, delta, now);
      if (outcome.kind !== 'applied') return outcome.kind;
      // Expiring marks in the same update saves a second re-render of 10,000 rows a moment later.
      const table = expireMarks(outcome.state, now);
      set({
        table,
        takenAt: delta.takenAt,
        durationMs: delta.durationMs,
        warnings: warningTextsOf(delta),
        monitorError: null,
        history: pushSample(get().history, table, now),
        lastTickChanges: outcome.changes,
      });
      // The engine says how many rows it has: disagreeing means a delta went missing.
      return table.liveCount === delta.total ? 'applied' : 'mismatch';
    },

    expire(now = Date.now()) {
      // Ticks expire marks as they arrive; this is for when no tick comes (paused, engine gone).
      if (now - lastDeltaAt < EXPIRY_IDLE_MS) return;
      const table = expireMarks(get().table, now);
      if (table !== get().table) set({ table });
    },

    setError(message) {
      set(get().status === 'ready' ? { monitorError: { message } } : { status: 'error', error: message });
    },

    setMonitorError(error) {
      set({ monitorError: error });
    },

    setPaused(paused) {
      set({ paused });
    },
  }));
}
