import type { Alert } from '../../shared/contract/history';
import type { AppSettings } from './app-settings';

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
}

const MAX_ALERTS = 3;

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
    const count = `${this.listeners === null ? 'Listeners: …' : `${this.listeners} listener${this.listeners === 1 ? '' : 's'}`}${this.paused ? ' (paused)' : ''}`;
    const items: TrayMenuItem[] = [{ label: count, enabled: false }];
    if (this.alerts.length) {
      items.push({ type: 'separator' }, { label: 'Last alerts', enabled: false });
      for (const a of this.alerts) items.push({ label: `${a.at.slice(11, 16)} ${truncate(a.message, 70)}`, click: () => this.deps.open() });
    }
    items.push(
      { type: 'separator' },
      { label: 'Open Portscope', click: () => this.deps.open() },
      { label: this.paused ? 'Resume' : 'Pause', click: () => void this.togglePause() },
      { type: 'separator' },
      { label: 'Close to tray', type: 'checkbox', checked: this.settings.closeToTray, click: () => void this.update({ closeToTray: !this.settings.closeToTray }) },
      { label: 'Start at login', type: 'checkbox', checked: this.settings.startAtLogin, click: () => void this.update({ startAtLogin: !this.settings.startAtLogin }) },
      { type: 'separator' },
      { label: 'Quit Portscope', click: () => this.deps.quit() },
    );
    return items;
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
    this.tray.setToolTip(`Portscope — ${this.listeners ?? '…'} listeners${this.paused ? ', paused' : ''}${this.alerts[0] ? `\nLast alert: ${truncate(this.alerts[0].message, 90)}` : ''}`);
    this.tray.setContextMenu(this.deps.buildMenu(this.template()));
  }
}

function truncate(text: string, max: number): string {
  // Menu labels are plain text; control characters from process names are dropped.
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
