import type { WireError } from '../../../shared/contract';
import type { EngineHistoryOptions } from '../../engine/service';

/** Engine options that can cross into a worker (functions cannot; tests use the in-process link). */
export interface WorkerEngineOptions {
  transport: 'electron' | 'browser' | 'cli';
  intervalMs?: number;
  procRoot?: string;
  etcRoot?: string;
  /** History recording (plain data: it crosses into the worker as workerData). */
  history?: EngineHistoryOptions;
}

/** From the routing thread to the engine worker. */
export type ToWorker =
  | { t: 'call'; id: number; name: string; request: unknown }
  | { t: 'subscribe'; name: string }
  | { t: 'unsubscribe'; name: string };

/** From the engine worker back. Results and events carry JSON text, encoded once in the worker. */
export type FromWorker =
  | { t: 'result'; id: number; ok: true; json: string }
  | { t: 'result'; id: number; ok: false; error: WireError }
  | { t: 'event'; name: string; json: string };
