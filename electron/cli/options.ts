import { SOCKET_STATES } from '../../shared/contract/states';
import type { SocketState } from '../../shared/contract/sockets';
import { UsageError } from './errors';
import { t } from './i18n';

/**
 * `target` is the `host:port` the port was cut from, when there is one, so the message can show
 * it; each case is a whole sentence of its own in the catalog (no pieces glued together).
 */
export function parsePort(value: string, target?: string): number {
  const text = value.trim();
  if (!/^\d+$/.test(text)) {
    throw new UsageError(target === undefined ? t('cli.error.portNotNumber', { value }) : t('cli.error.portNotNumberIn', { value, target }));
  }
  const port = Number(text);
  if (port < 1 || port > 65535) {
    throw new UsageError(target === undefined ? t('cli.error.portRange', { port: String(port) }) : t('cli.error.portRangeIn', { port: String(port), target }));
  }
  return port;
}

export function parsePid(value: string): number {
  const text = value.trim();
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 4_194_304) {
    throw new UsageError(t('cli.error.pid', { value }));
  }
  return Number(text);
}

export function parseInterval(value: string): number {
  const text = value.trim();
  const m = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(text);
  if (!m) throw new UsageError(t('cli.error.interval', { value }));
  const ms = Math.round(Number(m[1]) * (m[2] === 's' ? 1000 : 1));
  if (ms < 250 || ms > 60_000) throw new UsageError(t('cli.error.intervalRange', { ms: String(ms) }));
  return ms;
}

/** Names people type for socket states, mapped to the kernel's. */
const STATE_ALIASES: Record<string, SocketState> = {
  LISTENING: 'LISTEN',
  ESTAB: 'ESTABLISHED',
  CONNECTED: 'ESTABLISHED',
  BOUND: 'UNCONN',
  UNCONNECTED: 'UNCONN',
  TIMEWAIT: 'TIME_WAIT',
  CLOSEWAIT: 'CLOSE_WAIT',
  SYNSENT: 'SYN_SENT',
  SYNRECV: 'SYN_RECV',
  FINWAIT1: 'FIN_WAIT1',
  FINWAIT2: 'FIN_WAIT2',
  LASTACK: 'LAST_ACK',
};

export function parseState(value: string): SocketState {
  const key = value.trim().toUpperCase().replace(/-/g, '_');
  if ((SOCKET_STATES as readonly string[]).includes(key)) return key as SocketState;
  const alias = STATE_ALIASES[key.replace(/_/g, '')];
  if (alias) return alias;
  throw new UsageError(t('cli.error.state', { value, states: SOCKET_STATES.map((s) => s.toLowerCase()).join(', ') }));
}

/** Comma-separated lists are accepted wherever a flag may repeat: --state listen,established. */
export function collect<T>(parse: (v: string) => T) {
  return (value: string, previous: T[] | undefined): T[] => [
    ...(previous ?? []),
    ...value
      .split(',')
      .filter((v) => v.trim() !== '')
      .map((v) => parse(v)),
  ];
}
