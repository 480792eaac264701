import {
  contractMajor,
  CONTRACT_VERSION,
  type CallName,
  type CallRequest,
  type CallResponse,
  type ClientMessage,
  type EventName,
  type EventPayload,
} from '../../shared/contract';
import { ContractError, type ContractErrorCode } from '../../shared/contract/errors';
import { ServerEnvelopeSchema } from './envelope';
import type { ConnectionReason, ConnectionState, RendererClient } from './types';
import { parseEvent, parseResponse } from './validate';

export interface WsClientOptions {
  url: string;
  /** Subprotocols offered on every (re)connect; browser mode's credential travels here. */
  protocols?: string[];
  /** Injected so tests can drive the client with a fake socket. */
  createSocket?: (url: string, protocols?: string[]) => WebSocket;
  callTimeoutMs?: number;
  /** Reconnect backoff: first delay, doubled up to the maximum. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /**
   * The host closed this connection because the machine it looks at was removed from the list
   * (in another tab or window). The client stops: retrying would only be refused.
   */
  onMachineRemoved?: () => void;
}

interface Pending {
  name: CallName;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** The host's close code for an expired session (electron/host/server.ts). */
const SESSION_EXPIRED = 4001;
/** The host's close code for a connection whose machine was removed (CLOSE_MACHINE_REMOVED there). */
const MACHINE_REMOVED = 4004;

const ERROR_CODES = new Set<ContractErrorCode>(['bad-request', 'unknown-call', 'not-found', 'denied', 'unavailable', 'internal']);

/** `ws://host/ws` on the page's own origin; the session credential goes in the subprotocols. */
export function defaultWsUrl(loc: Location = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/ws`;
}

/**
 * The browser-mode transport: the contract over one WebSocket. Calls are matched to results by
 * id; event subscriptions are reference-counted per name and re-sent after a reconnect. A call
 * in flight when the link drops is rejected, never silently re-sent (ending a process twice is
 * not a harmless retry).
 */
export function createWsClient(options: WsClientOptions): RendererClient {
  const createSocket = options.createSocket ?? ((url: string, protocols?: string[]) => new WebSocket(url, protocols));
  const callTimeoutMs = options.callTimeoutMs ?? 60_000;
  const firstBackoff = options.backoffMs ?? 250;
  const maxBackoff = options.maxBackoffMs ?? 10_000;

  let socket: WebSocket | null = null;
  let nextId = 1;
  let backoff = firstBackoff;
  let everOpened = false;
  let disposed = false;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  const pending = new Map<number, Pending>();
  const outbox: ClientMessage[] = [];
  const subscribers = new Map<EventName, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  const reconnectListeners = new Set<() => void>();
  const connection: ConnectionState = { status: 'connecting', error: null, transport: 'websocket' };

  function setConnection(status: ConnectionState['status'], error: string | null, reason: ConnectionReason | null = null): void {
    connection.status = status;
    connection.error = error;
    connection.reason = reason;
    const snapshot = { ...connection };
    for (const l of connectionListeners) l(snapshot);
  }

  function isOpen(): boolean {
    return socket !== null && socket.readyState === WebSocket.OPEN;
  }

  /** Calls wait in the outbox for the link; (un)subscribe messages are re-derived on open. */
  function send(message: ClientMessage): void {
    if (isOpen()) socket?.send(JSON.stringify(message));
    else if (message.type === 'call') outbox.push(message);
  }

  function connect(): void {
    if (disposed) return;
    const ws = createSocket(options.url, options.protocols);
    socket = ws;
    ws.addEventListener('open', () => {
      if (socket !== ws) return;
      const reconnected = everOpened;
      everOpened = true;
      backoff = firstBackoff;
      // Subscriptions live on the connection: announce them again, then anything queued.
      for (const name of subscribers.keys()) ws.send(JSON.stringify({ type: 'subscribe', name } satisfies ClientMessage));
      for (const m of outbox.splice(0)) ws.send(JSON.stringify(m));
      setConnection('open', null);
      if (reconnected) for (const l of reconnectListeners) l();
    });
    ws.addEventListener('message', (ev: MessageEvent) => {
      if (socket === ws) onMessage(ev.data);
    });
    ws.addEventListener('close', (ev: CloseEvent) => {
      if (socket !== ws) return;
      socket = null;
      failPending(
        everOpened ? 'The connection to the Portscope engine dropped during this call.' : 'Could not reach the Portscope engine.',
        everOpened ? 'ui.app.error.dropped' : 'ui.app.error.unreachable',
      );
      if (disposed) return;
      if (ev.code === MACHINE_REMOVED) {
        disposed = true;
        setConnection('closed', 'This machine was removed from the machine list in another window or tab.', { kind: 'machineRemoved' });
        options.onMachineRemoved?.();
        return;
      }
      const delay = backoff;
      backoff = Math.min(maxBackoff, backoff * 2);
      const hint = ev.code === SESSION_EXPIRED
        ? 'This session has expired: open the link `portscope serve` printed again.'
        : everOpened
        ? 'Lost the connection to the Portscope engine.'
        : 'Could not connect to the Portscope engine. If this page was not opened from the link `portscope serve` printed, open that link (it carries the access token).';
      const retryInS = Math.max(1, Math.round(delay / 1000));
      const kind = ev.code === SESSION_EXPIRED ? 'expired' : everOpened ? 'lost' : 'unreachable';
      setConnection('reconnecting', `${hint} Retrying in ${retryInS} s.`, { kind, retryInS });
      reconnectTimer = setTimeout(connect, delay);
    });
  }

  /** `key`: the renderer catalog's key for the same words (format/errors.ts translates it). */
  function failPending(message: string, key: string): void {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      p.reject(new ContractError('unavailable', message, { messageKey: key }));
      pending.delete(id);
    }
    // Queued calls were never sent: they wait in the outbox for the next link.
  }

  function onMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let raw: unknown;
    try {
      raw = JSON.parse(data);
    } catch {
      return;
    }
    const parsed = ServerEnvelopeSchema.safeParse(raw);
    if (!parsed.success) return;
    const msg = parsed.data;
    switch (msg.type) {
      case 'hello':
        if (contractMajor(msg.version) !== contractMajor(CONTRACT_VERSION)) {
          setConnection('closed', `The engine speaks contract ${msg.version}; this page needs ${CONTRACT_VERSION}. Reload the page.`, {
            kind: 'version',
            engine: msg.version,
            page: CONTRACT_VERSION,
          });
          disposed = true;
          socket?.close();
        }
        return;
      case 'result': {
        const p = pending.get(msg.id);
        if (!p) return;
        pending.delete(msg.id);
        clearTimeout(p.timer);
        if (msg.ok) {
          try {
            p.resolve(parseResponse(p.name, msg.value));
          } catch (err) {
            p.reject(err instanceof Error ? err : new Error(String(err)));
          }
        } else {
          const code = ERROR_CODES.has(msg.error.code as ContractErrorCode) ? (msg.error.code as ContractErrorCode) : 'internal';
          // The catalog key travels with the English, so the page can say it in the reader's language.
          const { messageKey, values } = msg.error;
          p.reject(new ContractError(code, msg.error.message, messageKey ? { messageKey, ...(values ? { values } : {}) } : undefined));
        }
        return;
      }
      case 'event': {
        const set = subscribers.get(msg.name as EventName);
        if (!set || set.size === 0) return;
        const payload = parseEvent(msg.name as EventName, msg.payload);
        if (payload === null) return;
        for (const l of set) l(payload);
        return;
      }
    }
  }

  connect();

  return {
    connection,
    call<N extends CallName>(name: N, request: CallRequest<N>): Promise<CallResponse<N>> {
      if (disposed) return Promise.reject(new ContractError('unavailable', 'The connection is closed.', { messageKey: 'ui.app.error.closed' }));
      const id = nextId++;
      return new Promise<CallResponse<N>>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          const i = outbox.findIndex((m) => m.type === 'call' && m.id === id);
          if (i >= 0) outbox.splice(i, 1);
          const seconds = Math.round(callTimeoutMs / 1000);
          reject(new ContractError('unavailable', `${name} got no answer within ${seconds} s.`, { messageKey: 'ui.app.error.timeout', values: { name, seconds } }));
        }, callTimeoutMs);
        pending.set(id, { name, resolve: resolve as (v: unknown) => void, reject, timer });
        send({ type: 'call', id, name, payload: request });
      });
    },
    on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
      let set = subscribers.get(name);
      if (!set) {
        subscribers.set(name, (set = new Set()));
        send({ type: 'subscribe', name });
      }
      const l = listener as (payload: unknown) => void;
      set.add(l);
      return () => {
        const current = subscribers.get(name);
        if (!current?.delete(l) || current.size > 0) return;
        subscribers.delete(name);
        send({ type: 'unsubscribe', name });
      };
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    dispose() {
      disposed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      failPending('The connection was closed.', 'ui.app.error.wasClosed');
      socket?.close();
      socket = null;
      setConnection('closed', null);
    },
  };
}
