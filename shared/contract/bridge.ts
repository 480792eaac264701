import type { CallName, CallRequest, CallResponse, EventName, EventPayload } from './index';

/**
 * What the Electron preload exposes on `window.portscope`: one named, typed function per call
 * and one subscribe function per event stream (returning its unsubscribe). No ipcRenderer, no
 * Electron objects cross the bridge.
 */
export interface PortscopeBridge {
  readonly version: string;
  readonly calls: { readonly [N in CallName]: (request: CallRequest<N>) => Promise<CallResponse<N>> };
  readonly events: { readonly [E in EventName]: (listener: (payload: EventPayload<E>) => void) => () => void };
}
