import type { SocketRow, TrafficUnavailable } from '../../shared/contract';
import { formatBytes, formatRate, formatRtt } from './bytes';

/** Why a row shows "—" instead of counters: the tooltip on those cells and the panel's note. */
export const TRAFFIC_UNAVAILABLE_TEXT: Record<TrafficUnavailable, string> = {
  'udp-not-counted': 'UDP: the kernel keeps no per-socket byte counts.',
  listener: 'A listening socket moves no data itself; its connections do.',
  'time-wait': 'TIME_WAIT: the kernel keeps only a stub of the closed connection, without counters.',
  'needs-elevation': 'The OS gives per-connection counters to administrators only: run Portscope elevated.',
  'not-collected': 'Not collected here: this reader cannot get the counters on this system.',
  'not-supported': 'The source of this table has no byte counters.',
};

export const NO_VALUE = '—';

/** The reason for a missing value, for a title attribute; a generic one when the row gives none. */
export function trafficReason(row: SocketRow, what = 'counters'): string {
  if (row.trafficUnavailable) return TRAFFIC_UNAVAILABLE_TEXT[row.trafficUnavailable];
  return what === 'rate' ? 'No rate yet: it needs two refreshes of this socket.' : `The OS gave no ${what} for this socket.`;
}

/** Send + receive rate, or null when neither is known: the "rate" sort key and the top-talker measure. */
export function totalRate(row: SocketRow): number | null {
  if (row.sendRate === null && row.receiveRate === null) return null;
  return (row.sendRate ?? 0) + (row.receiveRate ?? 0);
}

export function bytesText(n: number | null): string {
  return n === null ? NO_VALUE : formatBytes(n);
}

/** "↑ 1.20 MiB/s ↓ 30.0 KiB/s" (send first, as upload/download arrows read). */
export function ratesText(row: Pick<SocketRow, 'sendRate' | 'receiveRate'>): string {
  if (row.sendRate === null && row.receiveRate === null) return NO_VALUE;
  return `↑ ${formatRate(row.sendRate ?? 0)} ↓ ${formatRate(row.receiveRate ?? 0)}`;
}

export function rttText(ms: number | null): string {
  return ms === null ? NO_VALUE : formatRtt(ms);
}
