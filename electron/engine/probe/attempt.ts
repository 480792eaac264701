import dgram from 'node:dgram';
import net from 'node:net';
import type { ProbeOutcome } from '../../../shared/contract/scan';
import { BANNER_BYTES, sanitizeBanner } from '../scan/hints';
import { udpPayload } from '../scan/payloads';

export interface AttemptResult {
  outcome: ProbeOutcome;
  rttMs: number | null;
  message: string;
  banner?: string | null;
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
      return protocol === 'tcp'
        ? { outcome: 'refused', rttMs: null, message: `Connection refused: the host answered, but nothing listens on ${where} (port closed).` }
        : { outcome: 'refused', rttMs: null, message: `ICMP port unreachable: nothing listens on ${where}/udp (port closed).` };
    case 'EHOSTUNREACH':
      return { outcome: 'no-route', rttMs: null, message: `No route to host ${address}: it is down, not on this network, or a firewall answers for it.` };
    case 'ENETUNREACH':
    case 'ENETDOWN':
      return { outcome: 'no-route', rttMs: null, message: `Network unreachable: this machine has no route to ${address}.` };
    case 'EACCES':
    case 'EPERM':
      return { outcome: 'prohibited', rttMs: null, message: `Blocked by a firewall (administratively prohibited) on the way to ${where}.` };
    case 'ECONNRESET':
      return { outcome: 'refused', rttMs: null, message: `Connection reset by ${where}.` };
    default:
      return { outcome: 'error', rttMs: null, message: `Failed with ${code} on ${where}.` };
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
      outcome: 'connected',
      rttMs,
      message: `Connected to ${endpoint(address, port)} in ${rttMs!.toFixed(2)} ms: the port is open.`,
      ...(wantBanner ? { banner: chunks.length ? sanitizeBanner(Buffer.concat(chunks)) : null } : {}),
    });
    const onAbort = () => finish({ outcome: 'error', rttMs: null, message: 'Cancelled.' });
    signal?.addEventListener('abort', onAbort);
    let bannerTimer: NodeJS.Timeout | undefined;
    const timer = setTimeout(
      () => finish({ outcome: 'timeout', rttMs: null, message: `No answer from ${endpoint(address, port)} within ${timeoutMs} ms: a firewall drops the packets, or the host is down.` }),
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
    const onAbort = () => finish({ outcome: 'error', rttMs: null, message: 'Cancelled.' });
    signal?.addEventListener('abort', onAbort);
    const timer = setTimeout(
      () =>
        finish({
          outcome: 'no-reply',
          rttMs: null,
          message: `No reply from ${endpoint(address, port)}/udp within ${timeoutMs} ms: open but silent, or filtered (UDP cannot tell).`,
        }),
      timeoutMs,
    );
    socket.on('message', (msg) => {
      const rttMs = performance.now() - start;
      finish({ outcome: 'reply', rttMs, message: `Reply of ${msg.length} bytes from ${endpoint(address, port)}/udp in ${rttMs.toFixed(2)} ms: the port is open.` });
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      const r = describeError(err.code ?? 'EIO', address, port, 'udp');
      finish({ ...r, rttMs: r.outcome === 'refused' ? performance.now() - start : null });
    });
    socket.connect(port, address, () => socket.send(udpPayload(port)));
  });
}
