// The engine's thread: socket refreshes (procfs walks, diffing 10,000 rows), scans and probes run
// here, so the thread that routes HTTP, WebSocket or IPC traffic never waits on them.
import { parentPort, workerData } from 'node:worker_threads';
import { isCallName, isEventName, toWireError, type EventName } from '../../../shared/contract';
import { Engine } from '../../engine/service';
import { toJson } from '../engine-link';
import type { FromWorker, ToWorker, WorkerEngineOptions } from './protocol';

const port = parentPort;
if (!port) throw new Error('engine-worker.ts runs only as a worker thread.');

const engine = new Engine(workerData as WorkerEngineOptions);
const subscriptions = new Map<EventName, () => void>();
const post = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  switch (message.t) {
    case 'call': {
      const { id, name, request } = message;
      // The routing thread validated the request against the contract; the name is checked again
      // because a handler lookup with an unexpected key must not throw a TypeError here.
      if (!isCallName(name)) {
        post({ t: 'result', id, ok: false, error: { code: 'unknown-call', message: `Unknown call ${name}.` } });
        return;
      }
      const handler = engine.handlers[name] as (req: unknown) => Promise<unknown>;
      Promise.resolve()
        .then(() => handler(request))
        .then(
          (value) => post({ t: 'result', id, ok: true, json: toJson(value) }),
          (err: unknown) => post({ t: 'result', id, ok: false, error: toWireError(err) }),
        );
      return;
    }
    case 'subscribe': {
      const name = message.name;
      if (!isEventName(name) || subscriptions.has(name)) return;
      subscriptions.set(name, engine.on(name, (payload: unknown) => post({ t: 'event', name, json: toJson(payload) })));
      return;
    }
    case 'unsubscribe': {
      const name = message.name;
      if (!isEventName(name)) return;
      subscriptions.get(name)?.();
      subscriptions.delete(name);
      return;
    }
  }
});
