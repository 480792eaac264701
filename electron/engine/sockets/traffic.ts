import type { SocketRow } from '../../../shared/contract/sockets';
import type { ProcessTraffic, TrafficSummary, TrafficUnavailable } from '../../../shared/contract/traffic';
import type { RawSocket } from '../platform/types';

/** The traffic part of a SocketRow. */
export type RowTraffic = Pick<SocketRow, 'bytesSent' | 'bytesReceived' | 'sendRate' | 'receiveRate' | 'rttMs' | 'tcpInfo' | 'trafficUnavailable'>;

function uncounted(reason: TrafficUnavailable): RowTraffic {
  return { bytesSent: null, bytesReceived: null, sendRate: null, receiveRate: null, rttMs: null, tcpInfo: null, trafficUnavailable: reason };
}

// One frozen object per reason: rows without counters share it (no garbage per refresh).
const UNCOUNTED = new Map<TrafficUnavailable, RowTraffic>();
function uncountedRow(reason: TrafficUnavailable): RowTraffic {
  let t = UNCOUNTED.get(reason);
  if (!t) UNCOUNTED.set(reason, (t = Object.freeze(uncounted(reason))));
  return t;
}

/**
 * Why a socket without counters has none. UDP: Linux and Windows keep no per-socket byte counts;
 * macOS does, so its adapter hands UDP rows counters, or its own reason when netstat has none.
 */
export function unavailableReason(s: RawSocket, adapterDefault: TrafficUnavailable | undefined): TrafficUnavailable {
  if (s.protocol === 'udp') return s.trafficUnavailable ?? 'udp-not-counted';
  if (s.state === 'LISTEN') return 'listener';
  if (s.state === 'TIME_WAIT') return 'time-wait';
  return s.trafficUnavailable ?? adapterDefault ?? 'not-collected';
}

/** The shortest window a rate is measured over (see rowTraffic). */
export const MIN_RATE_WINDOW_S = 0.25;

/**
 * Counters of `s` now and its rates since `before` (the same socket's row at the last refresh,
 * `seconds` ago). A counter that went backwards is another socket under the same key (inode or
 * endpoints reused): no rate then, as on a socket's first sight.
 */
export function rowTraffic(s: RawSocket, before: SocketRow | undefined, seconds: number, adapterDefault: TrafficUnavailable | undefined): RowTraffic {
  const t = s.traffic;
  if (!t || s.state === 'LISTEN') return uncountedRow(unavailableReason(s, adapterDefault));
  let sendRate: number | null = null;
  let receiveRate: number | null = null;
  if (
    before &&
    seconds > 0 &&
    before.bytesSent !== null &&
    before.bytesReceived !== null &&
    t.bytesSent >= before.bytesSent &&
    t.bytesReceived >= before.bytesReceived
  ) {
    // An extra refresh moments after the last (after a close, a scrape) has a window of a few
    // milliseconds, and bytes arrive in bursts: over such a window one burst would read as many
    // times the real rate. The window counts as at least MIN_RATE_WINDOW_S.
    const window = Math.max(seconds, MIN_RATE_WINDOW_S);
    sendRate = (t.bytesSent - before.bytesSent) / window;
    receiveRate = (t.bytesReceived - before.bytesReceived) / window;
  }
  return { bytesSent: t.bytesSent, bytesReceived: t.bytesReceived, sendRate, receiveRate, rttMs: t.rttMs, tcpInfo: t.tcpInfo, trafficUnavailable: null };
}

/**
 * True when `before` can stand for the socket's traffic now: same counters and segment counts
 * (RTT and the rest only move with segments) and rates already at 0.
 */
export function sameTraffic(before: SocketRow, s: RawSocket): boolean {
  const t = s.traffic;
  if (!t || s.state === 'LISTEN') return before.bytesSent === null;
  return (
    before.bytesSent === t.bytesSent &&
    before.bytesReceived === t.bytesReceived &&
    before.sendRate === 0 &&
    before.receiveRate === 0 &&
    before.tcpInfo?.segsIn === t.tcpInfo?.segsIn &&
    before.tcpInfo?.segsOut === t.tcpInfo?.segsOut
  );
}

/**
 * Machine and per-process totals over the rows that carry counters. A socket held by several
 * processes (a forked server) counts for its first holder only, so the processes add up to
 * the machine. Totals are over the sockets alive now: a closed connection leaves them.
 */
export function summarizeTraffic(rows: readonly SocketRow[]): TrafficSummary {
  const machine = { bytesSent: 0, bytesReceived: 0, sendRate: 0, receiveRate: 0 };
  const byPid = new Map<number, ProcessTraffic>();
  for (const r of rows) {
    if (r.bytesSent === null) continue;
    const sent = r.bytesSent;
    const received = r.bytesReceived ?? 0;
    const sendRate = r.sendRate ?? 0;
    const receiveRate = r.receiveRate ?? 0;
    machine.bytesSent += sent;
    machine.bytesReceived += received;
    machine.sendRate += sendRate;
    machine.receiveRate += receiveRate;
    if (r.pid === null) continue;
    let p = byPid.get(r.pid);
    if (!p) byPid.set(r.pid, (p = { pid: r.pid, name: r.processName ?? '', bytesSent: 0, bytesReceived: 0, sendRate: 0, receiveRate: 0, connections: 0 }));
    p.bytesSent += sent;
    p.bytesReceived += received;
    p.sendRate += sendRate;
    p.receiveRate += receiveRate;
    p.connections++;
  }
  const processes = [...byPid.values()].sort(
    (a, b) => b.sendRate + b.receiveRate - (a.sendRate + a.receiveRate) || b.bytesSent + b.bytesReceived - (a.bytesSent + a.bytesReceived) || a.pid - b.pid,
  );
  return { machine, processes };
}
