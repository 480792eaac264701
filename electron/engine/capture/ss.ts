import type { Protocol, SocketState } from '../../../shared/contract/sockets';
import type { CaptureParse, CapturedProcess, CapturedSocket } from './types';
import { parseColonEndpoint, splitLines, WarningTally } from './text';

const STATES: Record<string, SocketState> = {
  LISTEN: 'LISTEN',
  ESTAB: 'ESTABLISHED',
  'SYN-SENT': 'SYN_SENT',
  'SYN-RECV': 'SYN_RECV',
  'FIN-WAIT-1': 'FIN_WAIT1',
  'FIN-WAIT-2': 'FIN_WAIT2',
  'TIME-WAIT': 'TIME_WAIT',
  CLOSED: 'CLOSE',
  'CLOSE-WAIT': 'CLOSE_WAIT',
  'LAST-ACK': 'LAST_ACK',
  CLOSING: 'CLOSING',
  UNCONN: 'UNCONN',
  'NEW-SYN-RECV': 'SYN_RECV',
};

/**
 * `users:(("nginx",pid=812,fd=6),("nginx",pid=813,fd=6))` (iproute2 ≥ 4.x) and the old
 * `users:(("sshd",1231,3))` (RHEL 6 era): every holder, in order.
 */
export function parseSsUsers(field: string): Array<{ name: string; pid: number; fd: number | null }> {
  const out: Array<{ name: string; pid: number; fd: number | null }> = [];
  const re = /\("((?:[^"\\]|\\.)*)",(?:pid=)?(\d+),(?:fd=)?(\d+)\)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(field))) out.push({ name: m[1]!, pid: Number(m[2]), fd: Number(m[3]) });
  return out;
}

/**
 * `ss` output: `-tanp`, `-tulnp`, `-tulpen`, `-a` (netlink and unix rows skipped), with or
 * without the Netid column (`ss -t` alone prints none; then UNCONN means UDP), numeric or with
 * names. Columns are read as words: Netid?, State, Recv-Q, Send-Q, local, peer, then the
 * extras (users:, uid:, ino:, sk:, cgroup:), which may hold spaces only inside quotes.
 */
export function parseSs(text: string): CaptureParse {
  const tally = new WarningTally();
  const sockets: CapturedSocket[] = [];
  const processes = new Map<number, CapturedProcess>();
  const lines = splitLines(text);
  let hasNetid: boolean | null = null;
  let resolved = 0;
  let stoppedAt: CaptureParse['stoppedAt'];
  const lastLine = lines.reduce((last, l, i) => (l.trim() !== '' ? i : last), -1);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    if (/^(Netid\s+)?State\s+Recv-Q/.test(line)) {
      hasNetid = line.startsWith('Netid');
      continue;
    }
    if (/^\s/.test(line)) continue; // -i / -m / -e continuation lines
    const words = line.split(/\s+/);
    const netidFirst = hasNetid ?? !(words[0]! in STATES);
    const netid = netidFirst ? words[0]! : null;
    const base = netidFirst ? 1 : 0;
    if (netid !== null && netid !== 'tcp' && netid !== 'udp') continue; // nl, u_str, raw, p_raw, …
    const stateWord = words[base] ?? '';
    const known = STATES[stateWord];
    if (!known || words.length < base + 5) {
      if (i === lastLine) stoppedAt = { line: i + 1, reason: 'the last row is cut off' };
      else tally.add('skipped a line that is not an ss socket row', String(i + 1));
      continue;
    }
    const protocol: Protocol = netid === 'udp' || (netid === null && known === 'UNCONN') ? 'udp' : 'tcp';
    const local = parseColonEndpoint(words[base + 3]!, protocol);
    const peer = parseColonEndpoint(words[base + 4]!, protocol);
    if (!local || !peer) {
      if (i === lastLine) stoppedAt = { line: i + 1, reason: 'the last row is cut off' };
      else tally.add('skipped a row whose addresses could not be read', String(i + 1));
      continue;
    }
    // ss prints UNCONN for a TCP socket in the kernel's CLOSE state.
    const state: SocketState = protocol === 'tcp' && known === 'UNCONN' ? 'CLOSE' : protocol === 'udp' && known !== 'UNCONN' ? 'ESTABLISHED' : known;
    const extras = words.slice(base + 5).join(' ');
    const users = parseSsUsers(extras);
    const uid = /\buid:(\d+)/.exec(extras);
    const ino = /\bino:(\d+)/.exec(extras);
    if (local.resolved || peer.resolved) resolved++;
    const family = local.address.includes(':') || peer.address.includes(':') ? 6 : 4;
    const row: CapturedSocket = {
      protocol,
      family,
      localAddress: local.address,
      localPort: local.port,
      remoteAddress: family === 6 && peer.address === '0.0.0.0' ? '::' : peer.address,
      remotePort: peer.port,
      state,
      scopeId: local.scopeId ?? peer.scopeId,
      pid: users[0]?.pid ?? null,
      processName: users[0]?.name ?? null,
    };
    const others = [...new Set(users.slice(1).map((u) => u.pid))].filter((p) => p !== row.pid);
    if (others.length) row.otherPids = others;
    if (uid) row.uid = Number(uid[1]);
    if (ino) row.inode = Number(ino[1]);
    sockets.push(row);
    for (const u of users) if (!processes.has(u.pid)) processes.set(u.pid, { pid: u.pid, name: u.name });
  }
  if (resolved > 0) tally.add(`${resolved} row(s) show host or service names (ss without -n); ports were looked up by service name`);
  const out: CaptureParse = { sockets, processes: [...processes.values()], warnings: tally.lines() };
  if (stoppedAt) out.stoppedAt = stoppedAt;
  return out;
}
