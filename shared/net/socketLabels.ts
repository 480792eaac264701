import type { SocketRow } from '../contract/sockets';
import { formatEndpoint } from './address';

/**
 * The words every front end uses for a socket row (CLI tables, reports, the app), in one place
 * so `tcp6`, `[::]:80` and `all (v4+v6)` read the same everywhere. Plain text: callers escape.
 */
export function protoLabel(r: Pick<SocketRow, 'family' | 'protocol'>): string {
  return r.family === 6 ? `${r.protocol}6` : r.protocol;
}

export function localLabel(r: Pick<SocketRow, 'localAddress' | 'localPort' | 'scopeId'>): string {
  return formatEndpoint(r.localAddress, r.localPort, r.scopeId);
}

export function remoteLabel(r: Pick<SocketRow, 'remoteAddress' | 'remotePort' | 'scopeId'>): string {
  if (r.remotePort === 0 && (r.remoteAddress === '0.0.0.0' || r.remoteAddress === '::')) return formatEndpoint(r.remoteAddress, '*');
  return formatEndpoint(r.remoteAddress, r.remotePort, r.remoteAddress.startsWith('fe8') ? r.scopeId : null);
}

export function exposureLabel(r: Pick<SocketRow, 'exposure' | 'dualStack' | 'family'>): string {
  if (r.exposure === 'all') return r.dualStack ? 'all (v4+v6)' : r.family === 6 ? 'all (v6)' : 'all (v4)';
  return r.exposure;
}
