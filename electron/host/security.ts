import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { networkInterfaces, hostname } from 'node:os';
import { isIP } from 'node:net';

/**
 * The browser-mode host's protections as pure functions, so every rule is tested on its own:
 * the Host allowlist (DNS rebinding), the Origin allowlist (other web pages), the launch token and
 * its session cookie, and the response headers (CSP, no framing, no CORS).
 */

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison of two secrets of any length (hashing equalizes the lengths). */
export function secretsEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export function isWildcardHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === '0.0.0.0' || h === '::';
}

/** `host:port` as it appears in a Host header and a URL: IPv6 in brackets, names lower-cased. */
export function hostPort(host: string, port: number): string {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return `${isIP(h) === 6 ? `[${h}]` : h}:${port}`;
}

/**
 * Every Host header value this server answers to: the address it is bound to, plus `localhost`
 * and `127.0.0.1` (and `[::1]`) when it listens on loopback. A rebinding attack points an
 * attacker's name at 127.0.0.1; the browser then sends that name as Host, which is not here.
 * Bound to a wildcard address, the machine's own interface addresses and its host name are
 * allowed too, since those are what a user on the network types.
 */
export function allowedHosts(boundHost: string, port: number, interfaces = listInterfaceAddresses, machineName = hostname): Set<string> {
  const names = new Set<string>([boundHost]);
  if (isLoopbackHost(boundHost) || isWildcardHost(boundHost)) for (const n of ['localhost', '127.0.0.1', '::1']) names.add(n);
  if (isWildcardHost(boundHost)) {
    for (const a of interfaces()) names.add(a);
    names.add(machineName());
  }
  const allowed = new Set<string>();
  for (const n of names) {
    allowed.add(hostPort(n, port));
    // Browsers leave the port out of Host when it is the scheme's default.
    if (port === 80) allowed.add(hostPort(n, port).replace(/:80$/, ''));
  }
  return allowed;
}

function listInterfaceAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((i) => !(i.family === 'IPv6' && i.address.startsWith('fe80')))
    .map((i) => i.address);
}

export function isAllowedHost(header: string | undefined, allowed: ReadonlySet<string>): boolean {
  return typeof header === 'string' && allowed.has(header.toLowerCase());
}

/**
 * A request's Origin must be one of ours when a browser sends one. Non-browser clients (curl, the
 * tests) send none; they still need the token, and no web page can make a browser omit it on
 * a WebSocket upgrade or a cross-origin request. `null` (sandboxed frames, file: pages) is foreign.
 */
export function isAllowedOrigin(origin: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && url.origin === origin.toLowerCase() && allowed.has(url.host);
}

export function sessionCookieName(port: number): string {
  // Cookies are not separated by port: two `portscope serve` runs on one machine must not
  // overwrite each other's session, so the name carries the port.
  return `portscope_session_${port}`;
}

/** The page cookie: opens static files only (never the WebSocket), and expires with its session. */
export function sessionCookie(name: string, value: string, maxAgeMs: number): string {
  return `${name}=${value}; Path=/; Max-Age=${Math.floor(maxAgeMs / 1000)}; HttpOnly; SameSite=Strict`;
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * The renderer's policy: its own scripts and styles only, no inline code, data only from this
 * server's WebSocket, and no framing by anyone (clickjacking the "end process" button).
 */
export function contentSecurityPolicy(host: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ws://${host}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers on every response, errors included. Deliberately no Access-Control-* header: no CORS. */
export function securityHeaders(host: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(host),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    // The token is in the first URL; never let it travel on in a Referer.
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
    'Cache-Control': 'no-store',
  };
}
