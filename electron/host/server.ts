import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { readFile } from 'node:fs/promises';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EngineLink } from './engine-link';
import { EventFanout, type FanoutOptions } from './fanout';
import {
  allowedHosts,
  hostPort,
  isAllowedHost,
  isAllowedOrigin,
  isWildcardHost,
  newSecret,
  readCookie,
  secretsEqual,
  securityHeaders,
  sessionCookie,
  sessionCookieName,
} from './security';
import { PLACEHOLDER_HTML, resolveStatic } from './static-files';
import { attachSession, DEFAULT_MAX_UNSENT_BYTES, type SessionLimits } from './ws-session';
import { limitConnections, TIMEOUT_CHECK_MS, type ConnectionLimits } from './connection-limits';
import { rateLimitedLog } from './log-limit';
import { DEFAULT_WORK_BUDGET_BYTES, WorkBudget } from './work-budget';
import { SessionStore, WIRE_PROTOCOL, wireSecretFromProtocols, type Session } from './sessions';
import { MAX_WIRE_MESSAGE_BYTES } from '../../shared/contract/wire';

export interface HostOptions {
  link: EngineLink;
  /** Folder of the built renderer (dist/renderer); a placeholder page is served while it is missing. */
  rendererDir: string;
  host?: string;
  port?: number;
  /** Fixed token (tests); a fresh random one per launch otherwise. */
  token?: string;
  log?: (message: string) => void;
  fanout?: FanoutOptions;
  /** Largest message a client may send (calls are small; this bounds memory per frame). */
  maxPayloadBytes?: number;
  /** Lifetime of a session (one token exchange); 12 h unless given. */
  sessionTtlMs?: number;
  /** Per-connection budgets: calls in flight, unsent bytes (see ws-session.ts). */
  connection?: SessionLimits;
  /** HTTP-level limits: idle connections, timeouts (see connection-limits.ts). */
  http?: ConnectionLimits;
  /** Bytes of requests worked on at once, across all connections. */
  workBudgetBytes?: number;
  /** Open WebSockets per session and in all. */
  maxSocketsPerSession?: number;
  maxSockets?: number;
  /** Serve HTTPS and WSS with this certificate (`portscope agent --listen`). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /**
   * Machine clients instead of browser pages (`portscope agent --listen`): the WebSocket is opened
   * with `Authorization: Bearer <token>`, no pages are served, and an upgrade carrying an Origin
   * (a web page) is refused. See machineUpgrade below.
   */
  bearerToken?: string;
  /** Other machines this host reaches (browser mode's remote agents): `/ws?machine=<id>` looks at one. */
  machines?: MachineLinks;
}

/** The remote machines a browser-mode host can route a WebSocket to (electron/host/machines.ts). */
export interface MachineLinks {
  /** The link to a machine by id (its calls and events), or null when there is no such machine. */
  linkFor(id: string): EngineLink | null;
  /** Called with a machine's id when it is removed: connections looking at it are closed. */
  onRemoved(listener: (id: string) => void): () => void;
}

/** Close code for a connection whose machine was removed from the list. */
export const CLOSE_MACHINE_REMOVED = 4004;

export interface HostHandle {
  /** The dashboard URL with the access token: what `portscope serve` prints first. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  readonly cookieName: string;
  close(): Promise<void>;
}

/**
 * Browser mode: the built renderer over HTTP and the contract over a WebSocket at /ws. Every
 * request, the upgrade included, passes the Host allowlist, then the Origin allowlist. A page load
 * with the launch token starts a session (sessions.ts): its cookie opens the static files, and
 * its wire secret, which only the page's own origin can read back, opens the WebSocket; a cookie
 * alone never reaches the engine, and the upgrade must carry an Origin. The engine runs behind
 * `link` (a worker thread), so this thread only routes.
 */
export async function startHost(options: HostOptions): Promise<HostHandle> {
  const log = options.log ?? (() => {});
  // What clients can make the server say is said a few times per minute, then counted.
  const note = rateLimitedLog(log);
  const budget = new WorkBudget(options.workBudgetBytes ?? DEFAULT_WORK_BUDGET_BYTES);
  const maxPerSession = options.maxSocketsPerSession ?? 16;
  const maxSockets = options.maxSockets ?? 256;
  const openBySession = new Map<number, number>();
  const bindHost = options.host ?? '127.0.0.1';
  const token = options.token ?? newSecret();
  const sessions = new SessionStore({ ttlMs: options.sessionTtlMs });
  // Events and answers share one budget of unsent bytes per connection (ws-session.ts).
  const fanout = new EventFanout(options.link, { log: (m) => note('fanout', m), hardLimitBytes: options.connection?.maxUnsentBytes ?? DEFAULT_MAX_UNSENT_BYTES, ...options.fanout });
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayloadBytes ?? MAX_WIRE_MESSAGE_BYTES,
    perMessageDeflate: false,
    // Only the protocol name is echoed back, never the offered session secret.
    handleProtocols: () => WIRE_PROTOCOL,
  });

  // Filled in once the port is known (port 0 picks one).
  let allowed = new Set<string>();
  let cookieName = '';

  /** Pages only: the cookie of a live session. */
  const hasPageSession = (req: IncomingMessage): boolean => sessions.fromPageSecret(readCookie(req.headers.cookie, cookieName)) !== null;

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handleRequest(req, res).catch((err: unknown) => {
      note('request-failed', `request failed: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) plain(res, 500, 'Internal error.', securityHeaders(hostPort(bindHost, port())));
      else res.destroy();
    });
  };
  const server: Server = options.tls
    ? createTlsServer({ connectionsCheckingInterval: TIMEOUT_CHECK_MS, cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2' }, onRequest)
    : createServer({ connectionsCheckingInterval: TIMEOUT_CHECK_MS }, onRequest);
  const machineMode = options.bearerToken !== undefined;
  // One fan-out per machine a connection looks at (the local engine's is `fanout`).
  const machineFanouts = new Map<EngineLink, EventFanout>();
  const byMachine = new Map<string, Set<WebSocket>>();
  const offRemoved = options.machines?.onRemoved((id) => {
    for (const ws of byMachine.get(id) ?? []) ws.close(CLOSE_MACHINE_REMOVED, 'This machine was removed from the list.');
  });

  const port = () => {
    const address = server.address();
    return typeof address === 'object' && address ? address.port : 0;
  };

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (machineMode) {
      plain(res, 404, 'This is a Portscope agent. Add it in the Portscope app (Add machine) with its address, token and certificate fingerprint.', { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      return;
    }
    const host = req.headers.host;
    if (!isAllowedHost(host, allowed)) {
      plain(res, 403, 'Portscope refuses this request: its Host header is not the address this server listens on (protection against DNS rebinding).', securityHeaders(hostPort(bindHost, port())));
      return;
    }
    const headers = securityHeaders(host!);
    if (!isAllowedOrigin(req.headers.origin, allowed)) {
      plain(res, 403, 'Portscope refuses requests from other web sites.', headers);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      plain(res, 405, 'Portscope serves pages only; everything else goes over its WebSocket.', { ...headers, Allow: 'GET, HEAD' });
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    const given = url.searchParams.get('token');
    if (given !== null) {
      if (!secretsEqual(given, token)) {
        plain(res, 403, 'This access token is wrong or from an earlier run of portscope serve. Open the URL the current run printed.', headers);
        return;
      }
      // Exchange the token for the session cookie and drop it from the address bar, history and
      // any later Referer. (Leading slashes collapsed: `//elsewhere` must not become an open redirect.)
      // The wire secret travels in the fragment, which the browser keeps to itself; the page moves
      // it into sessionStorage and clears the address bar (renderer/contract/session.ts).
      url.searchParams.delete('token');
      const session = sessions.issue();
      const location = `/${url.pathname.replace(/^\/+/, '')}${url.search}#ps-session=${session.wireSecret}`;
      res.writeHead(303, { ...headers, 'Set-Cookie': sessionCookie(cookieName, session.pageSecret, sessions.ttlMs), Location: location });
      res.end();
      return;
    }
    if (!hasPageSession(req)) {
      plain(res, 401, 'Portscope needs its access token: open the full URL that `portscope serve` printed (it ends in ?token=…).', headers);
      return;
    }
    if (url.pathname === '/ws') {
      plain(res, 426, 'This address is for the dashboard\'s WebSocket.', { ...headers, Upgrade: 'websocket' });
      return;
    }
    const found = await resolveStatic(options.rendererDir, url.pathname);
    if (!found) {
      if (url.pathname === '/' || url.pathname === '/index.html') {
        send(res, req, 200, 'text/html; charset=utf-8', Buffer.from(PLACEHOLDER_HTML), headers);
        return;
      }
      plain(res, 404, 'Not found.', headers);
      return;
    }
    send(res, req, 200, found.contentType, await readFile(found.file), headers);
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refuse = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
    };
    socket.on('error', () => socket.destroy());
    if (machineMode) return machineUpgrade(req, socket, head, refuse);
    const host = req.headers.host;
    if (!isAllowedHost(host, allowed)) return refuse(403, 'Forbidden');
    // Every browser sends Origin on a WebSocket; a client without one is not a browser page of ours.
    if (req.headers.origin === undefined || !isAllowedOrigin(req.headers.origin, allowed)) return refuse(403, 'Forbidden');
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname !== '/ws') return refuse(404, 'Not Found');
    const session = sessions.fromWireSecret(wireSecretFromProtocols(offeredProtocols(req)));
    if (!session) return refuse(401, 'Unauthorized');
    const mine = openBySession.get(session.id) ?? 0;
    if (mine >= maxPerSession || wss.clients.size >= maxSockets) return refuse(503, 'Service Unavailable');
    const machine = url.searchParams.get('machine');
    const link = machine === null ? options.link : (options.machines?.linkFor(machine) ?? null);
    if (!link) return refuse(404, 'Not Found');
    wss.handleUpgrade(req, socket, head, (ws) => {
      openBySession.set(session.id, (openBySession.get(session.id) ?? 0) + 1);
      attachSession(ws, link, machine === null ? fanout : fanoutFor(link), note, { budget, ...options.connection });
      if (machine !== null) track(machine, ws);
      expireWith(ws, session);
      ws.once('close', () => {
        const left = (openBySession.get(session.id) ?? 1) - 1;
        if (left > 0) openBySession.set(session.id, left);
        else openBySession.delete(session.id);
      });
    });
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  // Plain HTTP (or anything but TLS) sent to a TLS port fails the handshake and is dropped here.
  // A client that hangs up after the handshake (the app reading the fingerprint) is not news.
  server.on('tlsClientError', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'ECONNRESET' && !/hang up/.test(err.message)) note('tls', `TLS handshake failed: ${err.message.split('\n')[0]!.slice(0, 200)}`);
  });

  function fanoutFor(link: EngineLink): EventFanout {
    let f = machineFanouts.get(link);
    if (!f) machineFanouts.set(link, (f = new EventFanout(link, { log: (m) => note('fanout', m), hardLimitBytes: options.connection?.maxUnsentBytes ?? DEFAULT_MAX_UNSENT_BYTES, ...options.fanout })));
    return f;
  }

  function track(machine: string, ws: WebSocket): void {
    let set = byMachine.get(machine);
    if (!set) byMachine.set(machine, (set = new Set()));
    set.add(ws);
    ws.once('close', () => {
      set.delete(ws);
      if (set.size === 0) byMachine.delete(machine);
    });
  }

  /**
   * An agent's WebSocket, for machine clients (the Portscope app's host, scripts). They prove the
   * bearer token in the Authorization header, which a web page cannot set on a WebSocket; an
   * upgrade with an Origin header comes from a page and is refused, so a site in someone's
   * browser can never reach the agent. The Host header is not checked: DNS rebinding works by
   * making a browser carry its cookies or ambient access to another address, and this server
   * grants nothing without the token.
   */
  function machineUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, refuse: (status: number, text: string) => void): void {
    if (req.headers.origin !== undefined) return refuse(403, 'Forbidden');
    const url = new URL(req.url ?? '/', 'https://agent');
    if (url.pathname !== '/ws') return refuse(404, 'Not Found');
    const auth = /^Bearer +(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!auth || !secretsEqual(auth[1]!, options.bearerToken!)) {
      note('auth', `refused a WebSocket from ${req.socket.remoteAddress ?? '?'}: ${auth ? 'wrong token' : 'no bearer token'}`);
      return refuse(401, 'Unauthorized');
    }
    if (wss.clients.size >= maxSockets) return refuse(503, 'Service Unavailable');
    wss.handleUpgrade(req, socket, head, (ws) => {
      note('connect', `a client connected from ${req.socket.remoteAddress ?? '?'}`);
      attachSession(ws, options.link, fanout, note, { budget, ...options.connection });
    });
  }
  limitConnections(server, options.http);

  /** An open connection ends with its session: a reconnect then needs a fresh token exchange. */
  function expireWith(ws: WebSocket, session: Session): void {
    const timer = setTimeout(() => {
      if (!sessions.isLive(session)) ws.close(4001, 'Session expired: open the URL portscope serve printed again.');
    }, Math.max(0, session.expiresAt - Date.now()) + 10);
    timer.unref();
    ws.once('close', () => clearTimeout(timer));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bindHost, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const actualPort = port();
  allowed = allowedHosts(bindHost, actualPort);
  cookieName = sessionCookieName(actualPort);
  // A wildcard bind still prints a loopback URL: it is the one that works from this machine.
  const origin = `${options.tls ? 'https' : 'http'}://${hostPort(isWildcardHost(bindHost) ? '127.0.0.1' : bindHost, actualPort)}`;

  return {
    url: machineMode ? `${origin.replace(/^http/, 'ws')}/ws` : `${origin}/?token=${token}`,
    origin,
    port: actualPort,
    token,
    cookieName,
    async close() {
      fanout.close();
      offRemoved?.();
      for (const f of machineFanouts.values()) f.close();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      // Say goodbye properly, but a client that never answers the close frame must not hold the
      // shutdown for ws's 30 s closing timeout.
      const sockets = [...wss.clients];
      for (const ws of sockets) ws.close(1001, 'Portscope is shutting down.');
      const grace = setTimeout(() => sockets.forEach((ws) => ws.terminate()), 1000);
      wss.close();
      await stopped;
      clearTimeout(grace);
    },
  };
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text + '\n') });
  res.end(`${text}\n`);
}

function send(res: ServerResponse, req: IncomingMessage, status: number, type: string, body: Buffer, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'Content-Type': type, 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function offeredProtocols(req: IncomingMessage): Set<string> {
  const header = req.headers['sec-websocket-protocol'];
  return new Set((header ?? '').split(',').map((p) => p.trim()).filter(Boolean));
}
