import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SocketDelta, SocketRow, TrafficSummary } from '../../shared/contract';

/**
 * Traffic over time, recorded in the renderer from the live deltas while the app runs: the
 * machine's total send/receive rate, and each busy connection's rates for its panel's sparkline.
 *
 * Cost per tick is the size of the delta, not of the table: a connection whose rates did not move
 * is not in `changed`, and its last sample stands until the next one (a step series).
 */

/** The machine chart and the sparklines show this much. */
export const TRAFFIC_WINDOW_MS = 5 * 60_000;
/** Samples kept for the machine (5 min at 1 s, with room for a faster refresh). */
export const MACHINE_LIMIT = 600;
/** Connections with a history kept at most; the least recently moved are forgotten first. */
export const CONNECTION_LIMIT = 2_000;
/** Samples kept per connection. */
export const CONNECTION_SAMPLES = 600;

export interface RateSample {
  t: number;
  send: number;
  receive: number;
}

export interface TrafficStoreState {
  /** The engine's latest machine and per-process totals; null until a tick brought one. */
  summary: TrafficSummary | null;
  machine: readonly RateSample[];
  /** Bumps on every recorded tick: components reading `historyOf` re-read on it. */
  version: number;
  /** A connection's recorded rates, oldest first (a copy). */
  historyOf(id: string): RateSample[];
  record(delta: Pick<SocketDelta, 'added' | 'changed' | 'removed' | 'traffic'>, now?: number): void;
  /** A snapshot starts the record afresh for the rows it has (after a reconnect some were missed). */
  seed(rows: readonly SocketRow[], summary: TrafficSummary | undefined, now?: number): void;
}

export type TrafficStore = StoreApi<TrafficStoreState>;

interface Series {
  t: number[];
  send: number[];
  receive: number[];
}

export function createTrafficStore(): TrafficStore {
  // Outside the zustand state: mutated in place (thousands of small arrays are not copied per tick).
  const series = new Map<string, Series>();

  function push(row: SocketRow, now: number): void {
    if (row.sendRate === null && row.receiveRate === null) return;
    let s = series.get(row.id);
    if (s) {
      // Map order is insertion order: re-inserting keeps the least recently moved first.
      series.delete(row.id);
    } else {
      s = { t: [], send: [], receive: [] };
      if (series.size >= CONNECTION_LIMIT) {
        const oldest = series.keys().next().value;
        if (oldest !== undefined) series.delete(oldest);
      }
    }
    series.set(row.id, s);
    s.t.push(now);
    s.send.push(row.sendRate ?? 0);
    s.receive.push(row.receiveRate ?? 0);
    // Keep one sample from before the window: the step that is still in force at its start.
    let drop = 0;
    while (drop < s.t.length - 1 && ((s.t[drop + 1] as number) <= now - TRAFFIC_WINDOW_MS || s.t.length - drop > CONNECTION_SAMPLES)) drop++;
    if (drop > 0) {
      s.t.splice(0, drop);
      s.send.splice(0, drop);
      s.receive.splice(0, drop);
    }
  }

  function pushMachine(machine: readonly RateSample[], summary: TrafficSummary | undefined, now: number): readonly RateSample[] {
    if (!summary) return machine;
    const from = now - TRAFFIC_WINDOW_MS;
    let start = 0;
    while (start < machine.length && ((machine[start] as RateSample).t < from || machine.length - start >= MACHINE_LIMIT)) start++;
    const next = machine.slice(start);
    next.push({ t: now, send: summary.machine.sendRate, receive: summary.machine.receiveRate });
    return next;
  }

  return createStore<TrafficStoreState>()((set, get) => ({
    summary: null,
    machine: [],
    version: 0,
    historyOf(id) {
      const s = series.get(id);
      if (!s) return [];
      return s.t.map((t, i) => ({ t, send: s.send[i] as number, receive: s.receive[i] as number }));
    },
    record(delta, now = Date.now()) {
      for (const id of delta.removed) series.delete(id);
      for (const row of delta.added) push(row, now);
      for (const row of delta.changed) push(row, now);
      const state = get();
      set({ summary: delta.traffic ?? state.summary, machine: pushMachine(state.machine, delta.traffic, now), version: state.version + 1 });
    },
    seed(rows, summary, now = Date.now()) {
      const live = new Set<string>();
      for (const row of rows) {
        live.add(row.id);
        // A row already recorded keeps its history; one that moved meanwhile gets a fresh point.
        const s = series.get(row.id);
        const last = s ? s.t.length - 1 : -1;
        if (!s || s.send[last] !== (row.sendRate ?? 0) || s.receive[last] !== (row.receiveRate ?? 0)) push(row, now);
      }
      for (const id of [...series.keys()]) if (!live.has(id)) series.delete(id);
      const state = get();
      set({ summary: summary ?? state.summary, machine: pushMachine(state.machine, summary, now), version: state.version + 1 });
    },
  }));
}
