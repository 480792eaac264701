import type { RawSocket } from './types';

/**
 * Protocol, family and both endpoints: what tells apart sockets that have no inode (TIME_WAIT),
 * and the first part of every row id.
 */
export function endpointKey(s: RawSocket): string {
  return `${s.protocol}${s.family}|${s.localAddress}|${s.localPort}|${s.remoteAddress}|${s.remotePort}`;
}
