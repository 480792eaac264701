import net from 'node:net';
import tls from 'node:tls';
import type { ServiceHint } from '../../../shared/contract/scan';

/** Strict limits: a hostile service gets a few hundred bytes and a few seconds, no more. */
export const BANNER_BYTES = 512;
const HTTP_BYTES = 2048;
const BANNER_MS = 1500;
const HTTP_MS = 2000;
const TLS_MS = 2500;
const FIELD_CHARS = 200;

/**
 * Text from the network shown as text: control characters and non-ASCII bytes become \xHH, so
 * nothing a service sends can steer a terminal or smuggle markup-looking bytes unnoticed.
 */
export function sanitizeBanner(bytes: Uint8Array, max = BANNER_BYTES): string {
  let out = '';
  const n = Math.min(bytes.length, max);
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0x0a || b === 0x0d) out += b === 0x0a ? '\\n' : '\\r';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return out.replace(/(\\r)?\\n$/, '');
}

function clip(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return clean.length > FIELD_CHARS ? `${clean.slice(0, FIELD_CHARS - 1)}…` : clean;
}

interface Exchange {
  bytes: Uint8Array;
  connected: boolean;
}

/** Connects, optionally sends, and collects at most `maxBytes` for at most `ms`. */
function exchange(host: string, port: number, send: string | null, maxBytes: number, ms: number, signal?: AbortSignal): Promise<Exchange> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let connected = false;
    const socket = net.connect({ host, port });
    const end = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', end);
      socket.destroy();
      resolve({ bytes: Buffer.concat(chunks).subarray(0, maxBytes), connected });
    };
    const timer = setTimeout(end, ms);
    signal?.addEventListener('abort', end);
    socket.on('connect', () => {
      connected = true;
      if (send !== null) socket.write(send);
    });
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      size += d.length;
      if (size >= maxBytes) end();
    });
    socket.on('error', end);
    socket.on('close', end);
  });
}

function parseHttp(bytes: Uint8Array): ServiceHint['http'] {
  const text = Buffer.from(bytes).toString('latin1');
  const m = /^HTTP\/\d(?:\.\d)? (\d{3})([^\r\n]*)/.exec(text);
  if (!m) return null;
  const server = /\r?\nServer:[ \t]*([^\r\n]*)/i.exec(text);
  return { status: Number(m[1]), statusLine: clip(`HTTP ${m[1]}${m[2]}`)!, server: clip(server?.[1]?.trim() ?? null) };
}

function tlsCheck(host: string, port: number, servername: string | null, signal?: AbortSignal): Promise<ServiceHint['tls']> {
  return new Promise((resolve) => {
    let settled = false;
    const socket = tls.connect({
      host,
      port,
      servername: servername && !net.isIP(servername) ? servername : undefined,
      // We only read what the server presents; trust is not being judged here.
      rejectUnauthorized: false,
    });
    const finish = (value: ServiceHint['tls']) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      socket.destroy();
      resolve(value);
    };
    const abort = () => finish(null);
    const timer = setTimeout(abort, TLS_MS);
    signal?.addEventListener('abort', abort);
    socket.on('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      const name = (o: Record<string, unknown> | undefined) => (o && typeof o.CN === 'string' ? o.CN : o && typeof o.O === 'string' ? o.O : null);
      const subject = name(cert?.subject as unknown as Record<string, unknown>);
      const issuer = name(cert?.issuer as unknown as Record<string, unknown>);
      finish({
        protocol: clip(socket.getProtocol()),
        cipher: clip(socket.getCipher()?.name ?? null),
        subject: clip(subject),
        issuer: clip(issuer),
        validTo: clip(cert?.valid_to ?? null),
        selfSigned: Boolean(cert && subject !== null && JSON.stringify(cert.subject) === JSON.stringify(cert.issuer)),
      });
    });
    socket.on('error', () => finish(null));
  });
}

function guess(banner: string | null, http: ServiceHint['http'], tlsInfo: ServiceHint['tls']): string | null {
  if (tlsInfo) return http ? 'https' : 'tls';
  if (http) return 'http';
  if (!banner) return null;
  if (/^SSH-\d/.test(banner)) return 'ssh';
  if (/^220[ -].*(SMTP|ESMTP|Postfix|Exim)/i.test(banner)) return 'smtp';
  if (/^220[ -]/.test(banner)) return 'ftp';
  if (/^\+OK/.test(banner)) return 'pop3';
  if (/^\* OK/.test(banner)) return 'imap';
  if (/^-ERR|^\+PONG/.test(banner)) return 'redis';
  return null;
}

/**
 * What an open TCP port says about itself: first a passive read (SSH, SMTP, FTP talk first), then
 * an HTTP request, then a TLS handshake, each bounded in bytes and time. Never throws.
 */
export async function serviceHints(host: string, port: number, opts: { servername?: string | null; signal?: AbortSignal } = {}): Promise<ServiceHint> {
  const passive = await exchange(host, port, null, BANNER_BYTES, BANNER_MS, opts.signal);
  const banner = passive.bytes.length > 0 ? sanitizeBanner(passive.bytes) : null;
  let http: ServiceHint['http'] = null;
  let tlsInfo: ServiceHint['tls'] = null;
  if (!banner && passive.connected && !opts.signal?.aborted) {
    const hostHeader = host.includes(':') ? `[${host}]` : host;
    const reply = await exchange(host, port, `HEAD / HTTP/1.0\r\nHost: ${hostHeader}\r\nUser-Agent: portscope\r\n\r\n`, HTTP_BYTES, HTTP_MS, opts.signal);
    http = parseHttp(reply.bytes);
    if (!http && reply.connected && !opts.signal?.aborted) {
      tlsInfo = await tlsCheck(host, port, opts.servername ?? null, opts.signal);
      if (tlsInfo && !opts.signal?.aborted) {
        http = await httpsHead(host, port, opts.servername ?? null, opts.signal);
      }
    }
  } else if (banner) {
    http = parseHttp(passive.bytes);
  }
  return { banner, http, tls: tlsInfo, guess: guess(banner, http, tlsInfo) };
}

/** HEAD over TLS, same limits. */
function httpsHead(host: string, port: number, servername: string | null, signal?: AbortSignal): Promise<ServiceHint['http']> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const socket = tls.connect({ host, port, servername: servername && !net.isIP(servername) ? servername : undefined, rejectUnauthorized: false });
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', finish);
      socket.destroy();
      resolve(parseHttp(Buffer.concat(chunks).subarray(0, HTTP_BYTES)));
    };
    const timer = setTimeout(finish, HTTP_MS);
    signal?.addEventListener('abort', finish);
    socket.on('secureConnect', () => socket.write(`HEAD / HTTP/1.0\r\nHost: ${servername ?? host}\r\nUser-Agent: portscope\r\n\r\n`));
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      size += d.length;
      if (size >= HTTP_BYTES) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
  });
}
