import { request } from 'node:http';
import { once } from 'node:events';
import WebSocket from 'ws';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET (or other method) with full control of Host, Origin and Cookie, which fetch() forbids. */
export function rawRequest(port: number, path: string, headers: Record<string, string> = {}, method = 'GET', address = '127.0.0.1'): Promise<RawResponse> {
  const defaultHost = address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
  return new Promise((resolve, reject) => {
    const req = request({ host: address, port, path, method, headers: { host: defaultHost, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Exchanges the launch token for the session cookie (pages only), as a browser does on the first load. */
export async function login(port: number, token: string): Promise<string> {
  return (await loginSession(port, token)).cookie;
}

/** What a page holds after the token exchange: the page cookie, and the wire credential from the redirect's fragment. */
export interface LoginCredentials {
  cookie: string;
  wire: string;
  /** The subprotocols the page's WebSocket offers. */
  protocols: string[];
}

export async function loginSession(port: number, token: string, address = '127.0.0.1'): Promise<LoginCredentials> {
  const res = await rawRequest(port, `/?token=${token}`, {}, 'GET', address);
  const setCookie = res.headers['set-cookie']?.[0];
  const wire = /#ps-session=([\w-]+)$/.exec(String(res.headers.location))?.[1];
  if (res.status !== 303 || !setCookie || !wire) throw new Error(`login failed: ${res.status}`);
  return { cookie: setCookie.split(';')[0]!, wire, protocols: wireProtocols(wire) };
}

export function wireProtocols(wire: string): string[] {
  return ['portscope.v1', `portscope.session.${wire}`];
}

export type WsAttempt = { ok: true; ws: WebSocket; messages: MessageQueue } | { ok: false; status: number };

/** Opens a WebSocket with chosen headers; resolves with the refusal status when the upgrade is refused. */
export async function connectWs(port: number, path = '/ws', headers: Record<string, string> = {}, origin?: string, protocols: string[] = []): Promise<WsAttempt> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, protocols, { headers: { host: `127.0.0.1:${port}`, ...headers }, ...(origin ? { origin } : {}) });
  const messages = new MessageQueue(ws);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ok: true, ws, messages }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ ok: false, status: res.statusCode ?? 0 });
      ws.terminate();
    });
    ws.once('error', (err) => reject(err));
  });
}

/** Collects a socket's messages so a test can await the next one (or one matching a predicate). */
export class MessageQueue {
  private readonly items: unknown[] = [];
  private waiters: Array<{ match: (m: unknown) => boolean; resolve: (m: unknown) => void }> = [];

  constructor(ws: WebSocket) {
    ws.on('message', (data) => {
      const msg: unknown = JSON.parse(data.toString());
      const w = this.waiters.find((x) => x.match(msg));
      if (w) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve(msg);
      } else this.items.push(msg);
    });
  }

  next<T = Record<string, unknown>>(match: (m: Record<string, unknown>) => boolean = () => true, timeoutMs = 5000): Promise<T> {
    const i = this.items.findIndex((m) => match(m as Record<string, unknown>));
    if (i >= 0) return Promise.resolve(this.items.splice(i, 1)[0] as T);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching message in time')), timeoutMs);
      this.waiters.push({
        match: (m) => match(m as Record<string, unknown>),
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as T);
        },
      });
    });
  }

  /** Messages received and not yet taken. */
  pending(): unknown[] {
    return [...this.items];
  }
}

export async function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  if (ws.readyState === WebSocket.CLOSED) throw new Error('already closed');
  const [code, reason] = (await once(ws, 'close')) as [number, Buffer];
  return { code, reason: reason.toString() };
}
