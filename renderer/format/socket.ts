import type { OwnerStatus, SocketRow } from '../../shared/contract';
import { formatEndpoint } from '../../shared/net/address';
import type { Tr } from '../i18n/plain';

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

const OWNER_TEXT = {
  known: null,
  'time-wait': 'ui.common.owner.timeWait',
  orphaned: 'ui.common.owner.orphaned',
  'permission-denied': 'ui.common.owner.permissionDenied',
  'process-exited': 'ui.common.owner.processExited',
  'not-found': 'ui.common.owner.notFound',
} as const satisfies Record<OwnerStatus, string | null>;

const OWNER_EXPLANATION = {
  known: null,
  'time-wait': 'ui.common.ownerWhy.timeWait',
  orphaned: 'ui.common.ownerWhy.orphaned',
  'permission-denied': 'ui.common.ownerWhy.permissionDenied',
  'process-exited': 'ui.common.ownerWhy.processExited',
  'not-found': 'ui.common.ownerWhy.notFound',
} as const satisfies Record<OwnerStatus, string | null>;

/** An owner status in words ('—' for a known owner, whose name is shown instead). */
export function ownerStatusLabel(t: Tr, status: string): string {
  // History events keep the status as text (an older recording may hold one this version lacks).
  const key = Object.hasOwn(OWNER_TEXT, status) ? OWNER_TEXT[status as OwnerStatus] : null;
  return key ? t(key) : status === 'known' ? '—' : `(${status})`;
}

/** Why a socket has no visible owner, in a sentence ('' for a known owner). */
export function ownerExplanation(t: Tr, status: OwnerStatus): string {
  const key = OWNER_EXPLANATION[status];
  return key ? t(key) : '';
}

export function processLabel(row: SocketRow, t: Tr): string {
  if (row.processName) return row.pids.length > 1 ? t('ui.common.processMore', { name: row.processName, more: row.pids.length - 1 }) : row.processName;
  // A known pid without a name (a netstat -ano capture without tasklist): the pid is still the owner.
  if (row.pid !== null) return t('ui.common.pid', { pid: row.pid });
  const key = OWNER_TEXT[row.ownerStatus];
  return key ? t(key) : '—';
}

const EXPOSURE_LABEL = {
  loopback: 'ui.common.exposure.loopback',
  all: 'ui.common.exposure.all',
  specific: 'ui.common.exposure.specific',
} as const satisfies Record<SocketRow['exposure'], string>;

export const EXPOSURES = Object.keys(EXPOSURE_LABEL) as Array<SocketRow['exposure']>;

export function exposureLabel(t: Tr, exposure: SocketRow['exposure']): string {
  return t(EXPOSURE_LABEL[exposure]);
}

const PORT_CLASS_LABEL = {
  'well-known': 'ui.common.portClass.wellKnown',
  registered: 'ui.common.portClass.registered',
  dynamic: 'ui.common.portClass.dynamic',
} as const satisfies Record<SocketRow['portClass'], string>;

export function portClassLabel(t: Tr, portClass: SocketRow['portClass']): string {
  return t(PORT_CLASS_LABEL[portClass]);
}
