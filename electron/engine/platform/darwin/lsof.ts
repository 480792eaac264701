import type { Family, Protocol, SocketState } from '../../../../shared/contract/sockets';
import type { CaptureParse, CapturedProcess, CapturedSocket } from '../../capture/types';
import { parseColonEndpoint, splitLines, tokensWithOffsets, WarningTally } from '../../capture/text';

const STATES: Record<string, SocketState> = {
  LISTEN: 'LISTEN',
  ESTABLISHED: 'ESTABLISHED',
  SYN_SENT: 'SYN_SENT',
  SYN_RCVD: 'SYN_RECV',
  SYN_RECV: 'SYN_RECV',
  FIN_WAIT_1: 'FIN_WAIT1',
  FIN_WAIT_2: 'FIN_WAIT2',
  FIN_WAIT1: 'FIN_WAIT1',
  FIN_WAIT2: 'FIN_WAIT2',
  CLOSE_WAIT: 'CLOSE_WAIT',
  CLOSING: 'CLOSING',
  LAST_ACK: 'LAST_ACK',
  TIME_WAIT: 'TIME_WAIT',
  CLOSED: 'CLOSE',
  IDLE: 'CLOSE',
  BOUND: 'CLOSE',
};

interface NameParts {
  local: NonNullable<ReturnType<typeof parseColonEndpoint>>;
  remote: NonNullable<ReturnType<typeof parseColonEndpoint>> | null;
  state: string | null;
}

/** lsof's NAME for a socket: `*:8080`, `127.0.0.1:5000->127.0.0.1:61000`, `[::1]:80`, then ` (LISTEN)`. */
function parseName(name: string, protocol: Protocol, family: Family): NameParts | null {
  const m = /^(\S+?)(?:->(\S+))?(?:\s+\(([A-Z_0-9]+)\))?\s*$/.exec(name.trim());
  if (!m) return null;
  const local = parseColonEndpoint(m[1]!, protocol, family);
  const remote = m[2] ? parseColonEndpoint(m[2], protocol, family) : null;
  if (!local || (m[2] && !remote)) return null;
  return { local, remote, state: m[3] ?? null };
}

/** Shared by both lsof formats: one captured socket per distinct endpoint, other holders added. */
class SocketCollector {
  readonly sockets: CapturedSocket[] = [];
  private readonly byKey = new Map<string, CapturedSocket>();
  resolved = 0;

  add(args: { device: string | null; protocol: Protocol; family: Family; name: string; tcpState: string | null; pid: number | null; command: string | null; uid?: number }, tally: WarningTally, line: number): void {
    const parts = parseName(args.name, args.protocol, args.family);
    if (!parts) {
      tally.add('skipped a socket whose NAME could not be read', String(line));
      return;
    }
    const word = parts.state ?? args.tcpState;
    let state: SocketState;
    if (args.protocol === 'udp') state = parts.remote ? 'ESTABLISHED' : 'UNCONN';
    else if (word && STATES[word]) state = STATES[word]!;
    else if (!parts.remote || parts.remote.port === 0) state = 'LISTEN';
    else {
      tally.add(`unknown TCP state "${word ?? ''}" shown as ESTABLISHED`, String(line));
      state = 'ESTABLISHED';
    }
    if (parts.local.resolved || parts.remote?.resolved) this.resolved++;
    const family = parts.local.address.includes(':') ? 6 : args.family;
    const row: CapturedSocket = {
      protocol: args.protocol,
      family,
      localAddress: parts.local.address,
      localPort: parts.local.port,
      remoteAddress: parts.remote?.address ?? (family === 6 ? '::' : '0.0.0.0'),
      remotePort: parts.remote?.port ?? 0,
      state,
      scopeId: parts.local.scopeId ?? parts.remote?.scopeId ?? null,
      pid: args.pid,
      processName: args.command,
    };
    if (args.uid !== undefined) row.uid = args.uid;
    // A socket shared by forked processes appears once per holder, with the same device.
    const key = `${args.device ?? ''}|${row.protocol}${row.family}|${row.localAddress}|${row.localPort}|${row.remoteAddress}|${row.remotePort}`;
    const before = this.byKey.get(key);
    if (before && args.device) {
      if (args.pid !== null && args.pid !== before.pid && !(before.otherPids ?? []).includes(args.pid)) (before.otherPids ??= []).push(args.pid);
      return;
    }
    this.byKey.set(key, row);
    this.sockets.push(row);
  }
}

/** lsof escapes unprintable bytes in names: `\x20` for a space. */
function unescapeLsof(s: string): string {
  return s.replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

/**
 * `lsof -i -n -P` (and without -n/-P) text: COMMAND PID USER FD TYPE DEVICE SIZE/OFF NODE NAME,
 * by its header when there is one (Linux adds TID and TASKCMD), else the default columns.
 * Lines without a header (a grep of lsof output) are read the same way.
 */
export function parseLsofText(text: string): CaptureParse {
  const tally = new WarningTally();
  const collector = new SocketCollector();
  const processes = new Map<number, CapturedProcess>();
  const lines = splitLines(text);
  let stoppedAt: CaptureParse['stoppedAt'];
  const lastLine = lines.reduce((last, l, i) => (l.trim() !== '' ? i : last), -1);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || /^COMMAND\s+PID\s/.test(line)) continue;
    const toks = tokensWithOffsets(line);
    // NODE is the protocol (TCP/UDP) right before NAME; TYPE (IPv4/IPv6) comes a few columns earlier.
    const nodeAt = toks.findIndex((t, k) => k >= 4 && (t.text === 'TCP' || t.text === 'UDP'));
    const typeAt = toks.findIndex((t) => t.text === 'IPv4' || t.text === 'IPv6');
    if (nodeAt < 0 || typeAt < 0 || nodeAt + 1 >= toks.length || !/^\d+$/.test(toks[1]?.text ?? '')) {
      if (i === lastLine && toks.length > 0) stoppedAt = { line: i + 1, reason: 'the last line is cut off' };
      else tally.add('skipped a line that is not an lsof internet socket', String(i + 1));
      continue;
    }
    const command = unescapeLsof(toks[0]!.text);
    const pid = Number(toks[1]!.text);
    const user = toks[2]!.text;
    const protocol: Protocol = toks[nodeAt]!.text === 'TCP' ? 'tcp' : 'udp';
    const family: Family = toks[typeAt]!.text === 'IPv6' ? 6 : 4;
    const device = toks[typeAt + 1]?.text ?? null;
    collector.add({ device, protocol, family, name: line.slice(toks[nodeAt + 1]!.start), tcpState: null, pid, command }, tally, i + 1);
    if (!processes.has(pid)) processes.set(pid, { pid, name: command, user: /^\d+$/.test(user) ? null : user, uid: /^\d+$/.test(user) ? Number(user) : null });
  }
  if (collector.resolved > 0) tally.add(`${collector.resolved} socket(s) show host or service names (lsof without -n -P); names were kept as printed and ports looked up by service name`);
  const out: CaptureParse = { sockets: collector.sockets, processes: [...processes.values()], warnings: tally.lines() };
  if (stoppedAt) out.stoppedAt = stoppedAt;
  return out;
}

/**
 * `lsof -F` field output (`-nP -iTCP -iUDP -F pcuLRftPnT`, lines or NUL-terminated with -0): a
 * process set (p pid, c command, u uid, L login, R ppid) followed by file sets (f fd, t type,
 * d device, P protocol, n name, T TCP info such as `TST=LISTEN`), as lsof's man page ("OUTPUT
 * FOR OTHER PROGRAMS") describes.
 */
export function parseLsofFields(text: string): CaptureParse {
  const tally = new WarningTally();
  const collector = new SocketCollector();
  const processes = new Map<number, CapturedProcess>();
  const lines = text.includes('\0') ? text.split(/\0\n?/) : splitLines(text);
  let proc: CapturedProcess | null = null;
  let file: { type?: string; device?: string; protocol?: string; name?: string; tst?: string; line: number } | null = null;
  let stoppedAt: CaptureParse['stoppedAt'];
  const flush = () => {
    if (file && file.name !== undefined && (file.protocol === 'TCP' || file.protocol === 'UDP') && (file.type === 'IPv4' || file.type === 'IPv6' || file.type === undefined)) {
      const family: Family = file.type === 'IPv6' || file.name.startsWith('[') ? 6 : 4;
      const base = { device: file.device ?? null, protocol: (file.protocol === 'TCP' ? 'tcp' : 'udp') as Protocol, family, name: file.name, tcpState: file.tst ?? null, pid: proc?.pid ?? null, command: proc?.name ?? null };
      collector.add(proc?.uid != null ? { ...base, uid: proc.uid } : base, tally, file.line);
    }
    file = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const tag = line[0]!;
    const value = line.slice(1);
    switch (tag) {
      case 'p': {
        flush();
        if (!/^\d+$/.test(value)) {
          tally.add('skipped a process with a malformed pid', String(i + 1));
          proc = null;
          break;
        }
        proc = { pid: Number(value), name: '' };
        processes.set(proc.pid, proc);
        break;
      }
      case 'c':
        if (proc) proc.name = unescapeLsof(value);
        break;
      case 'u':
        if (proc && /^\d+$/.test(value)) proc.uid = Number(value);
        break;
      case 'L':
        if (proc) proc.user = value;
        break;
      case 'R':
        if (proc && /^\d+$/.test(value)) proc.ppid = Number(value);
        break;
      case 'f':
        flush();
        file = { line: i + 1 };
        break;
      case 't':
        if (file) file.type = value;
        break;
      case 'd':
        if (file) file.device = value;
        break;
      case 'P':
        if (file) file.protocol = value;
        break;
      case 'n':
        if (file) file.name = value;
        break;
      case 'T':
        if (file && value.startsWith('ST=')) file.tst = value.slice(3);
        break;
      case 'g':
      case 'a':
      case 'l':
      case 's':
      case 'o':
      case 'i':
      case 'k':
      case 'K':
      case 'S':
      case 'G':
        break;
      default:
        if (i >= lines.length - 2) stoppedAt = { line: i + 1, reason: 'the last field line is cut off' };
        else tally.add(`skipped a line that is not an lsof field ("${tag}")`, String(i + 1));
    }
  }
  flush();
  for (const p of processes.values()) if (p.name === '') p.name = `pid ${p.pid}`;
  if (collector.resolved > 0) tally.add(`${collector.resolved} socket(s) show host or service names (lsof without -n -P)`);
  const out: CaptureParse = { sockets: collector.sockets, processes: [...processes.values()], warnings: tally.lines() };
  if (stoppedAt) out.stoppedAt = stoppedAt;
  return out;
}
