import type { Family, Protocol, SocketState } from '../../../shared/contract/sockets';

/**
 * One socket read from another machine's captured command output (netstat, ss, lsof, procfs,
 * PowerShell). Only what the capture printed: a capture without a pid column has `pid: null`.
 */
export interface CapturedSocket {
  protocol: Protocol;
  family: Family;
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
  /** Named as the engine names states (ss / kernel names), whatever the capture's language. */
  state: SocketState;
  /** Interface of a link-local or scoped address (`%12` on Windows, `%en0` on macOS, `%virbr0` in ss). */
  scopeId: string | null;
  /** null when the capture has no owner for it (no -o / -p, not root, pid 0 on Windows). */
  pid: number | null;
  processName: string | null;
  /** Further processes sharing the socket (ss users:((..),(..)), lsof rows of one device). */
  otherPids?: number[];
  uid?: number;
  inode?: number;
  /** tcp46 / udp46 on macOS: an IPv6 socket that also accepts IPv4. */
  dualStack?: boolean;
  rxBytes?: number;
  txBytes?: number;
}

/** A process as a capture describes it (tasklist, ps, lsof's command column). */
export interface CapturedProcess {
  pid: number;
  name: string;
  ppid?: number | null;
  uid?: number | null;
  user?: string | null;
  exe?: string | null;
  commandLine?: string | null;
  /** ISO 8601, only where the capture gives a full date (ps lstart under LC_ALL=C). */
  startTime?: string | null;
  /** tasklist: the session name and memory use, kept for the process table. */
  session?: string | null;
  memoryKiB?: number | null;
}

/** Where a cut-off or broken capture stopped being readable (1-based line number). */
export interface StopPoint {
  line: number;
  reason: string;
}

export interface CaptureParse {
  sockets: CapturedSocket[];
  processes?: CapturedProcess[];
  /** Things the reader should know (resolved names, unknown state words, skipped lines). */
  warnings: string[];
  /** Set when the capture ends in an incomplete row: everything before `line` was read. */
  stoppedAt?: StopPoint;
}

/** The formats `portscope import` and the app's Open recognise by content. */
export const CAPTURE_FORMATS = [
  'windows-netstat',
  'windows-tasklist',
  'powershell-nettcpconnection',
  'macos-netstat',
  'lsof',
  'lsof-F',
  'ss',
  'proc-net',
  'proc-pid',
  'ps',
] as const;
export type CaptureFormat = (typeof CAPTURE_FORMATS)[number];
