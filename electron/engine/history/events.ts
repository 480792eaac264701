import type { Exposure, ProcessInfo, Protocol, SocketRow, SocketState } from '../../../shared/contract/sockets';

export type EventKind = 'opened' | 'closed' | 'changed';

/**
 * Why an event's time is not the moment it happened: the socket was already open when recording
 * started (`present-at-start`), or it closed while nothing was recording (`while-not-recording`,
 * noticed on restart; it closed between the last recorded tick and this one).
 */
export type EventNote = 'present-at-start' | 'while-not-recording';

export interface Owner {
  pid: number | null;
  name: string | null;
  exe: string | null;
  user: string | null;
  startTime: string | null;
  status: string;
}

/** What the history keeps of a live socket; also what `open_sockets` stores to close it later. */
export interface TrackedSocket {
  key: string;
  listener: boolean;
  protocol: Protocol;
  family: 4 | 6;
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
  /** The listening side of a connection (what its service and grouping are about). */
  servicePort: number;
  state: SocketState;
  exposure: Exposure;
  risky: boolean;
  owner: Owner;
}

export interface HistoryEventRecord {
  at: number;
  kind: EventKind;
  socket: TrackedSocket;
  previous: { state: SocketState; pid: number | null; processName: string | null } | null;
  note: EventNote | null;
}

/** A listening TCP socket, or a bound UDP socket with no peer. */
export function isListenerRow(r: Pick<SocketRow, 'state' | 'protocol' | 'remotePort'>): boolean {
  return r.state === 'LISTEN' || (r.protocol === 'udp' && r.state === 'UNCONN' && r.remotePort === 0);
}

/**
 * TIME_WAIT rows are the kernel's leftovers of a connection that already closed (a new row, inode
 * 0): recording them would log every connection twice.
 */
export function isRecorded(r: SocketRow): boolean {
  return r.state !== 'TIME_WAIT';
}

export function trackedFrom(r: SocketRow, process: ProcessInfo | undefined): TrackedSocket {
  return {
    key: r.id,
    listener: isListenerRow(r),
    protocol: r.protocol,
    family: r.family,
    localAddress: r.localAddress,
    localPort: r.localPort,
    remoteAddress: r.remoteAddress,
    remotePort: r.remotePort,
    servicePort: r.servicePort,
    state: r.state,
    exposure: r.exposure,
    risky: r.risks.some((n) => n.severity !== 'info'),
    owner: {
      pid: r.pid,
      name: r.processName ?? process?.name ?? null,
      exe: process?.exe ?? null,
      user: r.user ?? process?.user ?? null,
      startTime: process?.startTime ?? null,
      status: r.ownerStatus,
    },
  };
}

/**
 * A change worth an event: a listener's state or owner, a connection's owner. A connection's walk
 * through SYN_SENT, ESTABLISHED, FIN_WAIT… is its normal life, not news (and at 40 connections a
 * second it would be most of the database). Learning a process's exe later is not news either.
 */
export function meaningfulChange(before: TrackedSocket, after: TrackedSocket): boolean {
  if (before.owner.pid !== after.owner.pid || before.owner.name !== after.owner.name) return true;
  return after.listener && before.state !== after.state;
}

/**
 * Connections are grouped by process, protocol and remote endpoint (the service side's port), not
 * by state: a group's row keeps the state of its first connection.
 */
export function connectionGroupKey(e: HistoryEventRecord): string {
  const s = e.socket;
  const local = s.servicePort === s.localPort ? s.localPort : 0;
  const remote = s.servicePort === s.remotePort ? s.remotePort : 0;
  return `${e.kind}|${s.owner.pid ?? ''}|${s.owner.name ?? ''}|${s.protocol}|${local}|${s.remoteAddress}|${remote}`;
}
