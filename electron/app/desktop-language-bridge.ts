import type { RendererIpcLike } from './bridge';
import { DESKTOP_LANGUAGE_CHANNEL } from './desktop-language-channel';

/** What the preload exposes as `window.portscopeDesktop` (renderer/i18n/desktopLanguage.ts uses it). */
export interface DesktopBridge {
  /** Tells the main process the page's language ('en', 'de' or 'nl'); main checks it. */
  setLanguage(lang: string): void;
}

/** One named function; ipcRenderer stays in the preload. */
export function createDesktopBridge(ipc: Pick<RendererIpcLike, 'send'>): DesktopBridge {
  return {
    setLanguage(lang) {
      // Only a string crosses: anything else from the page is dropped here already.
      if (typeof lang === 'string') ipc.send(DESKTOP_LANGUAGE_CHANNEL, lang);
    },
  };
}
