import { SOCKET_STATES } from '../../shared/contract/states';
import type { SocketState } from '../../shared/contract/sockets';
import { UsageError } from './errors';

export function parsePort(value: string, what = 'port'): number {
  const text = value.trim();
  if (!/^\d+$/.test(text)) throw new UsageError(`${what} must be a number from 1 to 65535, not '${value}'`);
  const port = Number(text);
  if (port < 1 || port > 65535) throw new UsageError(`${what} ${port} is out of range: ports go from 1 to 65535`);
  return port;
}

export function parsePid(value: string): number {
  const text = value.trim();
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 4_194_304) {
    throw new UsageError(`pid must be a positive whole number, not '${value}'`);
  }
  return Number(text);
}

export function parseInterval(value: string): number {
  const text = value.trim();
  const m = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(text);
  if (!m) throw new UsageError(`interval must look like 1000, 500ms or 2s, not '${value}'`);
  const ms = Math.round(Number(m[1]) * (m[2] === 's' ? 1000 : 1));
  if (ms < 250 || ms > 60_000) throw new UsageError(`interval ${ms} ms is out of range: 250 ms to 60 s`);
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
  throw new UsageError(`unknown state '${value}': use one of ${SOCKET_STATES.map((s) => s.toLowerCase()).join(', ')}`);
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
