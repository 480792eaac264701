import { calls, CONTRACT_VERSION, events, type CallName, type EventName } from '../../shared/contract';
import type { PortscopeBridge } from '../../shared/contract/bridge';
import { bridgeErrorMessage } from '../../shared/contract/bridgeError';
import { callChannel, EVENT_CHANNEL, SUBSCRIBE_CHANNEL, UNSUBSCRIBE_CHANNEL, type IpcEnvelope } from './channels';

/** The part of ipcRenderer the bridge uses; Electron's ipcRenderer fits. It never leaves the preload. */
export interface RendererIpcLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Thrown into the page for a failed call; `code` is the contract's error code. */
export class BridgeCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ContractError';
  }
}

/**
 * What the preload exposes as `window.portscope`: one named function per call and one subscribe
 * function per event stream (returning its unsubscribe), built by looping over the contract, so a
 * call added to the contract appears here without touching this file. Only plain functions and
 * data cross to the page; ipcRenderer stays in here.
 */
export function createBridge(ipc: RendererIpcLike): PortscopeBridge {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let listening = false;

  const listen = () => {
    if (listening) return;
    listening = true;
    ipc.on(EVENT_CHANNEL, (_event, name, json) => {
      const set = listeners.get(name as EventName);
      if (!set || set.size === 0 || typeof json !== 'string') return;
      const payload: unknown = JSON.parse(json);
      for (const l of set) l(payload);
    });
  };

  const callFns = Object.fromEntries(
    (Object.keys(calls) as CallName[]).map((name) => [
      name,
      async (request: unknown) => {
        const envelope = (await ipc.invoke(callChannel(name), request)) as IpcEnvelope;
        if (envelope.ok) return JSON.parse(envelope.json) as unknown;
        // contextBridge copies an Error's message but drops its other fields: the code, catalog
        // key and values ride in the message (shared/contract/bridgeError.ts).
        throw new BridgeCallError(envelope.error.code, bridgeErrorMessage(envelope.error));
      },
    ]),
  );

  const eventFns = Object.fromEntries(
    (Object.keys(events) as EventName[]).map((name) => [
      name,
      (listener: (payload: unknown) => void) => {
        if (typeof listener !== 'function') throw new TypeError(`portscope.events['${name}'] needs a listener function`);
        listen();
        let set = listeners.get(name);
        if (!set) {
          listeners.set(name, (set = new Set()));
          ipc.send(SUBSCRIBE_CHANNEL, name);
        }
        // Wrapped, so subscribing the same function twice gives two independent subscriptions.
        const entry = (payload: unknown) => listener(payload);
        set.add(entry);
        let active = true;
        return () => {
          if (!active) return;
          active = false;
          const current = listeners.get(name);
          if (!current?.delete(entry) || current.size > 0) return;
          listeners.delete(name);
          ipc.send(UNSUBSCRIBE_CHANNEL, name);
        };
      },
    ]),
  );

  return { version: CONTRACT_VERSION, calls: callFns, events: eventFns } as unknown as PortscopeBridge;
}
