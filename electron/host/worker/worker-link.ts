import { Worker } from 'node:worker_threads';
import { ContractError, type CallName, type ContractErrorCode, type EventName } from '../../../shared/contract';
import type { EngineLink } from '../engine-link';
import type { FromWorker, ToWorker, WorkerEngineOptions } from './protocol';

/** Where the worker's code is: the bundled dist/engine-worker.mjs, or the TypeScript source run through tsx. */
export interface WorkerEntry {
  file: string;
  execArgv?: string[];
}

export interface WorkerLinkOptions {
  entry: WorkerEntry;
  engine: WorkerEngineOptions;
  /** Where the link reports a crash and restart (stderr in the CLI, the log in Electron). */
  log?: (message: string) => void;
  /** First delay before restarting a crashed worker; doubles per crash in a row, up to 30 s. */
  restartDelayMs?: number;
}

interface Pending {
  resolve: (json: string) => void;
  reject: (err: Error) => void;
}

const CODES = new Set<ContractErrorCode>(['bad-request', 'unknown-call', 'not-found', 'denied', 'unavailable', 'internal']);

/**
 * The engine in a worker thread, seen from the routing thread. Calls are matched by id; event
 * streams are subscribed in the worker while at least one local listener wants them (so the
 * monitor ticks only while someone watches). A crashed worker fails the calls in flight with
 * `unavailable` and is restarted with its subscriptions.
 */
export function createWorkerLink(options: WorkerLinkOptions): EngineLink {
  const log = options.log ?? (() => {});
  const firstDelay = options.restartDelayMs ?? 500;
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(json: string) => void>>();
  let nextId = 1;
  let closing = false;
  let delay = firstDelay;
  let restartTimer: ReturnType<typeof setTimeout> | null = null;
  let worker: Worker | null = null;
  let exited: Promise<void> = Promise.resolve();

  const send = (message: ToWorker) => worker?.postMessage(message);

  function start(): void {
    // The worker's stdout is captured and sent to stderr: `portscope serve` promises that its
    // stdout carries the URL line only, whatever the engine might print.
    const w = new Worker(options.entry.file, { workerData: options.engine, execArgv: options.entry.execArgv ?? [], stdout: true });
    w.stdout.pipe(process.stderr, { end: false });
    worker = w;
    let healthy: ReturnType<typeof setTimeout> | null = setTimeout(() => {
      delay = firstDelay; // ran a while: the next crash is not part of a crash loop
      healthy = null;
    }, 30_000);
    healthy.unref();
    exited = new Promise((resolve) => {
      w.once('exit', (code) => {
        if (healthy) clearTimeout(healthy);
        if (worker === w) worker = null;
        failPending(closing ? 'The engine was stopped.' : `The engine stopped unexpectedly (exit code ${code}).`);
        resolve();
        if (!closing) scheduleRestart();
      });
    });
    w.on('error', (err) => log(`engine worker failed: ${err.stack ?? err.message}`));
    w.on('message', (message: FromWorker) => {
      if (message.t === 'result') {
        const p = pending.get(message.id);
        if (!p) return;
        pending.delete(message.id);
        if (message.ok) p.resolve(message.json);
        else {
          const { code, message: text, messageKey, values } = message.error;
          p.reject(new ContractError(CODES.has(code) ? code : 'internal', text, messageKey ? { messageKey, values } : undefined));
        }
      } else if (message.t === 'event') {
        for (const l of listeners.get(message.name as EventName) ?? []) l(message.json);
      }
    });
    for (const name of listeners.keys()) send({ t: 'subscribe', name });
  }

  function scheduleRestart(): void {
    log(`engine worker exited; restarting in ${delay} ms`);
    restartTimer = setTimeout(() => {
      restartTimer = null;
      if (!closing) start();
    }, delay);
    delay = Math.min(30_000, delay * 2);
  }

  function failPending(message: string): void {
    for (const p of pending.values()) p.reject(new ContractError('unavailable', message));
    pending.clear();
  }

  start();

  return {
    call(name: CallName, request: unknown): Promise<string> {
      if (closing) return Promise.reject(new ContractError('unavailable', 'The engine was stopped.'));
      if (!worker) return Promise.reject(new ContractError('unavailable', 'The engine is restarting; try again in a moment.'));
      const id = nextId++;
      return new Promise<string>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        send({ t: 'call', id, name, request });
      });
    },
    on(name: EventName, listener: (json: string) => void): () => void {
      let set = listeners.get(name);
      if (!set) {
        listeners.set(name, (set = new Set()));
        send({ t: 'subscribe', name });
      }
      set.add(listener);
      return () => {
        const current = listeners.get(name);
        if (!current?.delete(listener) || current.size > 0) return;
        listeners.delete(name);
        send({ t: 'unsubscribe', name });
      };
    },
    async close(): Promise<void> {
      closing = true;
      if (restartTimer) clearTimeout(restartTimer);
      listeners.clear();
      const w = worker;
      if (w) {
        await w.terminate();
        await exited;
      }
    },
  };
}
