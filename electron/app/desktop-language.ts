import type { IpcMainEvent } from 'electron';
import { isLang, type Lang } from '../../shared/i18n/locale';
import { DESKTOP_LANGUAGE_CHANNEL } from './desktop-language-channel';
import type { IpcMainLike, SenderEvent } from './ipc';
import { isTrustedSender, type FrameLike } from './policy';

export { DESKTOP_LANGUAGE_CHANNEL };

export interface DesktopLanguageDeps {
  ipcMain: Pick<IpcMainLike, 'on' | 'removeListener'>;
  /** DesktopText.set: switches the main process's language and tells the menu and tray. */
  setLanguage: (lang: Lang) => void;
  isTrusted?: (frame: FrameLike | null) => boolean;
  log?: (message: string) => void;
}

/**
 * Binds the language channel. Like every other channel, only the app's own top-level page is
 * heard, and the payload is checked before use: one of our language codes, nothing else (a
 * string such as `de-DE` or an object is refused, never negotiated).
 */
export function bindDesktopLanguage(deps: DesktopLanguageDeps): { dispose(): void } {
  const isTrusted = deps.isTrusted ?? isTrustedSender;
  const log = deps.log ?? (() => {});
  const listener = (event: IpcMainEvent, payload: unknown) => {
    const e = event as unknown as SenderEvent;
    if (!isTrusted(e.senderFrame)) {
      log(`refused a language change from an untrusted frame (${e.senderFrame?.url ?? 'gone'})`);
      return;
    }
    if (typeof payload !== 'string' || !isLang(payload)) {
      log(`refused a language change to ${JSON.stringify(payload)?.slice(0, 40) ?? typeof payload}`);
      return;
    }
    deps.setLanguage(payload);
  };
  deps.ipcMain.on(DESKTOP_LANGUAGE_CHANNEL, listener);
  return {
    dispose() {
      deps.ipcMain.removeListener(DESKTOP_LANGUAGE_CHANNEL, listener);
    },
  };
}
