import { describe, expect, it } from 'vitest';
import { createDesktopBridge } from '../../electron/app/desktop-language-bridge';
import { bindDesktopLanguage, DESKTOP_LANGUAGE_CHANNEL } from '../../electron/app/desktop-language';
import { DesktopText } from '../../electron/app/desktop-text';
import { tellDesktopLanguage } from '../../renderer/i18n/desktopLanguage';
import { appFrame, FakeIpcMain } from './fake-electron';

/** The page's language switch reaching the main process: the real preload bridge, the real binding, a fake ipcMain. */
function setup(preferred: readonly string[] = ['en-US']) {
  const ipcMain = new FakeIpcMain();
  const text = new DesktopText(preferred);
  const changes: string[] = [];
  text.onChange((lang) => changes.push(lang));
  const logs: string[] = [];
  const binding = bindDesktopLanguage({ ipcMain, setLanguage: (lang) => text.set(lang), log: (m) => logs.push(m) });
  return { ipcMain, text, changes, logs, binding };
}

describe('the desktop language', () => {
  it('starts from the system\'s preferred languages, English when it has none of ours', () => {
    expect(new DesktopText(['fr-FR', 'nl-BE', 'de']).lang).toBe('nl');
    expect(new DesktopText(['de-CH']).t('desktop.menu.help')).toBe('Hilfe');
    expect(new DesktopText(['fr-FR', 'ja']).lang).toBe('en');
    expect(new DesktopText([]).t('desktop.tray.open')).toBe('Open Portscope');
  });

  it('follows the page: the preload\'s setLanguage switches it and tells the listeners once', () => {
    const { ipcMain, text, changes } = setup();
    const bridge = createDesktopBridge(ipcMain.connect(appFrame).ipc);
    expect(Object.keys(bridge)).toEqual(['setLanguage']);
    bridge.setLanguage('de');
    expect(text.lang).toBe('de');
    expect(text.t('desktop.tray.quit')).toBe('Portscope beenden');
    bridge.setLanguage('de');
    bridge.setLanguage('nl');
    expect(changes).toEqual(['de', 'nl']);
    expect(text.t('desktop.tray.quit')).toBe('Portscope afsluiten');
  });

  it('refuses anything but one of our language codes', () => {
    const { ipcMain, text, changes, logs } = setup(['nl-NL']);
    const { ipc } = ipcMain.connect(appFrame);
    for (const payload of ['fr', 'de-DE', 'DE', '', 'en; drop', 42, null, { lang: 'de' }, ['de']]) ipc.send(DESKTOP_LANGUAGE_CHANNEL, payload);
    expect(text.lang).toBe('nl');
    expect(changes).toEqual([]);
    expect(logs.filter((l) => l.startsWith('refused a language change to'))).toHaveLength(9);
    // The preload already drops what is not a string.
    createDesktopBridge(ipc).setLanguage({ toString: () => 'de' } as unknown as string);
    expect(logs).toHaveLength(9);
  });

  it('refuses subframes, other origins and vanished frames', () => {
    const { ipcMain, text, logs } = setup();
    for (const frame of [{ url: 'portscope-app://app/index.html', parent: {} }, { url: 'https://example.com/', parent: null }, { url: 'file:///tmp/x.html', parent: null }, null]) {
      createDesktopBridge(ipcMain.connect(frame).ipc).setLanguage('de');
    }
    expect(text.lang).toBe('en');
    expect(logs.filter((l) => l.startsWith('refused a language change from an untrusted frame'))).toHaveLength(4);
  });

  it('unbinds its channel', () => {
    const { ipcMain, binding } = setup();
    expect(DESKTOP_LANGUAGE_CHANNEL).toBe('portscope:@desktop.language');
    expect(ipcMain.listeners.get(DESKTOP_LANGUAGE_CHANNEL)?.size).toBe(1);
    binding.dispose();
    expect(ipcMain.listeners.get(DESKTOP_LANGUAGE_CHANNEL)?.size).toBe(0);
  });

  it('the renderer calls the bridge when there is one, and nothing in a browser', () => {
    const { ipcMain, text } = setup();
    const win = { portscopeDesktop: createDesktopBridge(ipcMain.connect(appFrame).ipc) };
    tellDesktopLanguage('nl', win);
    expect(text.lang).toBe('nl');
    expect(() => tellDesktopLanguage('de', {})).not.toThrow();
    expect(() => tellDesktopLanguage('de', undefined)).not.toThrow();
    expect(text.lang).toBe('nl');
  });
});
