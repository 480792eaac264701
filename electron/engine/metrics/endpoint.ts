import { timingSafeEqual, createHash } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { isIP } from 'node:net';

export interface TlsFiles {
  cert: string | Buffer;
  key: string | Buffer;
  /** CA that client certificates must chain to; with it, clients without a valid certificate are refused. */
  clientCa?: string | Buffer;
}

export interface EndpointOptions {
  host: string;
  port: number;
  /** Bearer token Prometheus sends (`authorization: { credentials: … }` in its scrape config). */
  token?: string;
  tls?: TlsFiles;
  metrics: () => Promise<{ body: string; contentType: string }>;
  log?: (message: string) => void;
}

export interface EndpointHandle {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Why binding here is refused, or null when it is allowed. */
export function bindingRefusal(host: string, options: Pick<EndpointOptions, 'token' | 'tls'>): string | null {
  if (isLoopbackAddress(host)) return null;
  if (options.token) return null;
  if (options.tls?.clientCa) return null;
  return (
    `--metrics on ${host} would publish this machine's listeners and processes to the network: ` +
    'give --metrics-token <token> (Prometheus sends it as a bearer token) or TLS with client certificates ' +
    '(--metrics-tls-cert, --metrics-tls-key and --metrics-tls-client-ca), or bind 127.0.0.1'
  );
}

export function isLoopbackAddress(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || (isIP(h) === 4 && h.startsWith('127.'));
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** Constant-time: hashing first gives equal lengths, so the comparison leaks neither length nor prefix. */
function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m !== null && timingSafeEqual(digest(m[1]!), digest(token));
}

/**
 * The agent's `/metrics`: read-only by construction (GET and HEAD of two paths, nothing else),
 * bounded request times, and refused beyond loopback unless a token or client certificates
 * guard it.
 */
export async function startMetricsEndpoint(options: EndpointOptions): Promise<EndpointHandle> {
  const refusal = bindingRefusal(options.host, options);
  if (refusal) throw Object.assign(new Error(refusal), { code: 'EPORTSCOPE_INSECURE' });
  const handler = (req: IncomingMessage, res: ServerResponse) => void answer(req, res, options);
  const server = options.tls
    ? https.createServer(
        {
          cert: options.tls.cert,
          key: options.tls.key,
          ...(options.tls.clientCa ? { ca: options.tls.clientCa, requestCert: true, rejectUnauthorized: true } : {}),
        },
        handler,
      )
    : http.createServer(handler);
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 60_000; // Prometheus keeps its scrape connection open between scrapes
  server.maxConnections = 64;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host.replace(/^\[|\]$/g, ''), () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const h = options.host.replace(/^\[|\]$/g, '');
  const url = `${options.tls ? 'https' : 'http'}://${isIP(h) === 6 ? `[${h}]` : h}:${port}/metrics`;
  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function answer(req: IncomingMessage, res: ServerResponse, options: EndpointOptions): Promise<void> {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'no-store');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('read-only: only GET and HEAD\n');
    return;
  }
  if (options.token && !tokenMatches(req.headers.authorization, options.token)) {
    res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="portscope"', 'Content-Type': 'text/plain; charset=utf-8' }).end('a bearer token is required\n');
    return;
  }
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/') {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Portscope agent: metrics at /metrics\n');
    return;
  }
  if (path !== '/metrics') {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found: metrics are at /metrics\n');
    return;
  }
  try {
    const { body, contentType } = await options.metrics();
    res.writeHead(200, { 'Content-Type': contentType });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (err) {
    options.log?.(`metrics scrape failed: ${err instanceof Error ? err.message : String(err)}`);
    res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('collecting metrics failed\n');
  }
}
