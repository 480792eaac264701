import { ContractError, type CallName, type EventName } from '../../shared/contract';
import type { Engine } from '../engine/service';

/**
 * What a transport holds: the engine, wherever it runs (a worker thread in `portscope serve` and
 * Electron; in-process in tests). Requests arrive already validated (see dispatch.ts); answers and
 * events leave as JSON text, because every transport forwards text (a WebSocket frame, an IPC
 * string the preload parses) and encoding once, next to the engine, keeps the routing thread free.
 */
export interface EngineLink {
  /** Runs a call whose request passed the contract's schema; resolves with the response as JSON. */
  call(name: CallName, request: unknown): Promise<string>;
  /** Subscribes to an event stream; the listener gets each payload as JSON. Returns unsubscribe. */
  on(name: EventName, listener: (json: string) => void): () => void;
  close(): Promise<void>;
}

export function toJson(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

/**
 * The engine in this thread. Tests use it (no worker start-up per test); the real front ends use
 * the worker link so a slow refresh never stalls the server or the Electron main process.
 */
export function inProcessLink(engine: Engine): EngineLink {
  return {
    async call(name, request) {
      const handler = engine.handlers[name] as ((req: unknown) => Promise<unknown>) | undefined;
      if (!handler) throw new ContractError('unknown-call', `The engine has no handler for ${name}.`);
      return toJson(await handler(request));
    },
    on(name, listener) {
      return engine.on(name, (payload: unknown) => listener(toJson(payload)));
    },
    async close() {
      engine.dispose();
    },
  };
}
