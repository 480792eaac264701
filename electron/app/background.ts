import { AlertSchema, HistoryStatusSchema, type Alert } from '../../shared/contract/history';
import type { EngineLink } from '../host/engine-link';
import type { AppSettings } from './app-settings';
import { AlertNotifier, type NotificationConstructor } from './notifications';
import { TrayController, type TrayDeps } from './tray';

export interface BackgroundDeps extends Omit<TrayDeps, 'setPaused'> {
  link: EngineLink;
  Notification: NotificationConstructor;
  settings: AppSettings;
  log: (message: string) => void;
  /** How often the tray's listener count is refreshed. */
  pollMs?: number;
}

/**
 * What the app does beyond its window: alerts become desktop notifications and tray entries, the
 * tray shows the live listener count (from the recorder in the engine worker, which records while
 * the window is closed to the tray). Everything Electron is passed in, so this runs under test.
 */
export function bindBackground(deps: BackgroundDeps): { settings(): AppSettings; dispose(): void; tray: TrayController | null } {
  let tray: TrayController | null = null;
  try {
    tray = new TrayController(
      {
        ...deps,
        setPaused: async (paused) => {
          await deps.link.call('monitor.configure', { paused });
        },
      },
      deps.settings,
    );
  } catch (err) {
    // A desktop without a tray (no StatusNotifier host): the app works without one.
    deps.log(`no tray icon: ${err instanceof Error ? err.message : String(err)}`);
  }
  const notifier = new AlertNotifier(deps.Notification, deps.open, deps.text);
  const offAlert = deps.link.on('history.alert', (json) => {
    const parsed = AlertSchema.safeParse(JSON.parse(json));
    if (!parsed.success) return;
    const alert: Alert = parsed.data;
    tray?.addAlert(alert);
    notifier.notify(alert);
  });
  const poll = async () => {
    try {
      const status = HistoryStatusSchema.parse(JSON.parse(await deps.link.call('history.status', {})));
      tray?.setListenerCount(status.listeners);
    } catch {
      // The engine is restarting; the next poll will tell.
    }
  };
  void poll();
  const timer = setInterval(() => void poll(), deps.pollMs ?? 5_000);
  timer.unref?.();
  return {
    tray,
    settings: () => tray?.currentSettings ?? deps.settings,
    dispose() {
      clearInterval(timer);
      offAlert();
      tray?.destroy();
    },
  };
}
