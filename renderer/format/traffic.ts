import type { SocketRow, TrafficUnavailable } from '../../shared/contract';
import { currentLang } from '../i18n/current';
import { plainT, type Tr } from '../i18n/plain';
import { formatBytes, formatRate, formatRtt } from './bytes';

/** Why a row shows "—" instead of counters: the tooltip on those cells and the panel's note. */
const TRAFFIC_UNAVAILABLE_TEXT = {
  'udp-not-counted': 'ui.traffic.unavailable.udp',
  listener: 'ui.traffic.unavailable.listener',
  'time-wait': 'ui.traffic.unavailable.timeWait',
  'needs-elevation': 'ui.traffic.unavailable.needsElevation',
  'not-collected': 'ui.traffic.unavailable.notCollected',
  'not-supported': 'ui.traffic.unavailable.notSupported',
} as const satisfies Record<TrafficUnavailable, string>;

const NO_FIGURE = {
  counters: 'ui.traffic.noCounters',
  rate: 'ui.traffic.noRate',
  rtt: 'ui.traffic.noRtt',
} as const;

export const NO_VALUE = '—';

/** The reason for a missing value, for a title attribute; a generic one when the row gives none. */
export function trafficReason(row: SocketRow, what: keyof typeof NO_FIGURE = 'counters', t: Tr = plainT(currentLang())): string {
  if (row.trafficUnavailable) return t(TRAFFIC_UNAVAILABLE_TEXT[row.trafficUnavailable]);
  return t(NO_FIGURE[what]);
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
