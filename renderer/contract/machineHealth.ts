import type { MachineInfo } from '../../shared/contract';
import { INTL_LOCALE } from '../../shared/i18n';
import { currentLang } from '../i18n/current';
import type { ConnectionReason, ConnectionState, RendererClient } from './types';

/** A remote machine's client that also reflects whether its agent is reachable. */
export interface MachineHealthClient extends RendererClient {
  /** The machine as the host's list says now (polled); null when the list could not be read. */
  update(machine: MachineInfo | null): void;
}

/** "07:41:12", or with the date when it was not today. */
export function formatLastSeen(iso: string | null | undefined, now = new Date()): string | null {
  if (!iso) return null;
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return null;
  const locale = INTL_LOCALE[currentLang()];
  return t.toDateString() === now.toDateString() ? t.toLocaleTimeString(locale) : t.toLocaleString(locale);
}

/** The same, as data for the banner to word in the reader's language. */
export function unreachableReason(machine: MachineInfo): ConnectionReason {
  return { kind: 'machineUnreachable', label: machine.label, error: machine.error ? machine.error.replace(/\.$/, '') : null, seen: formatLastSeen(machine.lastSeenAt) };
}

export function unreachableMessage(machine: MachineInfo): string {
  const seen = formatLastSeen(machine.lastSeenAt);
  const why = machine.error ? ` (${machine.error.replace(/\.$/, '')})` : '';
  return (
    `${machine.label} is unreachable${why}: reconnecting… ` +
    (seen ? `Last seen ${seen}; what is shown is from then, not live.` : 'What is shown is not live.')
  );
}

/**
 * The page's link to its own host can stay up while the host's link to the agent is down (the
 * agent stopped, its machine went away): events simply stop, and the table would go on looking
 * live. This wrapper turns the host's view of the agent (machines.list's status and lastSeenAt)
 * into the connection state the app already shows (ConnectionBanner: the machine's name,
 * "reconnecting…", the last seen time), and when the agent is back it signals a reconnect, so
 * the stores take a fresh snapshot instead of patching deltas onto a stale table.
 */
export function withMachineHealth(inner: RendererClient): MachineHealthClient {
  let down: MachineInfo | null = null;
  const connection: ConnectionState = { ...inner.connection };
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  const reconnectListeners = new Set<() => void>();

  function publish(): void {
    const own = inner.connection;
    // The page's own link failing says more (and differently) than the agent's: it goes first.
    const next: ConnectionState =
      own.status !== 'open' || !down ? { ...own } : { ...own, status: 'reconnecting', error: unreachableMessage(down), reason: unreachableReason(down) };
    if (next.status === connection.status && next.error === connection.error) return;
    Object.assign(connection, next);
    for (const l of connectionListeners) l({ ...connection });
  }
  const reconnected = () => {
    for (const l of reconnectListeners) l();
  };
  const offConnection = inner.onConnection(() => publish());
  const offReconnect = inner.onReconnect(reconnected);

  return {
    connection,
    call: (name, request) => inner.call(name, request),
    on: (name, listener) => inner.on(name, listener),
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    update(machine) {
      if (!machine) return; // the list could not be read: no news about the agent
      const wasDown = down !== null;
      down = machine.status === 'connected' ? null : machine;
      publish();
      if (wasDown && !down) reconnected();
    },
    dispose() {
      offConnection();
      offReconnect();
      inner.dispose();
    },
  };
}
