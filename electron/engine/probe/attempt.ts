import dgram from 'node:dgram';
import net from 'node:net';
import type { ProbeOutcome } from '../../../shared/contract/scan';
import { BANNER_BYTES, sanitizeBanner } from '../scan/hints';
import { udpPayload } from '../scan/payloads';
import type { EngineKey } from '../../../shared/i18n/catalogs/engine';
import { localizedMessage } from '../localizedText';

export interface AttemptResult {
  outcome: ProbeOutcome;
  rttMs: number | null;
  message: string;
  /** The message's catalog key and values (see shared/contract/localized.ts). */
  messageKey?: EngineKey;
  values?: Record<string, string | number>;
  banner?: string | null;
}

/** An outcome whose message comes from the engine catalog. */
function said(outcome: ProbeOutcome, rttMs: number | null, key: EngineKey, values?: Record<string, string | number>): AttemptResult {
  return { outcome, rttMs, ...localizedMessage(key, values) };
}

const BANNER_MS = 2000;
const BANNER_GRACE_MS = 150;

function endpoint(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

/** An errno in plain words, the way the seeds' telnet and nc sessions read. */
export function describeError(code: string, address: string, port: number, protocol: 'tcp' | 'udp'): AttemptResult {
  const where = endpoint(address, port);
  switch (code) {
    case 'ECONNREFUSED':
      return protocol === 'tcp' ? said('refused', null, 'engine.probe.refused', { where }) : said('refused', null, 'engine.probe.udpUnreachable', { where });
    case 'EHOSTUNREACH':
      return said('no-route', null, 'engine.probe.noRoute', { address });
    case 'ENETUNREACH':
    case 'ENETDOWN':
      return said('no-route', null, 'engine.probe.netUnreachable', { address });
    case 'EACCES':
    case 'EPERM':
      return said('prohibited', null, 'engine.probe.prohibited', { where });
    case 'ECONNRESET':
      return said('refused', null, 'engine.probe.reset', { where });
    default:
      return said('error', null, 'engine.probe.failed', { code, where });
  }
}

export function tcpAttempt(address: string, port: number, timeoutMs: number, wantBanner: boolean, signal?: AbortSignal): Promise<AttemptResult> {
  return new Promise((resolve) => {
    const start = performance.now();
    const socket = net.connect({ host: address, port });
    let settled = false;
    let rttMs: number | null = null;
    const chunks: Buffer[] = [];
    const finish = (r: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(bannerTimer);
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(r);
    };
    const connectedResult = (): AttemptResult => ({
      ...said('connected', rttMs, 'engine.probe.connected', { where: endpoint(address, port), rtt: rttMs! }),
      ...(wantBanner ? { banner: chunks.length ? sanitizeBanner(Buffer.concat(chunks)) : null } : {}),
    });
    const onAbort = () => finish(said('error', null, 'engine.probe.cancelled'));
    signal?.addEventListener('abort', onAbort);
    let bannerTimer: NodeJS.Timeout | undefined;
    const timer = setTimeout(
      () => finish(said('timeout', null, 'engine.probe.timeout', { where: endpoint(address, port), timeout: String(timeoutMs) })),
      timeoutMs,
    );
    socket.once('connect', () => {
      rttMs = performance.now() - start;
      clearTimeout(timer);
      if (!wantBanner) return finish(connectedResult());
      bannerTimer = setTimeout(() => finish(connectedResult()), BANNER_MS);
    });
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      if (chunks.reduce((n, c) => n + c.length, 0) >= BANNER_BYTES) return finish(connectedResult());
      // A greeting ends its line (SSH, SMTP, FTP, POP3): give a multi-line one a moment to
      // finish, then stop waiting out the whole banner time.
      if (d.includes(0x0a)) {
        clearTimeout(bannerTimer);
        bannerTimer = setTimeout(() => finish(connectedResult()), BANNER_GRACE_MS);
      }
    });
    socket.once('close', () => {
      if (rttMs !== null) finish(connectedResult());
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      if (rttMs !== null) return finish(connectedResult());
      const r = describeError(err.code ?? 'EIO', address, port, 'tcp');
      finish({ ...r, rttMs: r.outcome === 'refused' ? performance.now() - start : null });
    });
  });
}

export function udpAttempt(address: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<AttemptResult> {
  return new Promise((resolve) => {
    const start = performance.now();
    const socket = dgram.createSocket(address.includes(':') ? 'udp6' : 'udp4');
    let settled = false;
    const finish = (r: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      try {
        socket.close();
      } catch {
        // already closed
      }
      resolve(r);
    };
    const onAbort = () => finish(said('error', null, 'engine.probe.cancelled'));
    signal?.addEventListener('abort', onAbort);
    const timer = setTimeout(() => finish(said('no-reply', null, 'engine.probe.noReply', { where: endpoint(address, port), timeout: String(timeoutMs) })), timeoutMs);
    socket.on('message', (msg) => {
      const rttMs = performance.now() - start;
      finish(said('reply', rttMs, 'engine.probe.reply', { bytes: msg.length, where: endpoint(address, port), rtt: rttMs }));
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      const r = describeError(err.code ?? 'EIO', address, port, 'udp');
      finish({ ...r, rttMs: r.outcome === 'refused' ? performance.now() - start : null });
    });
    socket.connect(port, address, () => socket.send(udpPayload(port)));
  });
}
