import type { OwnerStatus, SocketRow } from '../../shared/contract';
import { formatEndpoint } from '../../shared/net/address';

export function localEndpoint(row: SocketRow): string {
  return formatEndpoint(row.localAddress, row.localPort, row.scopeId);
}

/** `*` for an unconnected remote side, as `ss` prints it. */
export function remoteEndpoint(row: SocketRow): string {
  if (row.remotePort === 0 && (row.remoteAddress === '0.0.0.0' || row.remoteAddress === '::')) return '*';
  return formatEndpoint(row.remoteAddress, row.remotePort);
}

/** A `::` listener with v6only off takes IPv4 too: say so, since `::` alone reads as IPv6-only. */
export function localAddressLabel(row: SocketRow): string {
  const host = row.scopeId ? `${row.localAddress}%${row.scopeId}` : row.localAddress;
  return row.dualStack ? `${host} (v4+v6)` : host;
}

export function protocolLabel(row: SocketRow): string {
  return `${row.protocol.toUpperCase()}${row.family === 6 ? 'v6' : ''}`;
}

const OWNER_TEXT: Record<OwnerStatus, string> = {
  known: '',
  'time-wait': 'kernel (TIME_WAIT)',
  orphaned: 'kernel (orphaned)',
  'permission-denied': 'not visible (permission denied)',
  'process-exited': 'process exited',
  'not-found': 'unknown owner',
};

export const OWNER_EXPLANATION: Record<OwnerStatus, string> = {
  known: '',
  'time-wait': 'TIME_WAIT sockets belong to the kernel alone: the process closed its side and the kernel keeps the pair reserved for a while.',
  orphaned: 'The process that owned this socket closed it; the kernel finishes the shutdown on its own.',
  'permission-denied': 'Some processes could not be inspected. Run Portscope with more privileges (e.g. as root) to see the owner.',
  'process-exited': 'The owning process exited between reading the socket table and its file descriptors.',
  'not-found': 'No readable process holds this socket (another pid namespace or a kernel socket).',
};

export function processLabel(row: SocketRow): string {
  if (row.processName) return row.pids.length > 1 ? `${row.processName} (+${row.pids.length - 1})` : row.processName;
  // A known pid without a name (a netstat -ano capture without tasklist): the pid is still the owner.
  if (row.pid !== null) return `pid ${row.pid}`;
  return OWNER_TEXT[row.ownerStatus] || '—';
}

export const EXPOSURE_LABEL: Record<SocketRow['exposure'], string> = {
  loopback: 'this machine',
  all: 'all interfaces',
  specific: 'one address',
};

export const PORT_CLASS_LABEL: Record<SocketRow['portClass'], string> = {
  'well-known': 'well-known (0–1023)',
  registered: 'registered (1024–49151)',
  dynamic: 'dynamic (49152+)',
};
