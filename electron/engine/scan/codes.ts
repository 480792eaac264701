import os from 'node:os';
import type { PortState } from '../../../shared/contract/scan';

/**
 * Compact codes for the worker → main wire: a 65,535-port scan sends flat number arrays, not
 * 65,535 objects. Both sides build the same tables from the same Node, so indexes agree.
 */
export const STATES: readonly PortState[] = ['open', 'closed', 'filtered', 'open|filtered'];
export const S_OPEN = 0;
export const S_CLOSED = 1;
export const S_FILTERED = 2;
export const S_OPEN_FILTERED = 3;

const FIXED_REASONS = [
  'syn-ack',
  'conn-refused',
  'reset',
  'no-response',
  'host-unreach',
  'net-unreach',
  'admin-prohibited',
  'host-down',
  'udp-response',
  'port-unreach',
] as const;

/** Fixed reasons first, then every errno name in lower case for errors nobody foresaw. */
export const REASONS: readonly string[] = [...FIXED_REASONS, ...Object.keys(os.constants.errno).map((n) => n.toLowerCase())];
export const reasonCode = (name: string): number => {
  const i = REASONS.indexOf(name);
  return i >= 0 ? i : REASONS.indexOf('no-response');
};
export const R_SYN_ACK = reasonCode('syn-ack');
export const R_CONN_REFUSED = reasonCode('conn-refused');
export const R_RESET = reasonCode('reset');
export const R_NO_RESPONSE = reasonCode('no-response');
export const R_HOST_UNREACH = reasonCode('host-unreach');
export const R_NET_UNREACH = reasonCode('net-unreach');
export const R_ADMIN_PROHIBITED = reasonCode('admin-prohibited');
export const R_HOST_DOWN = reasonCode('host-down');
export const R_UDP_RESPONSE = reasonCode('udp-response');
export const R_PORT_UNREACH = reasonCode('port-unreach');

/** libuv reports errors as negative errno values; names by value, built once. */
const ERRNO_NAME = new Map<number, string>();
for (const [name, value] of Object.entries(os.constants.errno)) ERRNO_NAME.set(-value, name);
export function errnoName(status: number): string {
  return ERRNO_NAME.get(status) ?? `E${-status}`;
}

/** Errors that say "this machine ran short", not "the port answered": back off and try again. */
const RESOURCE = new Set(['EMFILE', 'ENFILE', 'EADDRNOTAVAIL', 'ENOBUFS', 'ENOMEM', 'EAGAIN', 'EADDRINUSE']);
export function isResourceError(name: string): boolean {
  return RESOURCE.has(name);
}

/**
 * A failed connect, classified exactly as nmap's connect scan does: refused = closed; unreachable,
 * prohibited and timeouts = filtered. EACCES/EPERM come from ICMP "administratively prohibited"
 * (and from local firewall rules that reject outgoing packets).
 */
export function classifyConnectError(name: string): { state: number; reason: number } {
  switch (name) {
    case 'ECONNREFUSED':
      return { state: S_CLOSED, reason: R_CONN_REFUSED };
    case 'ECONNRESET':
      return { state: S_CLOSED, reason: R_RESET };
    case 'ETIMEDOUT':
      return { state: S_FILTERED, reason: R_NO_RESPONSE };
    case 'EHOSTUNREACH':
      return { state: S_FILTERED, reason: R_HOST_UNREACH };
    case 'ENETUNREACH':
    case 'ENETDOWN':
    case 'ENONET':
      return { state: S_FILTERED, reason: R_NET_UNREACH };
    case 'EACCES':
    case 'EPERM':
      return { state: S_FILTERED, reason: R_ADMIN_PROHIBITED };
    case 'EHOSTDOWN':
      return { state: S_FILTERED, reason: R_HOST_DOWN };
    default:
      return { state: S_FILTERED, reason: reasonCode(name.toLowerCase()) };
  }
}

/** Results travel as [hostIndex, port, state, reason, rttMicros (-1 = none)] quintuples. */
export const RESULT_STRIDE = 5;

export interface WorkerHost {
  address: string;
  family: 4 | 6;
  loopback: boolean;
}

export interface WorkerJob {
  protocol: 'tcp' | 'udp';
  hosts: WorkerHost[];
  ports: number[];
  workerIndex: number;
  workerCount: number;
  concurrency: number;
  initialRtoMs: number;
  minRtoMs: number;
  maxRtoMs: number;
  retries: number;
  /** This worker's share of the maximum rate, probes per second; null = unlimited. */
  maxRate: number | null;
}

export interface WorkerStats {
  done: number;
  inflight: number;
  concurrency: number;
  retransmissions: number;
  resourceBackoffs: number;
  selfConnects: number;
}

export type ToWorker = { type: 'start'; job: WorkerJob } | { type: 'cancel' };
export type FromWorker =
  | { type: 'batch'; results: number[]; stats: WorkerStats }
  | { type: 'done'; stats: WorkerStats; srtt: Array<number | null> }
  | { type: 'error'; message: string };
