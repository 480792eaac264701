import net from 'node:net';
import type { Family, Protocol, SocketState } from '../../../../shared/contract/sockets';
import type { CaptureParse, CapturedSocket } from '../../capture/types';
import { normaliseAddress, parsePort, splitLines, tokensWithOffsets, WarningTally } from '../../capture/text';

const STATES: Record<string, SocketState> = {
  LISTEN: 'LISTEN',
  ESTABLISHED: 'ESTABLISHED',
  SYN_SENT: 'SYN_SENT',
  SYN_RCVD: 'SYN_RECV',
  FIN_WAIT_1: 'FIN_WAIT1',
  FIN_WAIT_2: 'FIN_WAIT2',
  CLOSE_WAIT: 'CLOSE_WAIT',
  CLOSING: 'CLOSING',
  LAST_ACK: 'LAST_ACK',
  TIME_WAIT: 'TIME_WAIT',
  CLOSED: 'CLOSE',
};

/** Column names from a header line; the two-word address headings become one column each. */
export function darwinHeaderColumns(header: string): string[] {
  return header
    .replace(/Local Address/, 'local')
    .replace(/Foreign Address/, 'foreign')
    .trim()
    .split(/\s+/)
    .map((c) => c.toLowerCase());
}

interface Layout {
  columns: string[];
  /** The columns of a UDP row, which leaves `(state)` empty (computed once per header). */
  udpColumns: string[];
  /** Index of `process:pid` (macOS 26), whose value may hold spaces and colons, or -1. */
  processCol: number;
  stateCol: number;
}

function layoutOf(header: string): Layout {
  const columns = darwinHeaderColumns(header);
  const stateCol = columns.indexOf('(state)');
  return { columns, udpColumns: stateCol >= 0 ? columns.filter((_, k) => k !== stateCol) : columns, processCol: columns.indexOf('process:pid'), stateCol };
}

/** `192.168.1.2.443`, `*.80`, `::1.7679`, `fe80::1%lo0.5353`, `*.*`: the port follows the last dot. */
export function parseDarwinEndpoint(raw: string, protocol: Protocol, family: Family): { address: string; port: number; scopeId: string | null; resolved: boolean; suspect: boolean } | null {
  const dot = raw.lastIndexOf('.');
  if (dot < 0) return null;
  const port = parsePort(raw.slice(dot + 1), protocol);
  if (!port) return null;
  const a = normaliseAddress(raw.slice(0, dot), family);
  // An IPv6 address cut to the column width ("2600:1700:bab0:d") is not an address at all.
  const suspect = a.suspect || (a.address.includes(':') && net.isIP(a.address) === 0);
  return { address: a.address, port: port.port, scopeId: a.scopeId, resolved: a.resolved || port.resolved, suspect };
}

/**
 * macOS `netstat -an[v] [-p tcp|udp]`, `-A`, `-b`, of every release, read by its header: the
 * columns moved between releases (pid/epid on 10.14–14, rxbytes/txbytes inserted on 15, one
 * `process:pid` column on 26), and counting columns is how other parsers got wrong pids. Values
 * are taken from the left up to `process:pid` and from the right after it, so a name with spaces
 * or colons ("Google Drive:1341") stays whole. UDP rows leave `(state)` empty.
 */
export function parseDarwinNetstat(text: string): CaptureParse {
  const sockets: CapturedSocket[] = [];
  const tally = new WarningTally();
  const lines = splitLines(text);
  let layout: Layout | null = null;
  let inInternet = true;
  let stoppedAt: CaptureParse['stoppedAt'];
  let resolved = 0;
  let suspect = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    if (/^Active /.test(line) || /^Registered /.test(line)) {
      inInternet = /^Active Internet connections/.test(line);
      continue;
    }
    if (/^(Socket\s+Flowhash\s+)?Proto\s/.test(line.trimStart())) {
      layout = inInternet ? layoutOf(line) : null;
      continue;
    }
    if (!inInternet || !layout) continue;
    const toks = tokensWithOffsets(line);
    const first = toks[layout.columns.indexOf('proto')]?.text ?? '';
    const pm = /^(tcp|udp)(4|6|46)?$/.exec(first);
    if (!pm) {
      if (!/^(Socket|Proto)/.test(line)) tally.add('skipped a line that is not a tcp/udp row', String(i + 1));
      continue;
    }
    const protocol = pm[1] as Protocol;
    const family: Family = pm[2] === '4' ? 4 : 6;
    // UDP rows print nothing under (state): the columns after it shift one to the left.
    const cols = protocol === 'udp' ? layout.udpColumns : layout.columns;
    const processCol = cols.indexOf('process:pid');
    const values = new Map<string, string>();
    if (processCol >= 0) {
      const after = cols.length - processCol - 1;
      if (toks.length < processCol + after + 1) {
        if (isLast(lines, i)) stoppedAt = { line: i + 1, reason: 'the last row is cut off' };
        else tally.add('skipped a row with fewer values than the header has columns', String(i + 1));
        continue;
      }
      for (let k = 0; k < processCol; k++) values.set(cols[k]!, toks[k]!.text);
      for (let k = 0; k < after; k++) values.set(cols[cols.length - 1 - k]!, toks[toks.length - 1 - k]!.text);
      const from = toks[processCol]!.start;
      const to = toks[toks.length - after - 1]!.end;
      values.set('process:pid', line.slice(from, to));
    } else {
      const need = Math.min(cols.length, cols.indexOf('pid') >= 0 ? cols.indexOf('pid') + 1 : cols.indexOf('foreign') + 1);
      if (toks.length < need) {
        if (isLast(lines, i)) stoppedAt = { line: i + 1, reason: 'the last row is cut off' };
        else tally.add('skipped a row with fewer values than the header has columns', String(i + 1));
        continue;
      }
      for (let k = 0; k < cols.length && k < toks.length; k++) values.set(cols[k]!, toks[k]!.text);
    }
    const local = parseDarwinEndpoint(values.get('local') ?? '', protocol, family);
    const remote = parseDarwinEndpoint(values.get('foreign') ?? '', protocol, family);
    if (!local || !remote) {
      tally.add('skipped a row whose addresses could not be read (names cut short by the column width: run netstat -anv, numeric)', String(i + 1));
      continue;
    }
    let state: SocketState;
    if (protocol === 'udp') state = remote.port === 0 && (remote.address === '0.0.0.0' || remote.address === '::') ? 'UNCONN' : 'ESTABLISHED';
    else {
      const word = values.get('(state)') ?? '';
      const known = STATES[word];
      if (!known) {
        tally.add(`skipped a row with an unknown state "${word.slice(0, 20)}"`, String(i + 1));
        continue;
      }
      state = known;
    }
    let pid: number | null = null;
    let processName: string | null = null;
    const pp = values.get('process:pid');
    if (pp !== undefined) {
      const colon = pp.lastIndexOf(':');
      if (colon > 0 && /^\d+$/.test(pp.slice(colon + 1))) {
        pid = Number(pp.slice(colon + 1));
        processName = pp.slice(0, colon);
      }
    } else if (/^\d+$/.test(values.get('pid') ?? '')) pid = Number(values.get('pid'));
    if (local.resolved || remote.resolved) resolved++;
    if (local.suspect || remote.suspect) suspect++;
    const row: CapturedSocket = {
      protocol,
      family,
      localAddress: local.address,
      localPort: local.port,
      remoteAddress: remote.address,
      remotePort: remote.port,
      state,
      scopeId: local.scopeId ?? remote.scopeId,
      pid: pid !== null && pid > 0 ? pid : null,
      processName,
    };
    if (pm[2] === '46') row.dualStack = true;
    const rx = values.get('rxbytes');
    const tx = values.get('txbytes');
    if (rx && /^\d+$/.test(rx)) row.rxBytes = Number(rx);
    if (tx && /^\d+$/.test(tx)) row.txBytes = Number(tx);
    sockets.push(row);
  }
  if (resolved > 0) tally.add(`${resolved} row(s) show host or service names instead of numbers (netstat without -n); names were kept as printed`);
  if (suspect > 0) tally.add(`${suspect} row(s) hold addresses cut short by netstat's column width (run netstat -anvW for whole addresses); their addresses and ports may be wrong`);
  const out: CaptureParse = { sockets, warnings: tally.lines() };
  if (stoppedAt) out.stoppedAt = stoppedAt;
  return out;
}

function isLast(lines: string[], i: number): boolean {
  for (let j = i + 1; j < lines.length; j++) if (lines[j]!.trim() !== '') return false;
  return true;
}
