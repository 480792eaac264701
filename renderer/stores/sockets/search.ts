import type { ProcessInfo, SocketRow } from '../../../shared/contract';
import { exposureLabel, localAddressLabel, localEndpoint, processLabel, protocolLabel, remoteEndpoint } from '../../format/socket';
import type { UiKey } from '../../i18n/catalogs';
import { plainT, type Tr } from '../../i18n/plain';
import { isListening } from './table';

/**
 * The search box. Whitespace-separated terms, all of which must match; `-` in front negates one.
 * - a bare number (`443`, `:443`) is a local or remote port or a pid, exactly;
 * - `field:value` qualifiers narrow one field (see QUALIFIERS);
 * - anything else is a substring of what the row shows (labels such as "this machine" or
 *   "TCPv6", the service's description), its owner's command line and user, case-insensitively.
 * Values with spaces go in quotes: `proc:"my app"`.
 */
export type Qualifier = 'port' | 'pid' | 'proc' | 'state' | 'user' | 'exposure' | 'proto' | 'owner';

export interface SearchTerm {
  kind: 'number' | 'text' | Qualifier;
  value: string;
  num: number;
  negate: boolean;
}

/** What the help popover lists: one example each. */
export const QUALIFIERS = [
  { key: 'port', example: 'port:443', means: 'ui.dashboard.search.q.port' },
  { key: 'pid', example: 'pid:1234', means: 'ui.dashboard.search.q.pid' },
  { key: 'proc', example: 'proc:nginx', means: 'ui.dashboard.search.q.proc' },
  { key: 'state', example: 'state:listen', means: 'ui.dashboard.search.q.state' },
  { key: 'user', example: 'user:root', means: 'ui.dashboard.search.q.user' },
  { key: 'exposure', example: 'exposure:all', means: 'ui.dashboard.search.q.exposure' },
  { key: 'proto', example: 'proto:udp', means: 'ui.dashboard.search.q.proto' },
  { key: 'owner', example: 'owner:unknown', means: 'ui.dashboard.search.q.owner' },
] as const satisfies ReadonlyArray<{ key: Qualifier; example: string; means: UiKey }>;

const QUALIFIER_NAMES = new Set<string>(QUALIFIERS.map((q) => q.key));
const ALIASES: Record<string, Qualifier> = { process: 'proc', protocol: 'proto' };

/** Splits on whitespace, keeping "quoted values" (with their qualifier) together. */
function tokens(query: string): string[] {
  return query.match(/(?:[^\s"]+|"[^"]*"?)+/g) ?? [];
}

export function parseSearch(query: string): SearchTerm[] {
  const out: SearchTerm[] = [];
  for (let raw of tokens(query.toLowerCase())) {
    let negate = false;
    if (raw.length > 1 && raw.startsWith('-')) {
      negate = true;
      raw = raw.slice(1);
    }
    const colon = raw.indexOf(':');
    const name = colon > 0 ? raw.slice(0, colon) : '';
    const field = ALIASES[name] ?? (QUALIFIER_NAMES.has(name) ? (name as Qualifier) : null);
    if (field) {
      const value = raw.slice(colon + 1).replace(/"/g, '');
      // `port:` with nothing after it yet (still typing) filters nothing.
      if (value) out.push({ kind: field, value, num: Number(value), negate });
      continue;
    }
    const t = raw.replace(/"/g, '').replace(/^:/, '');
    if (!t) continue;
    out.push(/^\d{1,7}$/.test(t) ? { kind: 'number', value: t, num: Number(t), negate } : { kind: 'text', value: t, num: Number.NaN, negate });
  }
  return out;
}

/** No visible process holds the socket (CurrPorts' "unidentified applications"); kernel-held TIME_WAIT rows are not that. */
export function isUnidentified(row: SocketRow): boolean {
  return row.pid === null && row.ownerStatus !== 'time-wait' && row.ownerStatus !== 'orphaned';
}

export type ProcessLookup = ReadonlyMap<number, ProcessInfo>;

// Rows are immutable and reused across ticks, so the text is built once per row (and again only
// when its owner's details arrive later).
let haystacks = new WeakMap<SocketRow, { process: ProcessInfo | undefined; text: string }>();

const english = plainT('en');
/** The language the tables are shown in, besides English: words match what the screen says. */
let shown: Tr | null = null;

/** The search also finds the labels in this language (German "dieser Rechner" as well as "this machine"). */
export function setSearchLanguage(t: Tr | null): void {
  if (t === shown) return;
  shown = t;
  haystacks = new WeakMap();
}

/** Everything the tables and the panel show for the row, lower-cased. */
function haystack(row: SocketRow, processes: ProcessLookup | undefined): string {
  const process = row.pid !== null ? processes?.get(row.pid) : undefined;
  const hit = haystacks.get(row);
  if (hit && hit.process === process) return hit.text;
  const text = [
    protocolLabel(row),
    localAddressLabel(row),
    localEndpoint(row),
    remoteEndpoint(row),
    row.state,
    row.service ?? '',
    row.serviceDescription ?? '',
    exposureLabel(english, row.exposure),
    processLabel(row, english),
    ...(shown ? [exposureLabel(shown, row.exposure), processLabel(row, shown)] : []),
    row.user ?? '',
    ...row.risks.map((r) => r.message),
    process?.commandLine ?? '',
    process?.exe ?? '',
    process?.user ?? '',
    process?.unit ?? '',
  ]
    .join('\u0000')
    .toLowerCase();
  haystacks.set(row, { process, text });
  return text;
}

const letters = (s: string) => s.replace(/[^a-z0-9]/g, '');

function inRange(value: string, n: number): boolean {
  const range = /^(\d+)-(\d+)$/.exec(value);
  return range ? n >= Number(range[1]) && n <= Number(range[2]) : n === Number(value);
}

function matchesTerm(row: SocketRow, term: SearchTerm, processes: ProcessLookup | undefined): boolean {
  switch (term.kind) {
    case 'number':
      // Exact, as port filters in TCPView and CurrPorts are: 443 must not also find 4431.
      return row.localPort === term.num || row.remotePort === term.num || row.pids.includes(term.num);
    case 'text':
      return haystack(row, processes).includes(term.value);
    case 'port':
      return inRange(term.value, row.localPort) || (row.remotePort !== 0 && inRange(term.value, row.remotePort));
    case 'pid':
      return row.pids.includes(term.num);
    case 'proc':
      return (row.processName ?? '').toLowerCase().includes(term.value);
    case 'user': {
      const user = row.user ?? (row.pid !== null ? processes?.get(row.pid)?.user : null) ?? '';
      return user.toLowerCase().includes(term.value);
    }
    case 'state': {
      const want = letters(term.value);
      // The listening table shows UDP servers (UNCONN) as listening too.
      if ('listen'.startsWith(want) || want.startsWith('listen')) return isListening(row);
      return letters(row.state.toLowerCase()).startsWith(want);
    }
    case 'exposure': {
      const want = letters(term.value);
      return row.exposure.startsWith(want) || letters(exposureLabel(english, row.exposure).toLowerCase()).startsWith(want);
    }
    case 'proto': {
      // `tcp` is TCP over either family; `tcp6`, `tcpv6` and `tcp4` name one.
      const want = letters(term.value);
      return want === row.protocol || want === `${row.protocol}${row.family}` || want === `${row.protocol}v${row.family}`;
    }
    case 'owner':
      if ('unknown'.startsWith(term.value) || term.value === 'unidentified') return isUnidentified(row);
      if ('kernel'.startsWith(term.value)) return row.ownerStatus === 'time-wait' || row.ownerStatus === 'orphaned';
      if ('known'.startsWith(term.value)) return row.pid !== null;
      return false;
  }
}

export function matchesSearch(row: SocketRow, terms: readonly SearchTerm[], processes?: ProcessLookup): boolean {
  for (const term of terms) if (matchesTerm(row, term, processes) === term.negate) return false;
  return true;
}
