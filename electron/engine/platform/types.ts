import type { Capabilities } from '../../../shared/contract/calls';
import type { Family, OwnerStatus, ProcessInfo, Protocol, SocketState } from '../../../shared/contract/sockets';
import type { TcpInfo, TrafficUnavailable } from '../../../shared/contract/traffic';
import type { EngineMessage } from '../localizedText';

/** A TCP connection's cumulative counters as the OS reports them at this read. */
export interface RawTraffic {
  bytesSent: number;
  bytesReceived: number;
  /** null where the OS gives bytes without an RTT (macOS netstat, a Windows path read that failed). */
  rttMs: number | null;
  tcpInfo: TcpInfo | null;
}

/** One socket as the OS reports it, before owners and port knowledge are added. */
export interface RawSocket {
  protocol: Protocol;
  family: Family;
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
  state: SocketState;
  /** uid that created the socket; null where the OS does not record one (Windows). */
  uid: number | null;
  /**
   * Linux: the socket's inode, 0 when the kernel holds it without a file (TIME_WAIT, orphans).
   * Always 0 on OSes without socket inodes, which name the owner with the socket instead.
   */
  inode: number;
  scopeId?: string | null;
  dualStack?: boolean | null;
  /**
   * The owner as the OS handed it out with the socket (Windows' owner-pid tables, macOS netstat
   * -anv). Absent on Linux, where owners are found by inode through `findOwners`.
   */
  owner?: ReportedOwner;
  /** Byte counters where the OS gave them (Linux sock_diag INET_DIAG_INFO, Windows estats, macOS netstat). */
  traffic?: RawTraffic | null;
  /** Why `traffic` is absent for this socket, when the adapter knows better than the default. */
  trafficUnavailable?: TrafficUnavailable;
}

/**
 * What changed since the adapter's previous read, when it knows (Linux sock_diag, diffed in C by
 * socket cookie): every socket not named here is the very object the previous read returned,
 * with the same record. Lets the snapshotter work on the changes alone.
 */
export interface SocketChanges {
  /** Counts this adapter's reads: the changes are relative to read `seq - 1`. */
  seq: number;
  added: RawSocket[];
  /** [before, after]: the same kernel socket, whose record changed (state, counters...). */
  replaced: Array<[RawSocket, RawSocket]>;
  removed: RawSocket[];
}

export interface ReportedOwner {
  /** null when the OS named no process (Windows pid 0: TIME_WAIT, or a table that left it out). */
  pid: number | null;
  /** Why pid is null: 'time-wait', 'not-found' (the OS did not say), 'permission-denied'. */
  status?: OwnerStatus;
}

export interface OwnerLookup {
  /** inode -> every pid holding it. */
  owners: Map<number, number[]>;
  /** Inodes still unknown and why: some fd folders were unreadable, or a process vanished mid-walk. */
  deniedPids: number;
  vanishedPids: number;
}

/** Runs a command and captures its output. Passed in so tests and other OSes can supply their own. */
export type CommandRunner = (
  command: string,
  args: readonly string[],
  /** env: added to this process's environment (LC_ALL=C for locale-independent output). */
  /** latin1: every output byte becomes one character, for callers that decode it themselves
   * (Windows consoles write their OEM code page): Buffer.from(stdout, 'latin1') gives the bytes. */
  options?: { timeoutMs?: number; env?: Readonly<Record<string, string>>; encoding?: 'utf8' | 'latin1' },
) => Promise<{ code: number | null; stdout: string; stderr: string }>;

/**
 * What the engine needs from an operating system. One implementation per OS, in its own folder:
 * linux/ reads procfs (sockets by inode, owners by an fd walk), windows/ calls the IP Helper API
 * (the owner pid comes with each socket), darwin/ parses netstat -anv / ps through the runner.
 */
export interface PlatformAdapter {
  readonly name: string;
  /**
   * Why a TCP connection without `traffic` has none, when the socket does not say
   * (default 'not-collected'; captures without the columns: 'not-supported').
   */
  readonly trafficUnavailable?: TrafficUnavailable;
  /** What this OS lets the engine see and do here, with the reason for anything missing. */
  capabilities(): Capabilities;
  /**
   * Every TCP and UDP socket, IPv4 and IPv6, de-duplicated. Facts that need a slower source
   * (dual-stack flags) may still be arriving: await `pending` before reading them, after doing
   * other work (the owner walk) in the meantime.
   */
  readSockets(): Promise<{ sockets: RawSocket[]; warnings: EngineMessage[]; pending?: Promise<void>; changes?: SocketChanges }>;
  /**
   * Linux only (sockets carry inodes, owners are a separate walk). Owners for these inodes. `full`
   * walks every process; otherwise it may stop once all are found, searching `firstPids` (likely
   * owners) before the rest, or only them with `onlyFirst`. Adapters whose sockets carry
   * `owner` leave it out.
   */
  findOwners?(inodes: ReadonlySet<number>, full: boolean, firstPids?: readonly number[], onlyFirst?: boolean): OwnerLookup;
  /** Live pids, to expire cached owners cheaply. */
  listPids(): Set<number>;
  /** Everything known about one process, or null when it does not exist. */
  readProcess(pid: number): ProcessInfo | null;
  /** True for a process that exited and awaits its parent's wait() (a zombie); where the OS can tell. */
  isDefunct?(pid: number): boolean;
  /**
   * Aborts the one TCP connection with exactly these endpoints (addresses as the socket table
   * prints them, of this family). Throws an error whose `code` is the errno name: ENOENT (gone),
   * EPERM/EACCES (not allowed), EOPNOTSUPP (the kernel cannot). Absent where the OS cannot do it.
   */
  closeConnection?(family: Family, c: { localAddress: string; localPort: number; remoteAddress: string; remotePort: number }): void;
}
