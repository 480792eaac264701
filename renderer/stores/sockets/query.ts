import type { SocketRow } from '../../../shared/contract';
import { totalRate } from '../../format/traffic';
import { isUnidentified, matchesSearch, parseSearch, type ProcessLookup } from './search';
import type { LiveRow } from './table';

export { parseSearch, matchesSearch } from './search';

export interface RowFilter {
  search: string;
  // 'any' means no filter ('all' is an exposure value: bound to all interfaces).
  protocol: 'any' | 'tcp' | 'udp';
  /** Listening table: who can reach it. */
  exposure: 'any' | SocketRow['exposure'];
  /** Connections table: one state, any, or everything but TIME_WAIT (the kernel's leftovers). */
  state: 'any' | 'no-time-wait' | SocketRow['state'];
  /** Only sockets no visible process holds (CurrPorts' "unidentified applications"). */
  unidentified: boolean;
}

export const DEFAULT_FILTER: RowFilter = { search: '', protocol: 'any', exposure: 'any', state: 'any', unidentified: false };

export function isFiltering(filter: RowFilter): boolean {
  return parseSearch(filter.search).length > 0 || filter.protocol !== 'any' || filter.exposure !== 'any' || filter.state !== 'any' || filter.unidentified;
}

/** `processes` lets the search find a row by its owner's command line and user. */
export function filterRows(rows: readonly LiveRow[], filter: RowFilter, processes?: ProcessLookup): LiveRow[] {
  const terms = parseSearch(filter.search);
  if (terms.length === 0 && filter.protocol === 'any' && filter.exposure === 'any' && filter.state === 'any' && !filter.unidentified) return rows as LiveRow[];
  return rows.filter(({ row }) => {
    if (filter.unidentified && !isUnidentified(row)) return false;
    if (filter.protocol !== 'any' && row.protocol !== filter.protocol) return false;
    if (filter.exposure !== 'any' && row.exposure !== filter.exposure) return false;
    if (filter.state === 'no-time-wait') {
      if (row.state === 'TIME_WAIT') return false;
    } else if (filter.state !== 'any' && row.state !== filter.state) return false;
    return terms.length === 0 || matchesSearch(row, terms, processes);
  });
}

export type SortKey = 'protocol' | 'local' | 'localPort' | 'remote' | 'state' | 'service' | 'exposure' | 'risk' | 'process' | 'pid' | 'user' | 'sent' | 'received' | 'rate' | 'rtt';
export interface SortSpec {
  key: SortKey;
  dir: 'asc' | 'desc';
}

const SEVERITY = { danger: 3, warning: 2, info: 1 } as const;

function riskRank(row: SocketRow): number {
  let max = 0;
  for (const r of row.risks) max = Math.max(max, SEVERITY[r.severity]);
  return max;
}

/** Addresses sort by family, then numerically where it is cheap (IPv4), else as text. */
function addressKey(address: string): string {
  const parts = address.split('.');
  if (parts.length === 4) return `4${parts.map((p) => p.padStart(3, '0')).join('.')}`;
  return `6${address}`;
}

/** null: no value (UDP, listeners…): such rows sort last whichever the direction. */
type SortValue = string | number | null;

function sortValue(row: SocketRow, key: SortKey): SortValue {
  switch (key) {
    case 'protocol':
      return row.protocol + row.family;
    case 'local':
      return `${addressKey(row.localAddress)}#${String(row.localPort).padStart(5, '0')}`;
    case 'localPort':
      return row.localPort;
    case 'remote':
      return `${addressKey(row.remoteAddress)}#${String(row.remotePort).padStart(5, '0')}`;
    case 'state':
      return row.state;
    case 'service':
      return row.service ?? '\uffff';
    case 'exposure':
      return row.exposure;
    case 'risk':
      return riskRank(row);
    case 'process':
      return (row.processName ?? '\uffff').toLowerCase();
    case 'pid':
      return row.pid ?? Number.MAX_SAFE_INTEGER;
    case 'user':
      return row.user ?? '\uffff';
    case 'sent':
      return row.bytesSent;
    case 'received':
      return row.bytesReceived;
    case 'rate':
      return totalRate(row);
    case 'rtt':
      return row.rttMs;
  }
}

// Rows are immutable and reused across ticks: each one's sort key is computed once per column.
const keyCaches = new Map<SortKey, WeakMap<SocketRow, SortValue>>();

function cachedSortValue(row: SocketRow, key: SortKey): SortValue {
  let cache = keyCaches.get(key);
  if (!cache) keyCaches.set(key, (cache = new WeakMap()));
  let v = cache.get(row);
  if (v === undefined) cache.set(row, (v = sortValue(row, key)));
  return v;
}

/** Stable, cheap sort: keys cached per row, so a tick re-sorts 10,000 rows in a few milliseconds. */
export function sortRows(rows: readonly LiveRow[], spec: SortSpec): LiveRow[] {
  const keyed = rows.map((live, i) => ({ live, k: cachedSortValue(live.row, spec.key), i }));
  const sign = spec.dir === 'asc' ? 1 : -1;
  keyed.sort((a, b) => {
    if (a.k === null || b.k === null) {
      if (a.k !== b.k) return a.k === null ? 1 : -1;
    } else if (a.k < b.k) return -sign;
    else if (a.k > b.k) return sign;
    // Ties fall back to the local port, then arrival order, so equal rows do not jump about.
    return a.live.row.localPort - b.live.row.localPort || a.i - b.i;
  });
  return keyed.map((x) => x.live);
}
