import type { Alert } from '../../shared/contract/history';
import type { AppSettings } from './app-settings';
import type { DesktopText } from './desktop-text';

/** A menu item as Electron's Menu.buildFromTemplate takes it (the fields we use). */
export interface TrayMenuItem {
  label?: string;
  type?: 'normal' | 'separator' | 'checkbox';
  enabled?: boolean;
  checked?: boolean;
  click?: () => void;
}

/** The slice of Electron's Tray the app uses. */
export interface TrayLike {
  setToolTip(text: string): void;
  setContextMenu(menu: unknown): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

/** Electron's APIs, passed in so the tray runs in plain Node under test. */
export interface TrayDeps {
  createTray: () => TrayLike;
  buildMenu: (template: TrayMenuItem[]) => unknown;
  open: () => void;
  quit: () => void;
  setPaused: (paused: boolean) => Promise<void> | void;
  saveSettings: (settings: AppSettings) => Promise<void> | void;
  /** Electron's app.setLoginItemSettings. */
  setLoginItem: (openAtLogin: boolean) => void;
  /** The language the tray speaks (main.ts relabels the tray when it changes). */
  text: Pick<DesktopText, 't' | 'engine' | 'time'>;
}

const MAX_ALERTS = 3;
/** Windows shows at most 127 characters of a tray icon's tooltip (NOTIFYICONDATA's szTip). */
const TOOLTIP_MAX = 127;

/**
 * The tray icon: the live listener count, the last alerts, Pause/Open/Quit, and the two opt-in
 * settings. It keeps the state and rebuilds the menu on every change (Electron menus are
 * immutable once built).
 */
export class TrayController {
  private readonly tray: TrayLike;
  private listeners: number | null = null;
  private paused = false;
  private alerts: Alert[] = [];

  constructor(
    private readonly deps: TrayDeps,
    private settings: AppSettings,
  ) {
    this.tray = deps.createTray();
    this.tray.on('click', () => deps.open());
    this.render();
  }

  get currentSettings(): AppSettings {
    return this.settings;
  }

  setListenerCount(n: number | null): void {
    if (n === this.listeners) return;
    this.listeners = n;
    this.render();
  }

  addAlert(alert: Alert): void {
    this.alerts = [alert, ...this.alerts].slice(0, MAX_ALERTS);
    this.render();
  }

  destroy(): void {
    this.tray.destroy();
  }

  /** The menu as it is now (what the tests read). */
  template(): TrayMenuItem[] {
    const { t } = this.deps.text;
    const items: TrayMenuItem[] = [{ label: t('desktop.tray.count', this.countValues()), enabled: false }];
    if (this.alerts.length) {
      items.push({ type: 'separator' }, { label: t('desktop.tray.lastAlerts'), enabled: false });
      for (const a of this.alerts) {
        items.push({ label: t('desktop.tray.alert', { time: this.deps.text.time(a.at), message: truncate(this.deps.text.engine(a), 70) }), click: () => this.deps.open() });
      }
    }
    items.push(
      { type: 'separator' },
      { label: t('desktop.tray.open'), click: () => this.deps.open() },
      { label: this.paused ? t('desktop.tray.resume') : t('desktop.tray.pause'), click: () => void this.togglePause() },
      { type: 'separator' },
      { label: t('desktop.tray.closeToTray'), type: 'checkbox', checked: this.settings.closeToTray, click: () => void this.update({ closeToTray: !this.settings.closeToTray }) },
      { label: t('desktop.tray.startAtLogin'), type: 'checkbox', checked: this.settings.startAtLogin, click: () => void this.update({ startAtLogin: !this.settings.startAtLogin }) },
      { type: 'separator' },
      { label: t('desktop.tray.quit'), click: () => this.deps.quit() },
    );
    return items;
  }

  /** Rebuilds the tooltip and the menu in the language now chosen. */
  relabel(): void {
    this.render();
  }

  /** The count line's and tooltip's values: a number, or "not known yet" before the first poll. */
  private countValues(): Record<string, string | number> {
    return { known: this.listeners === null ? 'no' : 'yes', count: this.listeners ?? 0, paused: this.paused ? 'yes' : 'no' };
  }

  private async togglePause(): Promise<void> {
    this.paused = !this.paused;
    this.render();
    await this.deps.setPaused(this.paused);
  }

  private async update(patch: Partial<AppSettings>): Promise<void> {
    this.settings = { ...this.settings, ...patch };
    if (patch.startAtLogin !== undefined) this.deps.setLoginItem(patch.startAtLogin);
    this.render();
    await this.deps.saveSettings(this.settings);
  }

  private render(): void {
    const { t } = this.deps.text;
    const count = t('desktop.tray.tooltip', this.countValues());
    // One message per line: the count, and the newest alert when there is one, cut so the whole
    // fits Windows' tooltip limit (German and Dutch run longer than English).
    const alert = this.alerts[0] ? truncate(t('desktop.tray.tooltipLastAlert', { message: this.deps.text.engine(this.alerts[0]) }), TOOLTIP_MAX - count.length - 1) : null;
    this.tray.setToolTip(alert ? `${count}\n${alert}` : count);
    this.tray.setContextMenu(this.deps.buildMenu(this.template()));
  }
}

function truncate(text: string, max: number): string {
  // Menu labels are plain text; control characters from process names are dropped.
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
