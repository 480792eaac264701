import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { DesktopText } from '../../electron/app/desktop-text';
import { menuTemplate } from '../../electron/app/menu';
import { externalUrl } from '../../electron/app/policy';
import type { Lang } from '../../shared/i18n';

function menu(lang: Lang, platform: NodeJS.Platform, over: { isPackaged?: boolean; openLink?: (url: string) => void } = {}) {
  const text = new DesktopText([lang]);
  return menuTemplate({ platform, isPackaged: over.isPackaged ?? true, appName: 'Portscope', openLink: over.openLink ?? (() => {}), t: (k, v) => text.t(k, v) });
}

/** Every item, submenus included, depth first. */
function items(list: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return list.flatMap((m) => [m, ...(Array.isArray(m.submenu) ? items(m.submenu) : [])]);
}
const labels = (list: MenuItemConstructorOptions[]) => items(list).flatMap((m) => (m.label ? [m.label] : []));
const submenu = (m: MenuItemConstructorOptions | undefined) => m?.submenu as MenuItemConstructorOptions[];
const byRole = (list: MenuItemConstructorOptions[], role: string) => items(list).find((m) => m.role === role);

describe('the application menu', () => {
  it('has File, Edit, View, Window and Help; developer tools only unpackaged; help opens https', () => {
    const opened: string[] = [];
    const dev = menu('en', 'linux', { isPackaged: false, openLink: (u) => opened.push(u) });
    expect(dev.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(byRole(dev, 'toggleDevTools')?.label).toBe('Toggle Developer Tools');
    expect(byRole(menu('en', 'linux'), 'toggleDevTools')).toBeUndefined();
    const help = submenu(dev.at(-1));
    expect(help[0]!.label).toBe('Portscope on the web');
    (help[0]!.click as () => void)();
    expect(opened).toHaveLength(1);
    expect(externalUrl(opened[0]!)).not.toBeNull();
  });

  it('labels every role item itself: Electron would show its own English labels otherwise', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      for (const lang of ['en', 'de', 'nl'] as const) {
        const all = items(menu(lang, platform, { isPackaged: false }));
        const unlabelled = all.filter((m) => m.type !== 'separator' && !m.label);
        expect(unlabelled, `${lang} ${platform}`).toEqual([]);
        // The whole-menu roles fill in English submenus: none is used.
        expect(all.filter((m) => ['appMenu', 'editMenu', 'viewMenu', 'windowMenu', 'fileMenu'].includes(String(m.role)))).toEqual([]);
      }
    }
    // macOS keeps its system menus: the Window menu (window list) and Help (search field).
    const mac = menu('de', 'darwin');
    expect(mac.find((m) => m.label === 'Fenster')?.role).toBe('window');
    expect(mac.find((m) => m.label === 'Hilfe')?.role).toBe('help');
  });

  it('speaks German as Windows and macOS do', () => {
    const win = menu('de', 'win32');
    expect(win.map((m) => m.label)).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Fenster', 'Hilfe']);
    expect(submenu(win[0])[0]).toMatchObject({ role: 'quit', label: 'Beenden' });
    expect(submenu(win[1]).map((m) => m.label).filter(Boolean)).toEqual(['Rückgängig', 'Wiederholen', 'Ausschneiden', 'Kopieren', 'Einfügen', 'Löschen', 'Alles auswählen']);
    expect(submenu(win.at(-1))[0]!.label).toBe('Portscope im Web');

    const mac = menu('de', 'darwin');
    expect(mac.map((m) => m.label)).toEqual(['Portscope', 'Ablage', 'Bearbeiten', 'Darstellung', 'Fenster', 'Hilfe']);
    expect(submenu(mac[0]).map((m) => m.label).filter(Boolean)).toEqual(['Über Portscope', 'Dienste', 'Portscope ausblenden', 'Andere ausblenden', 'Alle einblenden', 'Portscope beenden']);
    expect(byRole(mac, 'undo')?.label).toBe('Widerrufen');
    expect(byRole(mac, 'paste')?.label).toBe('Einsetzen');
    expect(byRole(mac, 'minimize')?.label).toBe('Im Dock ablegen');
  });

  it('speaks Dutch as Windows and macOS do', () => {
    const win = menu('nl', 'win32');
    expect(win.map((m) => m.label)).toEqual(['Bestand', 'Bewerken', 'Weergave', 'Venster', 'Help']);
    expect(submenu(win[0])[0]).toMatchObject({ role: 'quit', label: 'Afsluiten' });
    expect(byRole(win, 'paste')?.label).toBe('Plakken');
    expect(byRole(win, 'selectAll')?.label).toBe('Alles selecteren');

    const mac = menu('nl', 'darwin');
    expect(mac.map((m) => m.label)).toEqual(['Portscope', 'Archief', 'Wijzig', 'Weergave', 'Venster', 'Help']);
    expect(byRole(mac, 'quit')?.label).toBe('Stop Portscope');
    expect(byRole(mac, 'close')?.label).toBe('Sluit venster');
    expect(byRole(mac, 'undo')?.label).toBe('Herstel');
    expect(byRole(mac, 'copy')?.label).toBe('Kopieer');
    expect(submenu(mac.at(-1))[0]!.label).toBe('Portscope op het web');
  });

  it('leaves no English behind in German or Dutch', () => {
    // Words the languages share with English (the app's name, "Help", "Zoom") are allowed.
    const shared: Record<'de' | 'nl', string[]> = { de: ['Portscope'], nl: ['Portscope', 'Help', 'Zoom'] };
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const english = new Set(labels(menu('en', platform, { isPackaged: false })));
      for (const lang of ['de', 'nl'] as const) {
        const leftovers = labels(menu(lang, platform, { isPackaged: false })).filter((l) => english.has(l) && !shared[lang].includes(l));
        expect(leftovers, `${lang} ${platform}`).toEqual([]);
      }
    }
  });
});
