import type { SocketDelta } from '../../../shared/contract';
import type { RendererClient } from '../../contract/types';
import { errorMessage } from '../../format/errors';
import type { TrafficStore } from '../traffic';
import type { SocketStore } from './store';

export interface LiveFeed {
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Fetch a full picture now (after an error, or when the user asks). */
  resync(): Promise<void>;
  dispose(): void;
}

export interface FeedOptions {
  /** How often marks are checked for expiry. */
  expiryIntervalMs?: number;
  retryMs?: number;
  now?: () => number;
  /** Records the traffic each snapshot and applied delta carries (charts, sparklines). */
  traffic?: TrafficStore;
}

/**
 * Keeps a socket store in step with the engine: subscribe first, then snapshot, then apply the
 * deltas that follow it. Deltas that arrive while a snapshot is in flight are held and applied
 * after it; any gap in the sequence (lost events, a reconnect) leads to a fresh snapshot.
 */
export function connectSocketFeed(client: RendererClient, store: SocketStore, options: FeedOptions = {}): LiveFeed {
  const now = options.now ?? Date.now;
  const retryMs = options.retryMs ?? 3_000;
  let held: SocketDelta[] | null = null;
  let syncing: Promise<void> | null = null;
  let again = false;
  let disposed = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  function onDelta(delta: SocketDelta): void {
    if (disposed || store.getState().paused) return;
    if (held) {
      held.push(delta);
      return;
    }
    const outcome = store.getState().applyDelta(delta, now());
    if (outcome === 'applied' || outcome === 'mismatch') options.traffic?.getState().record(delta, now());
    if (outcome === 'gap' || outcome === 'mismatch') void resync();
  }

  async function syncOnce(): Promise<void> {
    held = [];
    try {
      const snapshot = await client.call('sockets.snapshot', {});
      if (disposed) return;
      store.getState().loadSnapshot(snapshot, now());
      options.traffic?.getState().seed(snapshot.rows, snapshot.traffic, now());
      const pending = held;
      held = null;
      for (const delta of pending) {
        const outcome = store.getState().applyDelta(delta, now());
        if (outcome === 'applied' || outcome === 'mismatch') options.traffic?.getState().record(delta, now());
        if (outcome === 'gap' || outcome === 'mismatch') again = true;
      }
    } catch (err) {
      if (disposed) return;
      store.getState().setError(errorMessage(err));
      retryTimer ??= setTimeout(() => {
        retryTimer = null;
        void resync();
      }, retryMs);
    } finally {
      held = null;
    }
  }

  function resync(): Promise<void> {
    if (syncing) {
      again = true;
      return syncing;
    }
    syncing = (async () => {
      do {
        again = false;
        await syncOnce();
      } while (again && !disposed);
    })().finally(() => {
      syncing = null;
    });
    return syncing;
  }

  const offDelta = client.on('sockets.delta', onDelta);
  const offError = client.on('monitor.error', (e) => store.getState().setMonitorError({ message: e.message, messageKey: e.messageKey, values: e.values }));
  const offReconnect = client.onReconnect(() => {
    if (!store.getState().paused) void resync();
  });
  const expiry = setInterval(() => store.getState().expire(now()), options.expiryIntervalMs ?? 500);
  void resync();

  return {
    async pause() {
      store.getState().setPaused(true);
      // Best effort: the engine stops refreshing; if it cannot, deltas are ignored here anyway.
      await client.call('monitor.configure', { paused: true }).catch(() => undefined);
    },
    async resume() {
      store.getState().setPaused(false);
      await client.call('monitor.configure', { paused: false }).catch(() => undefined);
      await resync();
    },
    resync,
    dispose() {
      disposed = true;
      offDelta();
      offError();
      offReconnect();
      clearInterval(expiry);
      if (retryTimer) clearTimeout(retryTimer);
    },
  };
}
