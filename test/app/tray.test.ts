import type net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Alert } from '../../shared/contract/history';
import { bindBackground } from '../../electron/app/background';
import { AppSettingsStore, DEFAULT_APP_SETTINGS } from '../../electron/app/app-settings';
import { DesktopText } from '../../electron/app/desktop-text';
import { AlertNotifier } from '../../electron/app/notifications';
import { TrayController, type TrayMenuItem } from '../../electron/app/tray';
import { inProcessLink } from '../../electron/host/engine-link';
import { Engine } from '../../electron/engine/service';
import { SocketBag } from '../support/sockets';
import { tempDataDir } from '../history/support';

/** Electron's Tray, recording what the app sets on it. */
class FakeTray {
  tooltip = '';
  menu: TrayMenuItem[] = [];
  clicks: Array<() => void> = [];
  destroyed = false;
  setToolTip(t: string) {
    this.tooltip = t;
  }
  setContextMenu(m: unknown) {
    this.menu = m as TrayMenuItem[];
  }
  on(_e: 'click', l: () => void) {
    this.clicks.push(l);
  }
  destroy() {
    this.destroyed = true;
  }
}

/** Electron's Notification: every one shown lands in `shown`. */
class FakeNotification {
  static shown: Array<{ title: string; body: string }> = [];
  static supported = true;
  static isSupported() {
    return FakeNotification.supported;
  }
  private click: (() => void) | null = null;
  constructor(private readonly options: { title: string; body: string }) {}
  on(_e: 'click', l: () => void) {
    this.click = l;
  }
  show() {
    FakeNotification.shown.push(this.options);
  }
  clickIt() {
    this.click?.();
  }
}

const alert = (over: Partial<Alert> = {}): Alert => ({
  id: 1,
  at: '2026-12-01T22:10:00.000Z',
  reasons: ['exposed'],
  severity: 'warning',
  message: 'New listener TCP 0.0.0.0:8080 by python3 (pid 42): reachable from other machines',
  protocol: 'tcp',
  localAddress: '0.0.0.0',
  localPort: 8080,
  exposure: 'all',
  pid: 42,
  processName: 'python3',
  ...over,
});

const item = (menu: TrayMenuItem[], label: string | RegExp) => menu.find((m) => (typeof label === 'string' ? m.label === label : label.test(m.label ?? '')));

/** English in UTC, so the times the tests read do not depend on the machine's zone. */
const english = () => new DesktopText(['en-US'], { timeZone: 'UTC' });

/** An alert as the engine sends it: the English, and its catalog key and values. */
const keyedAlert = (over: Partial<Alert> = {}): Alert =>
  alert({
    messageKey: 'alert.newListener',
    values: { where: 'TCP 0.0.0.0:8080', owner: 'known', name: 'python3', pid: '42', status: 'none', detail: 'all' },
    ...over,
  });

function tray(settings = DEFAULT_APP_SETTINGS, text = english()) {
  const fake = new FakeTray();
  const calls = { open: 0, quit: 0, paused: [] as boolean[], saved: [] as unknown[], login: [] as boolean[] };
  const controller = new TrayController(
    {
      createTray: () => fake,
      buildMenu: (t) => t,
      open: () => calls.open++,
      quit: () => calls.quit++,
      setPaused: (p) => void calls.paused.push(p),
      saveSettings: (s) => void calls.saved.push(s),
      setLoginItem: (on) => void calls.login.push(on),
      text,
    },
    settings,
  );
  return { fake, calls, controller, text };
}

describe('tray', () => {
  it('shows the listener count and the last three alerts, newest first', () => {
    const { fake, controller } = tray();
    expect(fake.menu[0]!.label).toBe('Listeners: …');
    controller.setListenerCount(1);
    expect(fake.menu[0]).toMatchObject({ label: '1 listener', enabled: false });
    controller.setListenerCount(1234);
    expect(fake.menu[0]).toMatchObject({ label: '1,234 listeners', enabled: false });
    controller.setListenerCount(12);
    expect(fake.menu[0]).toMatchObject({ label: '12 listeners', enabled: false });
    expect(fake.tooltip).toMatch(/^Portscope — 12 listeners/);
    for (let i = 1; i <= 4; i++) controller.addAlert(alert({ id: i, message: `alert ${i}\u001b[31m` }));
    const alerts = fake.menu.filter((m) => /alert \d/.test(m.label ?? '')).map((m) => m.label);
    expect(alerts).toEqual(['22:10 alert 4 [31m', '22:10 alert 3 [31m', '22:10 alert 2 [31m']);
    expect(fake.tooltip).toMatch(/Last alert: alert 4/);
  });

  it('Pause, Open and Quit do what they say; the opt-in settings start off, toggle and are saved', () => {
    const { fake, calls } = tray();
    item(fake.menu, 'Pause')!.click!();
    expect(calls.paused).toEqual([true]);
    expect(item(fake.menu, 'Resume')).toBeDefined();
    expect(fake.menu[0]!.label).toBe('Listeners: … (paused)');
    expect(fake.tooltip).toBe('Portscope — …, paused');
    item(fake.menu, 'Resume')!.click!();
    expect(calls.paused).toEqual([true, false]);
    item(fake.menu, 'Open Portscope')!.click!();
    fake.clicks[0]!();
    expect(calls.open).toBe(2);
    item(fake.menu, 'Quit Portscope')!.click!();
    expect(calls.quit).toBe(1);

    expect(item(fake.menu, 'Close to tray')).toMatchObject({ type: 'checkbox', checked: false });
    expect(item(fake.menu, 'Start at login')).toMatchObject({ type: 'checkbox', checked: false });
    item(fake.menu, 'Close to tray')!.click!();
    item(fake.menu, 'Start at login')!.click!();
    expect(item(fake.menu, 'Close to tray')!.checked).toBe(true);
    expect(calls.login).toEqual([true]);
    expect(calls.saved.at(-1)).toEqual({ closeToTray: true, startAtLogin: true });
  });

  it('keeps its settings in a file that survives a restart and shrugs off a corrupt one', async () => {
    const { dir, remove } = tempDataDir();
    try {
      const store = new AppSettingsStore(`${dir}/app-settings.json`);
      expect(await store.load()).toEqual(DEFAULT_APP_SETTINGS);
      await store.save({ closeToTray: true, startAtLogin: false });
      expect(await new AppSettingsStore(`${dir}/app-settings.json`).load()).toEqual({ closeToTray: true, startAtLogin: false });
      const { writeFileSync } = await import('node:fs');
      writeFileSync(`${dir}/app-settings.json`, '{not json');
      expect(await store.load()).toEqual(DEFAULT_APP_SETTINGS);
    } finally {
      remove();
    }
  });
});

describe('the tray in German and Dutch', () => {
  it('counts with the language\'s plural and digits, and shows the alerts translated, at local time', () => {
    // Berlin is an hour ahead of UTC in December: 22:10Z is 23:10 there.
    const { fake, controller } = tray(DEFAULT_APP_SETTINGS, new DesktopText(['de-AT', 'en'], { timeZone: 'Europe/Berlin' }));
    expect(fake.menu[0]!.label).toBe('Lauschende Ports: …');
    controller.setListenerCount(1);
    expect(fake.menu[0]!.label).toBe('1 lauschender Port');
    controller.setListenerCount(1234);
    expect(fake.menu[0]!.label).toBe('1.234 lauschende Ports');
    expect(fake.tooltip).toBe('Portscope — 1.234 lauschende Ports');
    controller.addAlert(keyedAlert());
    expect(item(fake.menu, 'Letzte Warnungen')).toMatchObject({ enabled: false });
    expect(item(fake.menu, /^23:10 /)!.label).toBe('23:10 Neuer lauschender Port TCP 0.0.0.0:8080 von python3 (PID 42): von and…');
    expect(fake.tooltip.split('\n')[1]).toMatch(/^Letzte Warnung: Neuer lauschender Port TCP 0\.0\.0\.0:8080 von python3 .*…$/);
    // German runs long: the whole tooltip still fits Windows' 127 characters.
    expect(fake.tooltip.length).toBe(127);
    // An alert without a key (an older engine) keeps its English.
    controller.addAlert(alert({ id: 2, message: 'from an older engine' }));
    expect(item(fake.menu, /older engine/)!.label).toBe('23:10 from an older engine');
    const labels = fake.menu.map((m) => m.label).filter(Boolean);
    expect(labels.slice(-5)).toEqual(['Portscope öffnen', 'Pausieren', 'Beim Schließen im Infobereich bleiben', 'Bei der Anmeldung starten', 'Portscope beenden']);
    item(fake.menu, 'Pausieren')!.click!();
    expect(fake.menu[0]!.label).toBe('1.234 lauschende Ports (pausiert)');
    expect(item(fake.menu, 'Fortsetzen')).toBeDefined();
  });

  it('relabels itself when the language changes', () => {
    const text = new DesktopText(['en'], { timeZone: 'UTC' });
    const { fake, controller } = tray(DEFAULT_APP_SETTINGS, text);
    controller.setListenerCount(2);
    controller.addAlert(keyedAlert());
    expect(fake.menu[0]!.label).toBe('2 listeners');
    text.set('nl');
    controller.relabel();
    expect(fake.menu[0]!.label).toBe('2 luisterende poorten');
    expect(fake.tooltip.split('\n')).toEqual(['Portscope — 2 luisterende poorten', 'Laatste waarschuwing: Nieuwe luisterende poort TCP 0.0.0.0:8080 van python3 (pid 42): bereik…']);
    expect(fake.tooltip.length).toBe(127);
    expect(item(fake.menu, 'Laatste waarschuwingen')).toBeDefined();
    expect(item(fake.menu, /^22:10 Nieuwe luisterende poort/)).toBeDefined();
    const labels = fake.menu.map((m) => m.label).filter(Boolean);
    expect(labels.slice(-5)).toEqual(['Portscope openen', 'Pauzeren', 'Bij sluiten in het systeemvak blijven', 'Starten bij aanmelden', 'Portscope afsluiten']);
    controller.setListenerCount(1);
    expect(fake.menu[0]!.label).toBe('1 luisterende poort');
  });
});

describe('desktop notifications', () => {
  afterEach(() => {
    FakeNotification.shown = [];
    FakeNotification.supported = true;
  });

  it('caps a burst at five a minute and counts the rest into the next one; click opens the window', () => {
    let now = 0;
    let opened = 0;
    const n = new AlertNotifier(FakeNotification, () => opened++, english(), () => now);
    for (let i = 0; i < 8; i++) n.notify(alert({ id: i }));
    expect(FakeNotification.shown).toHaveLength(5);
    expect(FakeNotification.shown[0]!.title).toBe('Portscope: new listener');
    now = 61_000;
    n.notify(alert({ message: 'later' }));
    expect(FakeNotification.shown.at(-1)!.body).toBe('later (and 3 more alerts)');
    FakeNotification.supported = false;
    expect(n.notify(alert())).toBe(false);
    void opened;
  });

  it('titles by kind and summarises held alerts with the language\'s plural, in German and Dutch', () => {
    let now = 0;
    const text = new DesktopText(['de-DE']);
    const n = new AlertNotifier(FakeNotification, () => {}, text, () => now);
    n.notify(keyedAlert({ severity: 'danger', reasons: ['exposed', 'risky-port'] }));
    expect(FakeNotification.shown.at(-1)).toMatchObject({
      title: 'Portscope: riskanter lauschender Port',
      body: 'Neuer lauschender Port TCP 0.0.0.0:8080 von python3 (PID 42): von anderen Rechnern erreichbar',
    });
    for (let i = 0; i < 5; i++) n.notify(keyedAlert({ id: 10 + i }));
    expect(FakeNotification.shown).toHaveLength(5);
    now = 61_000;
    const down = { messageKey: 'alert.serviceDown', values: { where: 'TCP 127.0.0.1:5432', owner: 'known', name: 'postgres', pid: '7', status: 'none' } };
    n.notify(alert({ reasons: ['service-down'], severity: 'info', message: 'TCP 127.0.0.1:5432 stopped listening (was postgres (pid 7))', ...down }));
    expect(FakeNotification.shown.at(-1)).toEqual({
      title: 'Portscope: Port lauscht nicht mehr',
      body: 'TCP 127.0.0.1:5432 lauscht nicht mehr (war postgres (PID 7)) (und 1 weitere Warnung)',
      urgency: 'normal',
    });
    // The language is read at each notification: the page's switch reaches the next one.
    text.set('nl');
    for (let i = 0; i < 6; i++) n.notify(keyedAlert({ id: 20 + i }));
    now = 122_000;
    n.notify(keyedAlert({ severity: 'danger' }));
    expect(FakeNotification.shown.at(-1)).toMatchObject({
      title: 'Portscope: riskante luisterende poort',
      body: 'Nieuwe luisterende poort TCP 0.0.0.0:8080 van python3 (pid 42): bereikbaar vanaf andere computers (en nog 2 waarschuwingen)',
      urgency: 'critical',
    });
  });

  const bag = new SocketBag();
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    await bag.closeAll();
    for (const c of cleanups.splice(0)) await c();
  });

  it('a real engine recording history raises a notification and a tray entry for a new listener on every interface', async () => {
    const { dir, remove } = tempDataDir();
    const engine = new Engine({ transport: 'electron', intervalMs: 250, history: { record: true, dataDir: dir, recorder: 'app' } });
    const link = inProcessLink(engine);
    const fakeTray = new FakeTray();
    const bg = bindBackground({
      link,
      Notification: FakeNotification,
      settings: DEFAULT_APP_SETTINGS,
      createTray: () => fakeTray,
      buildMenu: (t) => t,
      open: () => {},
      quit: () => {},
      saveSettings: () => {},
      setLoginItem: () => {},
      text: english(),
      log: () => {},
      pollMs: 200,
    });
    cleanups.push(async () => {
      bg.dispose();
      await link.close();
      remove();
    });
    await engine.startRecording();
    await vi.waitFor(() => expect(fakeTray.menu[0]!.label).toMatch(/^\d+ listeners?$/), { timeout: 10_000 });
    // Listening on every interface sends nothing anywhere; it is what "exposed" means.
    const server = await bag.listen('0.0.0.0');
    const port = (server.address() as net.AddressInfo).port;
    await vi.waitFor(() => expect(FakeNotification.shown.map((s) => s.body)).toContainEqual(expect.stringContaining(`0.0.0.0:${port} by node (pid ${process.pid})`)), { timeout: 10_000 });
    expect(fakeTray.menu.some((m) => (m.label ?? '').includes(`0.0.0.0:${port}`))).toBe(true);
    // Pause from the tray stops the monitor (and with it, recording).
    item(fakeTray.menu, 'Pause')!.click!();
    await vi.waitFor(() => expect(engine.monitor.isRunning).toBe(false));
  });
});
