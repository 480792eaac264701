import type { Family, ProcessInfo, Protocol, SocketState } from '../../../shared/contract/sockets';

/** One socket as the OS reports it, before owners and port knowledge are added. */
export interface RawSocket {
  protocol: Protocol;
  family: Family;
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
  state: SocketState;
  uid: number;
  /** 0 when the kernel holds the socket without a file (TIME_WAIT, orphans). */
  inode: number;
  scopeId?: string | null;
  dualStack?: boolean | null;
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
  options?: { timeoutMs?: number },
) => Promise<{ code: number | null; stdout: string; stderr: string }>;

/**
 * What the engine needs from an operating system. One implementation per OS; the Linux one reads
 * procfs, macOS and Windows would parse lsof / netstat output through the command runner.
 */
export interface PlatformAdapter {
  readonly name: string;
  /**
   * Every TCP and UDP socket, IPv4 and IPv6, de-duplicated. Facts that need a slower source
   * (dual-stack flags) may still be arriving: await `pending` before reading them, after doing
   * other work (the owner walk) in the meantime.
   */
  readSockets(): Promise<{ sockets: RawSocket[]; warnings: string[]; pending?: Promise<void> }>;
  /**
   * Owners for these inodes. `full` walks every process; otherwise it may stop once all are
   * found, searching `firstPids` (likely owners) before the rest, or only them with `onlyFirst`.
   */
  findOwners(inodes: ReadonlySet<number>, full: boolean, firstPids?: readonly number[], onlyFirst?: boolean): OwnerLookup;
  /** Live pids, to expire cached owners cheaply. */
  listPids(): Set<number>;
  /** Everything known about one process, or null when it does not exist. */
  readProcess(pid: number): ProcessInfo | null;
  /** True for a process that exited and awaits its parent's wait() (a zombie); where the OS can tell. */
  isDefunct?(pid: number): boolean;
}
