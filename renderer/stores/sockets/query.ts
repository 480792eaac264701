import type { SocketRow } from '../../../shared/contract';
import { formatEndpoint } from '../../../shared/net/address';
import type { LiveRow } from './table';

/**
 * The search box: whitespace-separated terms, all of which must match. A number matches a local
 * or remote port or a pid exactly (`:443` works too); anything else (`127.0.0`, `nginx`,
 * `established`) matches a substring of the
 * process, user, addresses, endpoints, state, service or protocol, case-insensitively.
 */
export interface SearchTerm {
  kind: 'number' | 'text';
  value: string;
  num: number;
}

export function parseSearch(query: string): SearchTerm[] {
  return query
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((raw) => {
      const t = raw.replace(/^:/, '');
      return /^\d{1,7}$/.test(t) ? { kind: 'number', value: t, num: Number(t) } : { kind: 'text', value: raw, num: Number.NaN };
    });
}

// Rows are immutable and reused across ticks, so the lowercase text is computed once per row.
const haystacks = new WeakMap<SocketRow, string>();

function haystack(row: SocketRow): string {
  let h = haystacks.get(row);
  if (h === undefined) {
    h = [
      row.processName ?? '',
      row.user ?? '',
      formatEndpoint(row.localAddress, row.localPort, row.scopeId),
      formatEndpoint(row.remoteAddress, row.remotePort),
      row.state,
      row.service ?? '',
      row.protocol + row.family,
      row.exposure,
    ]
      .join('\u0000')
      .toLowerCase();
    haystacks.set(row, h);
  }
  return h;
}

export function matchesSearch(row: SocketRow, terms: readonly SearchTerm[]): boolean {
  for (const term of terms) {
    if (term.kind === 'number') {
      // Exact, as port filters in TCPView and CurrPorts are: 443 must not also find 4431.
      if (row.localPort !== term.num && row.remotePort !== term.num && !row.pids.includes(term.num)) return false;
    } else if (!haystack(row).includes(term.value)) {
      return false;
    }
  }
  return true;
}

export interface RowFilter {
  search: string;
  // 'any' means no filter ('all' is an exposure value: bound to all interfaces).
  protocol: 'any' | 'tcp' | 'udp';
  /** Listening table: who can reach it. */
  exposure: 'any' | SocketRow['exposure'];
  /** Connections table: one state, any, or everything but TIME_WAIT (the kernel's leftovers). */
  state: 'any' | 'no-time-wait' | SocketRow['state'];
}

export const DEFAULT_FILTER: RowFilter = { search: '', protocol: 'any', exposure: 'any', state: 'any' };

export function filterRows(rows: readonly LiveRow[], filter: RowFilter): LiveRow[] {
  const terms = parseSearch(filter.search);
  if (terms.length === 0 && filter.protocol === 'any' && filter.exposure === 'any' && filter.state === 'any') return rows as LiveRow[];
  return rows.filter(({ row }) => {
    if (filter.protocol !== 'any' && row.protocol !== filter.protocol) return false;
    if (filter.exposure !== 'any' && row.exposure !== filter.exposure) return false;
    if (filter.state === 'no-time-wait') {
      if (row.state === 'TIME_WAIT') return false;
    } else if (filter.state !== 'any' && row.state !== filter.state) return false;
    return terms.length === 0 || matchesSearch(row, terms);
  });
}

export type SortKey = 'protocol' | 'local' | 'localPort' | 'remote' | 'state' | 'service' | 'exposure' | 'risk' | 'process' | 'pid' | 'user';
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

function sortValue(row: SocketRow, key: SortKey): string | number {
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
  }
}

// Rows are immutable and reused across ticks: each one's sort key is computed once per column.
const keyCaches = new Map<SortKey, WeakMap<SocketRow, string | number>>();

function cachedSortValue(row: SocketRow, key: SortKey): string | number {
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
    if (a.k < b.k) return -sign;
    if (a.k > b.k) return sign;
    // Ties fall back to the local port, then arrival order, so equal rows do not jump about.
    return a.live.row.localPort - b.live.row.localPort || a.i - b.i;
  });
  return keyed.map((x) => x.live);
}
