import type { SocketRow } from '../../shared/contract';
import { isListening } from '../stores/sockets/table';
import type { PortTarget } from '../stores/ui';

/**
 * What "probe this port" means for a row: a listener is probed where a local client would reach
 * it (an any-address listener via loopback); a connection is probed at its remote end.
 */
export function targetOf(row: SocketRow): PortTarget {
  if (isListening(row)) {
    let host = row.localAddress;
    if (host === '0.0.0.0') host = '127.0.0.1';
    else if (host === '::') host = row.dualStack === false ? '::1' : '127.0.0.1';
    else if (row.scopeId) host = `${host}%${row.scopeId}`;
    return { host, port: row.localPort, protocol: row.protocol };
  }
  return { host: row.remoteAddress, port: row.remotePort, protocol: row.protocol };
}
