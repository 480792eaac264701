import type { SocketState } from '../../../../shared/contract/sockets';
import type { CaptureParse, CapturedSocket } from '../../capture/types';
import { parseColonEndpoint, splitLines, WarningTally } from '../../capture/text';

/**
 * Windows state words, English and as localized builds print them. Most localized Windows
 * versions keep the English words (fr, es, ru, zh captures do); German translates them. A
 * listener never depends on this table: it is told by its remote address (below).
 */
const STATE_WORDS: Record<string, SocketState> = {
  LISTENING: 'LISTEN',
  LISTEN: 'LISTEN',
  ESTABLISHED: 'ESTABLISHED',
  SYN_SENT: 'SYN_SENT',
  SYN_RECEIVED: 'SYN_RECV',
  SYN_RCVD: 'SYN_RECV',
  FIN_WAIT_1: 'FIN_WAIT1',
  FIN_WAIT_2: 'FIN_WAIT2',
  CLOSE_WAIT: 'CLOSE_WAIT',
  CLOSING: 'CLOSING',
  LAST_ACK: 'LAST_ACK',
  TIME_WAIT: 'TIME_WAIT',
  CLOSED: 'CLOSE',
  DELETE_TCB: 'CLOSE',
  BOUND: 'CLOSE',
  // German (de-DE)
  'ABHÖREN': 'LISTEN',
  HERGESTELLT: 'ESTABLISHED',
  WARTEND: 'TIME_WAIT',
  SYN_GESENDET: 'SYN_SENT',
  SYN_EMPFANGEN: 'SYN_RECV',
  FIN_WARTEN_1: 'FIN_WAIT1',
  FIN_WARTEN_2: 'FIN_WAIT2',
  SCHLIESSEN_WARTEN: 'CLOSE_WAIT',
  'SCHLIEẞEN_WARTEN': 'CLOSE_WAIT',
  SCHLIESSEND: 'CLOSING',
  LETZTES_ACK: 'LAST_ACK',
  GESCHLOSSEN: 'CLOSE',
  GEBUNDEN: 'CLOSE',
  // Older Spanish, Portuguese, Italian, Polish, French and Russian builds
  ESCUCHANDO: 'LISTEN',
  ESTABLECIDO: 'ESTABLISHED',
  ESTABLECIDA: 'ESTABLISHED',
  OUVINDO: 'LISTEN',
  ESTABELECIDA: 'ESTABLISHED',
  'IN ASCOLTO': 'LISTEN',
  STABILITA: 'ESTABLISHED',
  NASŁUCHIWANIE: 'LISTEN',
  USTANOWIONE: 'ESTABLISHED',
  'ÉCOUTE': 'LISTEN',
  'ÉTABLIE': 'ESTABLISHED',
  'ПРОСЛУШИВАНИЕ': 'LISTEN',
  'УСТАНОВЛЕНО': 'ESTABLISHED',
  'ОЖИДАНИЕ': 'TIME_WAIT',
};

/** The line netstat -b prints when it may not read an owner (English, French, German). */
const NO_OWNER = /^(Can not obtain ownership information|Impossible d.obtenir les informations de propriétaire|Besitzerinformationen können nicht abgerufen werden)/i;

const ANY_REMOTE = new Set(['0.0.0.0:0', '[::]:0', '*:*', '0.0.0.0:*', '[::]:*']);

/**
 * `netstat -ano` / `-an` / `-anb` / `-aon | findstr` from Windows in any display language.
 * Rows are told by their first word (TCP/UDP) and read as words, not by header columns: the
 * localized headers do not line up with the data (es-ES), and some builds omit the PID heading
 * although they print the column (fr-FR). Headers and titles are skipped whatever their language.
 */
export function parseWindowsNetstat(text: string): CaptureParse {
  const sockets: CapturedSocket[] = [];
  const tally = new WarningTally();
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  let lastRow: CapturedSocket | null = null; // the row that -b owner lines below belong to
  let service: string | null = null; // -b: the service line above the [exe] line
  let resolved = 0;
  let stoppedAt: CaptureParse['stoppedAt'];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const words = line.split(/\s+/);
    const proto = words[0]!.toUpperCase();
    if (proto !== 'TCP' && proto !== 'UDP') {
      if (lastRow) service = attachOwnerLine(line, lastRow, service);
      continue;
    }
    const protocol = proto === 'TCP' ? 'tcp' : 'udp';
    const local = words[1] ? parseColonEndpoint(words[1], protocol) : null;
    const remote = words[2] ? parseColonEndpoint(words[2], protocol) : null;
    if (!local || !remote) {
      if (isLastContent(lines, i)) stoppedAt = { line: i + 1, reason: `the last row is incomplete: "${line.slice(0, 80)}"` };
      else tally.add('skipped a row that is not "proto local remote [state] [pid]"', String(i + 1));
      continue;
    }
    const rest = words.slice(3);
    let pid: number | null = null;
    if (rest.length > 0 && /^\d+$/.test(rest[rest.length - 1]!)) pid = Number(rest.pop());
    const word = rest.join(' ');
    let state: SocketState;
    const listening = ANY_REMOTE.has(words[2]!);
    if (protocol === 'udp') state = listening || remote.port === 0 ? 'UNCONN' : 'ESTABLISHED';
    else if (listening) state = 'LISTEN';
    else {
      const known = STATE_WORDS[word.toUpperCase()] ?? STATE_WORDS[word];
      if (known) state = known;
      else {
        tally.add(`unknown state word "${word.slice(0, 40)}" shown as ESTABLISHED`, String(i + 1));
        state = 'ESTABLISHED';
      }
    }
    if (protocol === 'tcp' && rest.length === 0 && isLastContent(lines, i)) {
      stoppedAt = { line: i + 1, reason: 'the last row has no state: the capture was cut off' };
      continue;
    }
    if (local.resolved || remote.resolved) resolved++;
    if (local.suspect || remote.suspect) tally.add('an address is neither an IP address nor a host name', String(i + 1));
    const family = local.address.includes(':') || remote.address.includes(':') ? 6 : 4;
    const row: CapturedSocket = {
      protocol,
      family,
      localAddress: local.address,
      localPort: local.port,
      remoteAddress: family === 6 && remote.address === '0.0.0.0' ? '::' : remote.address,
      remotePort: remote.port,
      state,
      scopeId: local.scopeId ?? remote.scopeId,
      // Pid 0 is the idle process: Windows shows it for TIME_WAIT and other kernel-held sockets.
      pid: pid !== null && pid > 0 ? pid : null,
      processName: pid === 4 ? 'System' : null,
    };
    sockets.push(row);
    lastRow = row;
    service = null;
  }
  if (resolved > 0) tally.add(`${resolved} row(s) show host or service names instead of numbers (netstat without -n); names were kept as printed and ports looked up by service name`);
  const out: CaptureParse = { sockets, warnings: tally.lines() };
  if (stoppedAt) out.stoppedAt = stoppedAt;
  return out;
}

function isLastContent(lines: string[], i: number): boolean {
  for (let j = i + 1; j < lines.length; j++) if (lines[j]!.trim() !== '') return false;
  return true;
}

/**
 * netstat -b prints the owner under each row: `[svchost.exe]`, optionally after the service it
 * hosts (`RpcSs`), or a sentence saying it may not. Returns the service seen so far.
 */
function attachOwnerLine(line: string, row: CapturedSocket, service: string | null): string | null {
  const exe = /^\[(.+)\]$/.exec(line);
  if (exe) {
    row.processName = service ? `${exe[1]} (${service})` : exe[1]!;
    return null;
  }
  if (NO_OWNER.test(line)) return null; // owner unknown: keep what the row has (System for pid 4)
  if (/^[\w.-]+$/.test(line)) return line;
  return service;
}
