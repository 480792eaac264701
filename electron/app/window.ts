import type { BrowserWindow as BrowserWindowType, Session, Shell, WebContents } from 'electron';
import { externalUrl, navigationAllowed, permissionAllowed } from './policy';

/**
 * The app's one way out to the system browser, used by links, new-window requests and the menu:
 * only URLs that pass the allowlist (externalUrl: https, no credentials) are handed to the OS,
 * normalized; anything else is refused and logged. Returns whether it opened.
 */
export function openAllowlisted(shell: Pick<Shell, 'openExternal'>, url: string, log: (m: string) => void): boolean {
  const safe = externalUrl(url);
  if (safe === null) {
    log(`refused to open ${url.slice(0, 200)}`);
    return false;
  }
  // Electronegativity cannot follow that `safe` came out of the allowlist just above; this is the
  // app's only openExternal call, reviewed for that reason.
  void shell.openExternal(safe); // eng-disable OPEN_EXTERNAL_JS_CHECK
  return true;
}

/**
 * Hardening applied to every WebContents the app creates (main.ts hooks it on
 * 'web-contents-created', so no window or frame escapes it): navigation away from the app is
 * refused, new windows are refused, and links go to `openLink` (openAllowlisted) instead.
 */
export function hardenContents(contents: WebContents, openLink: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (navigationAllowed(url)) return;
    event.preventDefault();
    openLink(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!navigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openLink(url);
    return { action: 'deny' };
  });
}

/** Deny-by-default permissions for a session; see permissionAllowed for the one exception. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}

export type { BrowserWindowType };
