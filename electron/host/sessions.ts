import { createHash } from 'node:crypto';
import { newSecret } from './security';

/**
 * The sessions a launch token was exchanged for, one per page load with the token (per client).
 * Each holds two secrets, kept apart on purpose:
 * - the page secret goes into the HttpOnly cookie and lets the browser fetch the dashboard's
 *   files. Browsers send cookies to every port of a host, so another program on 127.0.0.1 can
 *   receive it; it therefore opens nothing but static files.
 * - the wire secret authenticates the WebSocket, the only way to reach the engine. It reaches the
 *   page in the redirect's fragment (never sent to any server), the page keeps it in
 *   sessionStorage (scoped to the origin, port included) and presents it as a WebSocket
 *   subprotocol, checked before the upgrade completes.
 * Sessions expire (absolute lifetime) and their number is capped, oldest dropped first.
 */

export const WIRE_PROTOCOL = 'portscope.v1';
export const WIRE_SESSION_PREFIX = 'portscope.session.';

export interface Session {
  readonly id: number;
  readonly pageSecret: string;
  readonly wireSecret: string;
  readonly expiresAt: number;
}

export interface SessionStoreOptions {
  ttlMs?: number;
  maxSessions?: number;
  now?: () => number;
}

export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Secrets are looked up by their hash: a Map probe on a digest tells a timing observer nothing. */
const digest = (secret: string) => createHash('sha256').update(secret).digest('base64');

export class SessionStore {
  readonly ttlMs: number;
  private readonly max: number;
  private readonly now: () => number;
  private nextId = 1;
  private readonly byPage = new Map<string, Session>();
  private readonly byWire = new Map<string, Session>();
  /** Insertion order is issue order: the first entry is the oldest. */
  private readonly all = new Map<number, Session>();

  constructor(options: SessionStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? DEFAULT_SESSION_TTL_MS;
    this.max = options.maxSessions ?? 64;
    this.now = options.now ?? Date.now;
  }

  issue(): Session {
    this.sweep();
    while (this.all.size >= this.max) this.drop(this.all.values().next().value!);
    const session: Session = { id: this.nextId++, pageSecret: newSecret(), wireSecret: newSecret(), expiresAt: this.now() + this.ttlMs };
    this.all.set(session.id, session);
    this.byPage.set(digest(session.pageSecret), session);
    this.byWire.set(digest(session.wireSecret), session);
    return session;
  }

  fromPageSecret(secret: string | null): Session | null {
    return secret === null ? null : this.live(this.byPage.get(digest(secret)));
  }

  fromWireSecret(secret: string | null): Session | null {
    return secret === null ? null : this.live(this.byWire.get(digest(secret)));
  }

  /** Still valid (issued, not dropped, not expired)? */
  isLive(session: Session): boolean {
    return this.all.get(session.id) === session && session.expiresAt > this.now();
  }

  get size(): number {
    return this.all.size;
  }

  private live(session: Session | undefined): Session | null {
    if (!session) return null;
    if (this.isLive(session)) return session;
    this.drop(session);
    return null;
  }

  private sweep(): void {
    const now = this.now();
    for (const s of [...this.all.values()]) if (s.expiresAt <= now) this.drop(s);
  }

  private drop(session: Session): void {
    this.all.delete(session.id);
    this.byPage.delete(digest(session.pageSecret));
    this.byWire.delete(digest(session.wireSecret));
  }
}

/**
 * The wire secret from a `Sec-WebSocket-Protocol` offer (`portscope.v1, portscope.session.<secret>`),
 * or null. Browsers let a page set only this header on a WebSocket, and it never lands in a log
 * line, history or Referer as a query string would.
 */
export function wireSecretFromProtocols(protocols: ReadonlySet<string>): string | null {
  if (!protocols.has(WIRE_PROTOCOL)) return null;
  for (const p of protocols) if (p.startsWith(WIRE_SESSION_PREFIX)) return p.slice(WIRE_SESSION_PREFIX.length) || null;
  return null;
}
