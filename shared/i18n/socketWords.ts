import type { SocketRow } from '../contract/sockets';
import type { SocketKey } from './catalogs/socket';

/**
 * A socket row's words in one language, for the CLI tables and the reports alike, so both say
 * "alle (v4+v6)" and "? (verweigert)" the same way. `t` is any translator that has the socket
 * catalog (shared/i18n/catalogs/socket) merged in.
 */
type T = (key: SocketKey, values?: Readonly<Record<string, string | number>>) => string;

export const SOCKET_COLUMNS = {
  proto: 'socket.column.proto',
  local: 'socket.column.local',
  remote: 'socket.column.remote',
  state: 'socket.column.state',
  service: 'socket.column.service',
  exposure: 'socket.column.exposure',
  process: 'socket.column.process',
  user: 'socket.column.user',
  notes: 'socket.column.notes',
} as const satisfies Record<string, SocketKey>;

const RISK_KEYS: Record<string, SocketKey> = {
  cleartext: 'socket.risk.cleartext',
  'remote-admin-exposed': 'socket.risk.remoteAdmin',
  'malware-port': 'socket.risk.malwarePort',
  'database-exposed': 'socket.risk.database',
};

export function exposureWord(t: T, r: Pick<SocketRow, 'exposure' | 'dualStack' | 'family'>): string {
  if (r.exposure === 'all') return t('socket.exposure.all', { families: r.dualStack ? 'v4+v6' : r.family === 6 ? 'v6' : 'v4' });
  return r.exposure === 'loopback' ? t('socket.exposure.loopback') : t('socket.exposure.specific');
}

/** "1234/nginx", or why there is no owner; time-wait is a state name and stays as it is. */
export function ownerWord(t: T, r: Pick<SocketRow, 'pid' | 'processName' | 'pids' | 'ownerStatus'>): string {
  if (r.pid !== null) return `${r.pid}/${r.processName ?? '?'}${r.pids.length > 1 ? ` +${r.pids.length - 1}` : ''}`;
  switch (r.ownerStatus) {
    case 'time-wait':
      return '- (time-wait)';
    case 'orphaned':
      return t('socket.owner.kernel');
    case 'permission-denied':
      return t('socket.owner.denied');
    case 'process-exited':
      return t('socket.owner.exited');
    default:
      return t('socket.owner.unknown');
  }
}

export function riskWord(t: T, code: string): string {
  const key = RISK_KEYS[code];
  return key ? t(key) : code;
}
