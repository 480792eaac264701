/**
 * Browser mode's WebSocket credential on the page side. `portscope serve` hands it over once, in
 * the fragment of the redirect after the token exchange (`#ps-session=…`, which no request
 * carries). It is kept in sessionStorage: scoped to this origin, port included, unlike the
 * cookie, which the browser also sends to every other port on the host, and gone when the tab
 * closes. It is offered as a WebSocket subprotocol, the one header a page may set there.
 */

export const WIRE_PROTOCOL = 'portscope.v1';
const SESSION_PREFIX = 'portscope.session.';
const STORAGE_KEY = 'portscope.session';
const FRAGMENT = /^#ps-session=([A-Za-z0-9_-]{16,128})$/;

/** Moves a credential from the address bar into sessionStorage (once, at start-up); returns the stored one. */
export function adoptSessionFromUrl(win: Window = window): string | null {
  const match = FRAGMENT.exec(win.location.hash);
  let storage: Storage | null;
  try {
    storage = win.sessionStorage;
  } catch {
    storage = null; // storage disabled: the credential lives in this page's memory only
  }
  if (match) {
    storage?.setItem(STORAGE_KEY, match[1]!);
    // Out of the address bar and this history entry: a screenshot or a copied URL must not carry it.
    win.history.replaceState(win.history.state, '', `${win.location.pathname}${win.location.search}`);
    return match[1]!;
  }
  return storage?.getItem(STORAGE_KEY) ?? null;
}

/** The subprotocols the WebSocket offers: the protocol name, then the credential if there is one. */
export function sessionProtocols(credential: string | null): string[] {
  return credential ? [WIRE_PROTOCOL, `${SESSION_PREFIX}${credential}`] : [WIRE_PROTOCOL];
}
