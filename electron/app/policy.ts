/**
 * The desktop app's trust rules as plain functions (no Electron import), so they are tested in
 * plain Node: which frames may call the engine, which links may leave the app, which permission
 * requests are granted.
 */

/** The renderer is served from this privileged custom scheme, never from file:// or http. */
export const APP_SCHEME = 'portscope-app';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The page's URL with the system's preferred languages (`app.getPreferredSystemLanguages()`),
 * best first, as `?langs=de-DE,en-US`: the renderer picks its language from them (its
 * navigator.languages follows Chromium's UI locale, not the user's ordered list). Only
 * well-formed language tags are passed, at most ten.
 */
export function appEntryUrl(preferred: readonly string[]): string {
  const tags = preferred.filter((t) => /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/.test(t)).slice(0, 10);
  return tags.length > 0 ? `${APP_ENTRY_URL}?langs=${encodeURIComponent(tags.join(','))}` : APP_ENTRY_URL;
}

/** What sender validation reads of a frame; Electron's WebFrameMain has both. */
export interface FrameLike {
  readonly url: string;
  readonly parent: object | null;
}

export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}

/**
 * Only the app's own top-level page may use IPC. Rejects: no frame (it navigated away or was
 * destroyed before the message was handled), subframes (an iframe is never ours), and any other
 * origin, file:// included (a downloaded HTML file must not reach the engine).
 */
export function isTrustedSender(frame: FrameLike | null | undefined): boolean {
  return frame != null && frame.parent === null && isAppUrl(frame.url);
}

/**
 * The only links that leave the app for the system browser: parsed https URLs without embedded
 * credentials. Returns the normalized URL to open, or null to refuse.
 */
export function externalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.hostname === '') return null;
  return url.href;
}

/**
 * Permission requests are denied unless listed here. The dashboard's "copy" buttons need the
 * sanitized clipboard write, and only the app's own page gets it.
 */
const GRANTED = new Set(['clipboard-sanitized-write']);

export function permissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return GRANTED.has(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl);
}

/** Navigation inside the window is refused except to the app's own pages (reload, history). */
export function navigationAllowed(raw: string): boolean {
  return isAppUrl(raw);
}
