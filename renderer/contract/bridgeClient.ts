import type { CallName, CallRequest, CallResponse, EventName, EventPayload } from '../../shared/contract';
import type { PortscopeBridge } from '../../shared/contract/bridge';
import { fromBridgeError } from '../../shared/contract/bridgeError';
import type { ConnectionState, RendererClient } from './types';
import { currentLang } from '../i18n/current';
import { plainT } from '../i18n/plain';
import { parseEvent, parseResponse } from './validate';

declare global {
  interface Window {
    /** Present only inside Electron, exposed by the preload through contextBridge. */
    portscope?: PortscopeBridge;
  }
}

/** The Electron transport: IPC through the preload's named functions. It never drops. */
export function createBridgeClient(bridge: PortscopeBridge): RendererClient {
  const connection: ConnectionState = { status: 'open', error: null, transport: 'electron' };
  return {
    connection,
    async call<N extends CallName>(name: N, request: CallRequest<N>): Promise<CallResponse<N>> {
      const fn = bridge.calls[name] as ((req: CallRequest<N>) => Promise<unknown>) | undefined;
      if (typeof fn !== 'function') throw new Error(plainT(currentLang())('ui.app.error.noCall', { name }));
      let answer: unknown;
      try {
        answer = await fn(request);
      } catch (err) {
        // The preload's error with its code, key and values back (they cannot cross as fields).
        throw fromBridgeError(err);
      }
      return parseResponse(name, answer);
    },
    on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
      const subscribe = bridge.events[name] as ((l: (p: unknown) => void) => () => void) | undefined;
      if (typeof subscribe !== 'function') return () => {};
      return subscribe((payload) => {
        const parsed = parseEvent(name, payload);
        if (parsed !== null) listener(parsed);
      });
    },
    onConnection: () => () => {},
    onReconnect: () => () => {},
    dispose: () => {},
  };
}
