import type { BrowserWindow as BrowserWindowType, Session, WebContents } from 'electron';
import { externalUrl, navigationAllowed, permissionAllowed } from './policy';

/**
 * Hardening applied to every WebContents the app creates (main.ts hooks it on
 * 'web-contents-created', so no window or frame escapes it): navigation away from the app is
 * refused, new windows are refused, and https links go to the system browser instead.
 */
export function hardenContents(contents: WebContents, openExternal: (url: string) => void, log: (m: string) => void): void {
  const sendOut = (url: string) => {
    const safe = externalUrl(url);
    if (safe) openExternal(safe);
    else log(`refused to open ${url.slice(0, 200)}`);
  };
  contents.on('will-navigate', (event, url) => {
    if (navigationAllowed(url)) return;
    event.preventDefault();
    sendOut(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!navigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    sendOut(url);
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
