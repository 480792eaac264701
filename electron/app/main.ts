// Electron main: routing only. The engine runs in a worker thread (dist/engine-worker.mjs); this
// process binds the contract to IPC, owns the window and applies the security policy. The rules
// themselves live in plain modules (policy, window-state, ipc, menu) tested without Electron.
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, Notification, protocol, screen, session, shell, Tray } from 'electron';
import path from 'node:path';
import { createWorkerLink } from '../host/worker/worker-link';
import { appProtocolResponse } from './app-protocol';
import { AppSettingsStore } from './app-settings';
import { bindBackground } from './background';
import { bindDesktopLanguage } from './desktop-language';
import { DesktopText } from './desktop-text';
import { withProcessIcons } from './process-icons';
import { bindContract } from './ipc';
import { MachineRegistry } from '../host/machines';
import { switchableLink } from '../host/machine-switch';
import { defaultDataDir } from '../engine/history/paths';
import { menuTemplate } from './menu';
import { APP_SCHEME, appEntryUrl } from './policy';
import { bindElectronReportSave } from './report-save';
import { hardenContents, hardenSession, openAllowlisted } from './window';
import { BoundsTracker, restoreBounds, WindowStateStore } from './window-state';

// This bundle is dist/electron/main.cjs: its siblings and the renderer are found from here.
const distDir = path.resolve(__dirname, '..');
const rendererDir = path.join(distDir, 'renderer');
const log = (message: string) => console.error(`portscope: ${message}`);
const openLink = (url: string) => void openAllowlisted(shell, url, log);

// Registered before 'ready', as Electron requires: a standard, secure scheme gets a real origin.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  // Another Portscope is running; it focuses its window (see 'second-instance').
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, openLink));

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    protocol.handle(APP_SCHEME, (request) => appProtocolResponse(request.url, rendererDir));

    // Packaged, the worker must be unpacked from the asar archive (electron-builder `asarUnpack`):
    // a worker thread's module loader does not read inside asar files.
    const workerFile = path.join(distDir, 'engine-worker.mjs').replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
    // The app records history while it runs, window open or closed to the tray.
    const link = createWorkerLink({ entry: { file: workerFile }, engine: { transport: 'electron', history: { record: true, recorder: 'app' } }, log });
    // Program icons come from the desktop: this process answers process.icon itself.
    // Remote machines (other computers' agents): the window's calls go to the one it selected.
    const machines = new MachineRegistry({ dataDir: defaultDataDir(), log });
    const routed = switchableLink(withProcessIcons(link, app, log), machines);
    const binding = bindContract({ ipcMain, link: routed, log });
    // The shell's language: the system's at start, then the page's (its settings switch) when the
    // page tells (desktop-language.ts). The menu and the tray are rebuilt on a change.
    const text = new DesktopText(app.getPreferredSystemLanguages());
    // Reports: the Save dialog and PDF printing (the page names what to save, never where).
    const reportSave = bindElectronReportSave({ ipcMain, app, dialog, BrowserWindow }, link, log, text);
    const setMenu = () =>
      Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ platform: process.platform, isPackaged: app.isPackaged, appName: app.name, openLink, t: text.t })));
    setMenu();
    const language = bindDesktopLanguage({ ipcMain, setLanguage: (lang) => text.set(lang), log });

    const store = new WindowStateStore(path.join(app.getPath('userData'), 'window-state.json'));
    const placement = restoreBounds(await store.load(), screen.getAllDisplays().map((d) => d.workArea));
    const win = new BrowserWindow({
      ...placement.bounds,
      minWidth: 800,
      minHeight: 520,
      show: false,
      title: 'Portscope',
      // The window and taskbar icon on Linux and Windows (macOS takes the bundle's .icns), rendered
      // from assets/icon.svg at build time (scripts/icons.mjs).
      icon: path.join(distDir, 'icons', 'icon.png'),
      backgroundColor: '#1e1e1e',
      // Every security switch spelled out here, even Electron's defaults, so a changed default or a
      // careless edit shows in review, in test/app/main-wiring.test.ts, and to Electronegativity
      // (which reads only a literal at this call).
      webPreferences: {
        // Reviewed (Electronegativity asks that of every preload): preload.ts hands the page only
        // the bridge's named functions through contextBridge, sandboxed; never ipcRenderer or Node.
        preload: path.join(__dirname, 'preload.cjs'), // eng-disable PRELOAD_JS_CHECK
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
        // A middle click would otherwise fire 'auxclick' and may open a link in a new window.
        disableBlinkFeatures: 'Auxclick',
      },
    });
    mainWindow = win;
    // A reload starts the page on this machine (it reopens the remembered one): route there too,
    // or its first snapshot would be another machine's under this machine's name.
    win.webContents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) routed.reset();
    });
    if (placement.maximized) win.maximize();
    const tracker = new BoundsTracker(store, () => ({ bounds: win.getNormalBounds(), maximized: win.isMaximized() }), 500, (err) => log(`could not save the window position: ${String(err)}`));
    for (const e of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(e as 'resize', () => tracker.changed());
    let quitting = false;
    const showWindow = () => {
      win.show();
      win.focus();
    };
    const appSettings = new AppSettingsStore(path.join(app.getPath('userData'), 'app-settings.json'));
    const background = bindBackground({
      link,
      Notification,
      settings: await appSettings.load(),
      createTray: () => new Tray(nativeImage.createFromPath(path.join(distDir, '..', 'assets', 'tray.png'))),
      buildMenu: (template) => Menu.buildFromTemplate(template),
      open: showWindow,
      quit: () => {
        quitting = true;
        app.quit();
      },
      saveSettings: (s) => appSettings.save(s),
      setLoginItem: (openAtLogin) => app.setLoginItemSettings({ openAtLogin }),
      text,
      log,
    });
    text.onChange(() => {
      setMenu();
      background.tray?.relabel();
    });
    app.on('before-quit', () => {
      quitting = true;
    });
    win.on('close', (event?: { preventDefault(): void }) => {
      if (!quitting && background.settings().closeToTray) {
        event?.preventDefault();
        win.hide();
        return;
      }
      void tracker.flush();
    });
    win.on('closed', () => {
      mainWindow = null;
    });
    win.once('ready-to-show', () => win.show());
    // The renderer speaks the user's language: the system's preferred list goes along in the URL.
    await win.loadURL(appEntryUrl(app.getPreferredSystemLanguages()));

    app.on('window-all-closed', () => {
      if (!background.settings().closeToTray) app.quit();
    });
    app.on('will-quit', () => {
      background.dispose();
      binding.dispose();
      reportSave.dispose();
      language.dispose();
      void routed.close();
    });
  });
}
