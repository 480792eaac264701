import type { SocketState } from '../../../shared/contract/sockets';
import { parseCsvLine } from '../platform/windows/tasklist';
import type { CaptureParse, CapturedSocket } from './types';
import { normaliseAddress, splitLines, WarningTally } from './text';

/**
 * MSFT_NetTCPConnection's State, as ConvertTo-Csv writes it (names) and ConvertTo-Json writes
 * it (the enum's numbers, unless -EnumsAsStrings): Closed 1, Listen 2, SynSent 3, SynReceived 4,
 * Established 5, FinWait1 6, FinWait2 7, CloseWait 8, Closing 9, LastAck 10, TimeWait 11,
 * DeleteTCB 12, Bound 100.
 */
const BY_NAME: Record<string, SocketState> = {
  closed: 'CLOSE',
  listen: 'LISTEN',
  synsent: 'SYN_SENT',
  synreceived: 'SYN_RECV',
  established: 'ESTABLISHED',
  finwait1: 'FIN_WAIT1',
  finwait2: 'FIN_WAIT2',
  closewait: 'CLOSE_WAIT',
  closing: 'CLOSING',
  lastack: 'LAST_ACK',
  timewait: 'TIME_WAIT',
  deletetcb: 'CLOSE',
  bound: 'CLOSE',
};
const BY_NUMBER: Record<number, string> = { 1: 'closed', 2: 'listen', 3: 'synsent', 4: 'synreceived', 5: 'established', 6: 'finwait1', 7: 'finwait2', 8: 'closewait', 9: 'closing', 10: 'lastack', 11: 'timewait', 12: 'deletetcb', 100: 'bound' };

type Record_ = Record<string, unknown>;

function toRow(rec: Record_, tally: WarningTally, where: string): CapturedSocket | null {
  const get = (k: string): unknown => rec[k] ?? rec[k.toLowerCase()];
  const localAddress = String(get('LocalAddress') ?? '');
  const localPort = Number(get('LocalPort'));
  const udp = get('RemoteAddress') === undefined && get('State') === undefined; // Get-NetUDPEndpoint
  const remoteAddress = String(get('RemoteAddress') ?? (localAddress.includes(':') ? '::' : '0.0.0.0'));
  const remotePort = Number(get('RemotePort') ?? 0);
  if (!localAddress || !Number.isInteger(localPort) || localPort < 0 || localPort > 65535 || !Number.isInteger(remotePort)) {
    tally.add('skipped an entry without a local address and port', where);
    return null;
  }
  let state: SocketState;
  if (udp) state = 'UNCONN';
  else {
    const raw = get('State');
    const name = typeof raw === 'number' ? BY_NUMBER[raw] : String(raw ?? '').toLowerCase();
    const known = name ? BY_NAME[name] : undefined;
    if (!known) {
      tally.add(`skipped an entry with an unknown State "${String(raw).slice(0, 20)}"`, where);
      return null;
    }
    state = known;
  }
  const local = normaliseAddress(localAddress, null);
  const remote = normaliseAddress(remoteAddress, local.family);
  const pidRaw = Number(get('OwningProcess'));
  return {
    protocol: udp ? 'udp' : 'tcp',
    family: local.family,
    localAddress: local.address,
    localPort,
    remoteAddress: remote.address,
    remotePort,
    state,
    scopeId: local.scopeId ?? remote.scopeId,
    pid: Number.isInteger(pidRaw) && pidRaw > 0 ? pidRaw : null,
    processName: pidRaw === 4 ? 'System' : null,
  };
}

/**
 * `Get-NetTCPConnection | ConvertTo-Json` (one object or an array; Get-NetUDPEndpoint too).
 * Property names follow MSFT_NetTCPConnection: LocalAddress, LocalPort, RemoteAddress,
 * RemotePort, State, OwningProcess.
 */
export function parseNetTcpConnectionJson(text: string): CaptureParse {
  const tally = new WarningTally();
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { sockets: [], warnings: [], stoppedAt: { line: 1, reason: `the JSON is incomplete or broken: ${err instanceof Error ? err.message : String(err)}` } };
  }
  const list = Array.isArray(data) ? data : [data];
  const sockets: CapturedSocket[] = [];
  list.forEach((rec, k) => {
    if (typeof rec !== 'object' || rec === null) {
      tally.add('skipped an entry that is not an object', `entry ${k + 1}`);
      return;
    }
    const row = toRow(rec as Record_, tally, `entry ${k + 1}`);
    if (row) sockets.push(row);
  });
  return { sockets, warnings: tally.lines() };
}

/** `Get-NetTCPConnection | ConvertTo-Csv [-NoTypeInformation]`: a `#TYPE` line, headings, rows. */
export function parseNetTcpConnectionCsv(text: string): CaptureParse {
  const tally = new WarningTally();
  const sockets: CapturedSocket[] = [];
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  let headings: string[] | null = null;
  let stoppedAt: CaptureParse['stoppedAt'];
  const lastLine = lines.reduce((last, l, i) => (l.trim() !== '' ? i : last), -1);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.startsWith('#TYPE')) continue;
    const f = parseCsvLine(line);
    if (!f) {
      if (i === lastLine) stoppedAt = { line: i + 1, reason: 'the last CSV line is cut off' };
      else tally.add('skipped a malformed CSV line', String(i + 1));
      continue;
    }
    if (!headings) {
      headings = f;
      continue;
    }
    if (f.length < headings.length && i === lastLine) {
      stoppedAt = { line: i + 1, reason: 'the last CSV line is cut off' };
      continue;
    }
    const rec: Record_ = {};
    headings.forEach((h, k) => (rec[h] = f[k]));
    const row = toRow(rec, tally, String(i + 1));
    if (row) sockets.push(row);
  }
  const out: CaptureParse = { sockets, warnings: tally.lines() };
  if (stoppedAt) out.stoppedAt = stoppedAt;
  return out;
}
