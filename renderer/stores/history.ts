import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Alert, Changes, HistoryEvent, HistoryStatus, Timeline } from '../../shared/contract/history';
import { CONTRACT_VERSION } from '../../shared/contract/version';
import type { RendererClient } from '../contract/types';
import { errorMessage } from '../format/errors';
import { currentLang } from '../i18n/current';
import { engineText } from '../i18n/engine';
import { plainT } from '../i18n/plain';

/** The "What changed since…" choices; `report` is a saved report's time. */
export type SinceChoice = { kind: 'hour' } | { kind: 'yesterday' } | { kind: 'boot' } | { kind: 'baseline' } | { kind: 'report'; at: string; name: string };

/** The page's window for the timeline, in hours back from now. */
export const TIMELINE_SPANS = [1, 6, 24, 72, 168] as const;

/** What the browser's Notification API offers (absent in Electron's renderer, which main notifies from). */
export interface BrowserNotifications {
  permission: () => NotificationPermission | 'unsupported';
  request: () => Promise<NotificationPermission>;
  show: (title: string, body: string) => void;
}

export interface HistoryState {
  status: HistoryStatus | null;
  since: SinceChoice;
  spanHours: (typeof TIMELINE_SPANS)[number];
  by: 'port' | 'process';
  changes: Changes | null;
  timeline: Timeline | null;
  alerts: Alert[];
  loading: boolean;
  error: string | null;
  message: string | null;
  /** Browser mode: 'granted' once the user allowed notifications. */
  notifyPermission: NotificationPermission | 'unsupported' | 'electron';
  load(): Promise<void>;
  setSince(since: SinceChoice): Promise<void>;
  setSpan(hours: (typeof TIMELINE_SPANS)[number]): Promise<void>;
  setBy(by: 'port' | 'process'): Promise<void>;
  markAllKnown(): Promise<void>;
  enableNotifications(): Promise<void>;
  dispose(): void;
}

export type HistoryStore = StoreApi<HistoryState>;

function sinceRequest(s: SinceChoice): Parameters<RendererClient['call']>[1] {
  return s.kind === 'report' ? { since: { at: s.at } } : { since: s.kind };
}

export function browserNotifications(): BrowserNotifications | null {
  if (typeof window === 'undefined' || typeof window.Notification !== 'function') return null;
  return {
    permission: () => window.Notification.permission,
    request: () => window.Notification.requestPermission(),
    show: (title, body) => void new window.Notification(title, { body }),
  };
}

const MAX_ALERTS = 200;

/**
 * The History page's state, and alerts for the whole app: each `history.alert` lands in the list,
 * and in browser mode becomes a desktop notification once the user allowed them (in Electron the
 * main process shows them, so the page never does twice).
 */
export function createHistoryStore(client: RendererClient, notifications: BrowserNotifications | null = browserNotifications()): HistoryStore {
  let transport: string | null = null;
  const store = createStore<HistoryState>()((set, get) => ({
    status: null,
    since: { kind: 'hour' },
    spanHours: 24,
    by: 'port',
    changes: null,
    timeline: null,
    alerts: [],
    loading: false,
    error: null,
    message: null,
    notifyPermission: notifications ? notifications.permission() : 'unsupported',
    async load() {
      set({ loading: true, error: null });
      try {
        const status = await client.call('history.status', {});
        const until = new Date();
        const [timeline, alerts, changes] = await Promise.all([
          client.call('history.timeline', { since: new Date(until.getTime() - get().spanHours * 3_600_000).toISOString(), until: until.toISOString(), by: get().by }),
          client.call('history.alerts', { limit: 100 }),
          client.call('history.changes', sinceRequest(get().since) as never).catch((err: unknown) => {
            set({ error: errorMessage(err) });
            return null;
          }),
        ]);
        set({ status, timeline, alerts, changes, loading: false });
      } catch (err) {
        set({ loading: false, error: errorMessage(err) });
      }
    },
    async setSince(since) {
      set({ since });
      await get().load();
    },
    async setSpan(spanHours) {
      set({ spanHours });
      await get().load();
    },
    async setBy(by) {
      set({ by });
      await get().load();
    },
    async markAllKnown() {
      try {
        const b = await client.call('history.baselineSave', {});
        set({ message: plainT(currentLang())('ui.history.markedKnown', { count: b.count, id: b.id }), since: { kind: 'baseline' } });
        await get().load();
      } catch (err) {
        set({ error: errorMessage(err) });
      }
    },
    async enableNotifications() {
      if (!notifications) return;
      set({ notifyPermission: await notifications.request() });
    },
    dispose() {
      off();
    },
  }));
  const off = client.on('history.alert', (alert) => {
    store.setState((s) => ({ alerts: [alert, ...s.alerts].slice(0, MAX_ALERTS) }));
    void notifyBrowser(alert);
  });
  async function notifyBrowser(alert: Alert) {
    if (!notifications || notifications.permission() !== 'granted') return;
    if (transport === null) {
      try {
        transport = (await client.call('contract.hello', { version: CONTRACT_VERSION })).transport;
      } catch {
        return;
      }
    }
    if (transport === 'electron') return;
    const t = plainT(currentLang());
    notifications.show(alert.severity === 'danger' ? t('ui.history.notify.risky') : t('ui.history.notify.new'), engineText(currentLang(), alert));
  }
  return store;
}

export function eventAddress(e: Pick<HistoryEvent, 'listener' | 'family' | 'localAddress' | 'localPort' | 'remoteAddress' | 'remotePort'>): string {
  const hp = (a: string, p: number) => `${e.family === 6 ? `[${a}]` : a}:${p === 0 ? '*' : p}`;
  return e.listener ? hp(e.localAddress, e.localPort) : `${hp(e.localAddress, e.localPort)} → ${hp(e.remoteAddress, e.remotePort)}`;
}
