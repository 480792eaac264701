import type { Lang } from '../../shared/i18n';

/** The preload's language function (electron/app/desktop-language-bridge.ts); absent in a browser. */
export interface DesktopLanguageBridge {
  setLanguage(lang: Lang): void;
}

declare global {
  interface Window {
    /** Present only inside Electron: tells the main process the page's language (menu, tray, dialogs). */
    portscopeDesktop?: DesktopLanguageBridge;
  }
}

type BridgeHolder = { portscopeDesktop?: DesktopLanguageBridge | undefined };

/**
 * Tells the desktop shell which language the page speaks, so its menu, tray, notifications and
 * Save dialog follow the settings' language switch. Browser mode has no shell: nothing happens.
 * `window` is read through a narrow type: the app tests compile this module for Node, without DOM.
 */
export function tellDesktopLanguage(lang: Lang, win: BridgeHolder | undefined = (globalThis as { window?: BridgeHolder }).window): void {
  const bridge = win?.portscopeDesktop;
  if (bridge && typeof bridge.setLanguage === 'function') bridge.setLanguage(lang);
}
