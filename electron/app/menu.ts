import type { MenuItemConstructorOptions } from 'electron';
import type { DesktopKey } from '../../shared/i18n/catalogs/desktop';

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Developer tools only in development builds. */
  isPackaged: boolean;
  appName: string;
  /** Opens a link in the system browser (main.ts: openAllowlisted). */
  openLink: (url: string) => void;
  /** The current language's desktop messages (DesktopText.t). */
  t: (key: DesktopKey, values?: Readonly<Record<string, string>>) => string;
}

export const PROJECT_URL = 'https://github.com/portscope/portscope#readme';

/** The `os` select of the menu messages: macOS, Windows and Linux word their menus differently. */
export function menuOs(platform: NodeJS.Platform): 'mac' | 'windows' | 'other' {
  return platform === 'darwin' ? 'mac' : platform === 'win32' ? 'windows' : 'other';
}

/**
 * The application menu as data (built into a Menu by main.ts), so its shape is tested without
 * Electron. Every item carries its label: Electron's role defaults are English whatever the
 * system's language, so each role item is labelled from the catalog (the role keeps the
 * behaviour and, on macOS, the system's special menus: Services, Window list, Help search).
 */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const vars = { os: menuOs(options.platform), app: options.appName };
  const item = (role: NonNullable<MenuItemConstructorOptions['role']>, key: DesktopKey): MenuItemConstructorOptions => ({ role, label: options.t(key, vars) });
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const edit: MenuItemConstructorOptions[] = [
    item('undo', 'desktop.menu.undo'),
    item('redo', 'desktop.menu.redo'),
    separator,
    item('cut', 'desktop.menu.cut'),
    item('copy', 'desktop.menu.copy'),
    item('paste', 'desktop.menu.paste'),
    ...(mac ? [item('pasteAndMatchStyle', 'desktop.menu.pasteAndMatchStyle')] : []),
    item('delete', 'desktop.menu.delete'),
    separator,
    item('selectAll', 'desktop.menu.selectAll'),
  ];
  const view: MenuItemConstructorOptions[] = [
    item('reload', 'desktop.menu.reload'),
    item('forceReload', 'desktop.menu.forceReload'),
    ...(options.isPackaged ? [] : [item('toggleDevTools', 'desktop.menu.toggleDevTools')]),
    separator,
    item('resetZoom', 'desktop.menu.resetZoom'),
    item('zoomIn', 'desktop.menu.zoomIn'),
    item('zoomOut', 'desktop.menu.zoomOut'),
    separator,
    item('togglefullscreen', 'desktop.menu.toggleFullScreen'),
  ];
  // macOS: role 'window' makes it the system's Window menu (the open windows are listed below).
  const window: MenuItemConstructorOptions[] = mac
    ? [item('minimize', 'desktop.menu.minimize'), item('zoom', 'desktop.menu.zoom'), separator, item('front', 'desktop.menu.front')]
    : [item('minimize', 'desktop.menu.minimize'), item('close', 'desktop.menu.close')];
  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      item('about', 'desktop.menu.about'),
      separator,
      item('services', 'desktop.menu.services'),
      separator,
      item('hide', 'desktop.menu.hide'),
      item('hideOthers', 'desktop.menu.hideOthers'),
      item('unhide', 'desktop.menu.unhide'),
      separator,
      item('quit', 'desktop.menu.quit'),
    ],
  };

  return [
    ...(mac ? [appMenu] : []),
    { label: options.t('desktop.menu.file', vars), submenu: [mac ? item('close', 'desktop.menu.close') : item('quit', 'desktop.menu.quit')] },
    { label: options.t('desktop.menu.edit', vars), submenu: edit },
    { label: options.t('desktop.menu.view', vars), submenu: view },
    { label: options.t('desktop.menu.window', vars), ...(mac ? { role: 'window' as const } : {}), submenu: window },
    {
      label: options.t('desktop.menu.help', vars),
      role: 'help',
      submenu: [{ label: options.t('desktop.menu.website', vars), click: () => options.openLink(PROJECT_URL) }],
    },
  ];
}
