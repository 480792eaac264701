import { EventEmitter } from 'node:events';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { calls, IPC_PREFIX } from '../../shared/contract';
import { FakeLink } from '../host/support/fake-link';
import { DESKTOP_LANGUAGE_CHANNEL } from '../../electron/app/desktop-language-channel';
import { appFrame, FakeIpcMain } from './fake-electron';

/**
 * Electron's binary cannot run here, so main.ts is loaded against a recording stand-in for the
 * 'electron' module: this checks the wiring (what is registered, with which options, in which
 * order) that the plain-module tests cannot see. The e2e spec checks the same in a real Electron.
 */
const h = vi.hoisted(() => ({
  state: {} as {
    userData: string;
    windows: Array<{ options: Record<string, unknown>; loaded: string[]; events: Map<string, Array<() => void>>; focused: number; bounds: object }>;
    appEvents: Map<string, Array<(...args: unknown[]) => void>>;
    schemes: unknown[];
    protocolHandlers: Map<string, (req: { url: string }) => Promise<Response>>;
    opened: string[];
    menu: unknown;
    trayMenu: unknown;
    permissionRequest?: (wc: unknown, permission: string, cb: (ok: boolean) => void, details: { requestingUrl?: string }) => void;
    permissionCheck?: (wc: unknown, permission: string, origin: string) => boolean;
    ipcMain?: unknown;
    link?: unknown;
  },
}));

vi.mock('../../electron/host/worker/worker-link', () => ({
  createWorkerLink: (options: { entry: { file: string }; engine: { transport: string } }) => {
    h.state.link = { options, link: new FakeLink() };
    return (h.state.link as { link: FakeLink }).link;
  },
}));

vi.mock('electron', () => {
  const s = h.state;
  class BrowserWindow {
    record: (typeof s.windows)[number];
    // main routes the window back to this machine when its page reloads (did-start-navigation).
    readonly webContents = { on: () => this.webContents };
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [], events: new Map(), focused: 0, bounds: { x: 1, y: 2, width: 900, height: 600 } };
      s.windows.push(this.record);
    }
    on(event: string, listener: () => void) {
      const list = this.record.events.get(event) ?? [];
      list.push(listener);
      this.record.events.set(event, list);
      return this;
    }
    once(event: string, listener: () => void) {
      return this.on(event, listener);
    }
    async loadURL(url: string) {
      this.record.loaded.push(url);
    }
    maximize() {}
    show() {}
    hide() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {
      this.record.focused++;
    }
    getNormalBounds() {
      return this.record.bounds;
    }
    isMaximized() {
      return false;
    }
  }
  const app = {
    requestSingleInstanceLock: () => true,
    on: (event: string, listener: (...args: unknown[]) => void) => {
      const list = s.appEvents.get(event) ?? [];
      list.push(listener);
      s.appEvents.set(event, list);
    },
    whenReady: () => Promise.resolve(),
    quit: () => {},
    isPackaged: false,
    name: 'Portscope',
    getPath: () => s.userData,
    setLoginItemSettings: () => {},
    // The user's languages, best first: main hands them to the page (issue 13).
    getPreferredSystemLanguages: () => ['nl-BE', 'de-DE', 'en-US'],
  };
  class Tray {
    setToolTip() {}
    setContextMenu(menu: unknown) {
      s.trayMenu = menu;
    }
    on() {}
    destroy() {}
  }
  class Notification {
    static isSupported = () => false;
    on() {}
    show() {}
  }
  return {
    app,
    BrowserWindow,
    ipcMain: s.ipcMain,
    Tray,
    Notification,
    nativeImage: { createFromPath: () => ({}) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (s.menu = m) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => s.schemes.push(...schemes),
      handle: (scheme: string, handler: (req: { url: string }) => Promise<Response>) => s.protocolHandlers.set(scheme, handler),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof s.permissionRequest) => (s.permissionRequest = fn),
        setPermissionCheckHandler: (fn: typeof s.permissionCheck) => (s.permissionCheck = fn),
        setDevicePermissionHandler: () => {},
      },
    },
    shell: { openExternal: async (url: string) => void s.opened.push(url) },
    dialog: { showSaveDialog: async () => ({ canceled: true }) },
  };
});

const ipcMain = new FakeIpcMain();

beforeAll(async () => {
  Object.assign(h.state, {
    userData: await mkdtemp(path.join(tmpdir(), 'portscope-main-')),
    windows: [],
    appEvents: new Map(),
    schemes: [],
    protocolHandlers: new Map(),
    opened: [],
    ipcMain,
  });
  await import('../../electron/app/main');
  await vi.waitFor(() => expect(h.state.windows[0]?.loaded.length).toBe(1));
});

describe('Electron main wiring', () => {
  it('registers the privileged app scheme and serves it', async () => {
    expect(h.state.schemes).toEqual([{ scheme: 'portscope-app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    const handler = h.state.protocolHandlers.get('portscope-app');
    expect(handler).toBeDefined();
    const res = await handler!({ url: 'portscope-app://app/index.html' });
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('starts the engine in a worker, as the electron transport', () => {
    const { options } = h.state.link as { options: { entry: { file: string }; engine: { transport: string } } };
    expect(options.engine.transport).toBe('electron');
    // The app records history while it runs (also when closed to the tray).
    expect((options.engine as { history?: unknown }).history).toEqual({ record: true, recorder: 'app' });
    expect(options.entry.file.endsWith('engine-worker.mjs')).toBe(true);
  });

  it('binds every contract call on IPC', () => {
    for (const name of Object.keys(calls)) expect(ipcMain.handlers.has(`${IPC_PREFIX}${name}`)).toBe(true);
    // and the one channel beside the contract: saving a report through the Save dialog
    expect(ipcMain.handlers.has(`${IPC_PREFIX}@report.save`)).toBe(true);
  });

  it('opens one secure window on the app URL, with the preload', () => {
    expect(h.state.windows).toHaveLength(1);
    const win = h.state.windows[0]!;
    // The system's preferred languages ride along, for the page to choose its language from.
    expect(win.loaded).toEqual(['portscope-app://app/index.html?langs=nl-BE%2Cde-DE%2Cen-US']);
    // The whole set, so a switch dropped or flipped fails here.
    expect(win.options.webPreferences).toEqual({
      preload: expect.stringMatching(/preload\.cjs$/),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(win.options).toMatchObject({ width: 1280, height: 820, title: 'Portscope' });
    expect(String(win.options.icon)).toMatch(/[/\\]icons[/\\]icon\.png$/);
  });

  it('sets the application menu and denies permissions by default', () => {
    expect(Array.isArray(h.state.menu)).toBe(true);
    const answers: boolean[] = [];
    h.state.permissionRequest!({}, 'media', (ok) => answers.push(ok), { requestingUrl: 'portscope-app://app/index.html' });
    h.state.permissionRequest!({}, 'clipboard-sanitized-write', (ok) => answers.push(ok), { requestingUrl: 'portscope-app://app/index.html' });
    expect(answers).toEqual([false, true]);
    expect(h.state.permissionCheck!({}, 'geolocation', 'portscope-app://app')).toBe(false);
  });

  it('speaks the system\'s language in the menu and the tray, and follows the page\'s switch', () => {
    type Item = { label?: string; role?: string; submenu?: Item[] };
    const menu = () => h.state.menu as Item[];
    const tray = () => (h.state.trayMenu as Item[]).map((m) => m.label).filter(Boolean);
    // The fake system prefers nl-BE: the shell starts in Dutch (Linux wording: this test runs there).
    const top = () => menu().map((m) => m.label);
    const dutch = process.platform === 'darwin' ? 'Archief' : 'Bestand';
    const german = process.platform === 'darwin' ? 'Ablage' : 'Datei';
    expect(top()).toContain(dutch);
    expect(tray()).toContain('Portscope openen');

    const { ipc } = ipcMain.connect(appFrame);
    ipc.send(DESKTOP_LANGUAGE_CHANNEL, 'de');
    expect(top()).toContain(german);
    expect(top()).toContain('Hilfe');
    expect(tray()).toContain('Portscope öffnen');

    // Refused: a tag that is not one of ours, and any page but the app's own.
    ipc.send(DESKTOP_LANGUAGE_CHANNEL, 'en-US');
    ipcMain.connect({ url: 'https://example.com/', parent: null }).ipc.send(DESKTOP_LANGUAGE_CHANNEL, 'en');
    expect(top()).toContain(german);

    ipc.send(DESKTOP_LANGUAGE_CHANNEL, 'en');
    expect(top()).toContain('Help');
    expect(tray()).toContain('Open Portscope');
  });

  it('hardens every web contents: navigation and new windows are refused, https links go to the browser', () => {
    const contents = Object.assign(new EventEmitter(), {
      openHandler: null as null | ((d: { url: string }) => { action: string }),
      setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
        this.openHandler = fn;
      },
    });
    for (const hook of h.state.appEvents.get('web-contents-created') ?? []) hook({}, contents);
    let prevented = 0;
    const event = { preventDefault: () => prevented++ };
    contents.emit('will-navigate', event, 'https://example.com/page');
    contents.emit('will-navigate', event, 'javascript:alert(1)');
    contents.emit('will-navigate', event, 'portscope-app://app/index.html');
    contents.emit('will-attach-webview', event);
    expect(prevented).toBe(3);
    expect(contents.openHandler!({ url: 'http://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'https://nmap.org/' })).toEqual({ action: 'deny' });
    expect(h.state.opened).toEqual(['https://example.com/page', 'https://nmap.org/']);
  });

  it('focuses the window when a second instance starts, and saves its bounds on close', async () => {
    for (const hook of h.state.appEvents.get('second-instance') ?? []) hook();
    expect(h.state.windows[0]!.focused).toBe(1);
    for (const hook of h.state.windows[0]!.events.get('close') ?? []) hook();
    const { readFile } = await import('node:fs/promises');
    await vi.waitFor(async () => expect(JSON.parse(await readFile(path.join(h.state.userData, 'window-state.json'), 'utf8'))).toEqual({ bounds: { x: 1, y: 2, width: 900, height: 600 }, maximized: false }));
  });
});
