import type { WireError } from '../../../shared/contract';

/** Engine options that can cross into a worker (functions cannot; tests use the in-process link). */
export interface WorkerEngineOptions {
  transport: 'electron' | 'browser' | 'cli';
  intervalMs?: number;
  procRoot?: string;
  etcRoot?: string;
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
