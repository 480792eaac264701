import type { ContractClient } from '../../shared/contract';

/**
 * The connection as the UI sees it. `connecting` before the first link, `open` while calls can
 * flow, `reconnecting` after a drop (with backoff), `closed` once disposed.
 */
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface ConnectionState {
  status: ConnectionStatus;
  /** Why the last link failed, in words for a person; null while healthy. */
  error: string | null;
  /** The same reason as data, for the UI to word in its language (`error` stays the English text). */
  reason?: ConnectionReason | null;
  transport: 'electron' | 'websocket' | 'fake';
}

export type ConnectionReason =
  | { kind: 'expired' | 'lost' | 'unreachable'; retryInS: number }
  | { kind: 'version'; engine: string; page: string }
  | { kind: 'machineRemoved' }
  | { kind: 'machineUnreachable'; label: string; error: string | null; seen: string | null };

/**
 * The contract client plus what a long-lived UI needs on top: the connection's state, and a
 * signal after a reconnect so stores re-snapshot (events sent while away are lost).
 */
export interface RendererClient extends ContractClient {
  readonly connection: ConnectionState;
  onConnection(listener: (state: ConnectionState) => void): () => void;
  /** Called after the transport came back from a drop; not called for the first connection. */
  onReconnect(listener: () => void): () => void;
  dispose(): void;
}
