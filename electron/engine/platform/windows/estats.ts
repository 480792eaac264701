import type { Family } from '../../../../shared/contract/sockets';
import type { TrafficUnavailable } from '../../../../shared/contract/traffic';
import { localizedMessage, type EngineMessage } from '../../localizedText';
import type { RawSocket } from '../types';

/**
 * Windows' per-connection extended statistics (tcpestats.h, RFC 4898's TCP ESTATS MIB): the
 * byte counters and RTT TCPView shows. Off by default for every connection; an administrator
 * switches them on per connection with SetPerTcpConnectionEStats, after which
 * GetPerTcpConnectionEStats reads them. Layouts below are Microsoft's documented structs with
 * natural (MSVC) alignment: ULONG64 on 8 bytes, ULONG on 4.
 */

/** TCP_ESTATS_TYPE values used here. */
export const TcpConnectionEstatsData = 1;
export const TcpConnectionEstatsPath = 3;

/** TCP_ESTATS_DATA_RW_v0 and TCP_ESTATS_PATH_RW_v0: one BOOLEAN, EnableCollection. */
export const RW_BYTES = 1;

/**
 * TCP_ESTATS_DATA_ROD_v0: DataBytesOut, DataSegsOut, DataBytesIn, DataSegsIn, SegsOut, SegsIn
 * (ULONG64 each), SoftErrors, SoftErrorReason, SndUna, SndNxt, SndMax (ULONG), ThruBytesAcked
 * (ULONG64, after 4 bytes of padding), RcvNxt (ULONG), ThruBytesReceived (ULONG64, padded).
 */
export const DATA_ROD = {
  bytes: 96,
  DataBytesOut: 0,
  DataSegsOut: 8,
  DataBytesIn: 16,
  DataSegsIn: 24,
  SegsOut: 32,
  SegsIn: 40,
  SoftErrors: 48,
  SoftErrorReason: 52,
  SndUna: 56,
  SndNxt: 60,
  SndMax: 64,
  ThruBytesAcked: 72,
  RcvNxt: 80,
  ThruBytesReceived: 88,
} as const;

/** TCP_ESTATS_PATH_ROD_v0: 40 ULONGs, FastRetran first, SpuriousRtoDetections last. */
export const PATH_ROD_FIELDS = [
  'FastRetran', 'Timeouts', 'SubsequentTimeouts', 'CurTimeoutCount', 'AbruptTimeouts', 'PktsRetrans', 'BytesRetrans', 'DupAcksIn',
  'SacksRcvd', 'SackBlocksRcvd', 'CongSignals', 'PreCongSumCwnd', 'PreCongSumRtt', 'PostCongSumRtt', 'PostCongCountRtt', 'EcnSignals',
  'EceRcvd', 'SendStall', 'QuenchRcvd', 'RetranThresh', 'SndDupAckEpisodes', 'SumBytesReordered', 'NonRecovDa', 'NonRecovDaEpisodes',
  'AckAfterFr', 'DsackDups', 'SampleRtt', 'SmoothedRtt', 'RttVar', 'MaxRtt', 'MinRtt', 'SumRtt',
  'CountRtt', 'CurRto', 'MaxRto', 'MinRto', 'CurMss', 'MaxMss', 'MinMss', 'SpuriousRtoDetections',
] as const;
export const PATH_ROD_BYTES = PATH_ROD_FIELDS.length * 4;
const pathOffset = (field: (typeof PATH_ROD_FIELDS)[number]) => PATH_ROD_FIELDS.indexOf(field) * 4;

/** MIB_TCPROW (dwState, dwLocalAddr, dwLocalPort, dwRemoteAddr, dwRemotePort) and MIB_TCP6ROW
 * (State, LocalAddr[16], dwLocalScopeId, dwLocalPort, RemoteAddr[16], dwRemoteScopeId, dwRemotePort). */
export const MIB_ROW_BYTES = { 4: 20, 6: 52 } as const;

export interface DataRod {
  dataBytesOut: number;
  dataBytesIn: number;
  segsOut: number;
  segsIn: number;
  /** Octets the peer acknowledged (the sum of SndUna's advances): delivered payload. */
  thruBytesAcked: number;
  /** Octets acknowledged to the peer (the sum of RcvNxt's advances): received payload. */
  thruBytesReceived: number;
}

const u64 = (buf: Buffer, at: number) => Number(buf.readBigUInt64LE(at));

export function decodeDataRod(buf: Buffer): DataRod {
  return {
    dataBytesOut: u64(buf, DATA_ROD.DataBytesOut),
    dataBytesIn: u64(buf, DATA_ROD.DataBytesIn),
    segsOut: u64(buf, DATA_ROD.SegsOut),
    segsIn: u64(buf, DATA_ROD.SegsIn),
    thruBytesAcked: u64(buf, DATA_ROD.ThruBytesAcked),
    thruBytesReceived: u64(buf, DATA_ROD.ThruBytesReceived),
  };
}

export interface PathRod {
  /** Milliseconds (RFC 4898 tcpEStatsPathSmoothedRTT). */
  smoothedRttMs: number;
  rttVarMs: number;
  bytesRetrans: number;
}

export function decodePathRod(buf: Buffer): PathRod {
  return {
    smoothedRttMs: buf.readUInt32LE(pathOffset('SmoothedRtt')),
    rttVarMs: buf.readUInt32LE(pathOffset('RttVar')),
    bytesRetrans: buf.readUInt32LE(pathOffset('BytesRetrans')),
  };
}

/** The table layouts a MIB row can be cut from (ffiTables.ts reads them). */
export type TableLayout = 'owner-pid' | 'basic';

/**
 * The MIB_TCPROW / MIB_TCP6ROW that names the table row at `at`, byte for byte as Windows put
 * it there (addresses, ports in network order, scope ids), so the estats calls find exactly
 * that connection. MIB_TCPROW_OWNER_PID starts with a MIB_TCPROW; MIB_TCP6ROW_OWNER_PID keeps
 * the same fields in another order (state after the endpoints); the basic tables are MIB rows.
 */
export function mibRowAt(table: Buffer, at: number, layout: TableLayout, family: Family): Buffer {
  // The same bytes, not a copy: the row is used before the table buffer is read into again.
  if (family === 4 || layout === 'basic') return table.subarray(at, at + MIB_ROW_BYTES[family]);
  const row = Buffer.alloc(MIB_ROW_BYTES[6]);
  table.copy(row, 0, at + 48, at + 52); // dwState
  table.copy(row, 4, at, at + 48); // ucLocalAddr, dwLocalScopeId, dwLocalPort, ucRemoteAddr, dwRemoteScopeId, dwRemotePort
  return row;
}

/** The raw calls (ffi.ts binds them): GetPerTcp{,6}ConnectionEStats / SetPerTcp{,6}ConnectionEStats by family. */
export interface EstatsCalls {
  set(family: Family, row: Buffer, type: number, rw: Buffer): number;
  get(family: Family, row: Buffer, type: number, rw: Buffer | null, rod: Buffer | null): number;
}

export const ERROR_ACCESS_DENIED = 5;
export const ERROR_NOT_SUPPORTED = 50;
export const ERROR_NOT_FOUND = 1168;

/** An established connection whose counters are wanted, with the MIB row that names it. */
export interface EstatsTarget {
  socket: RawSocket;
  mib: Buffer;
}

/**
 * Reads bytes and RTT for established connections. Collection is switched on once per
 * connection (two calls: Data and Path), then each read costs two Get calls per connection.
 * Whatever stops it (no such API, no elevation, the OS refusing) is set as the socket's
 * `trafficUnavailable` instead, without further calls.
 */
export class EstatsReader {
  /** Connections whose collection this process switched on, by MIB row without the state. */
  private enabled = new Set<string>();
  /** Set once the OS said this cannot work here (not elevated after all, or not supported). */
  private stopped: TrafficUnavailable | null = null;
  private readonly on = Buffer.from([1]);
  private readonly rw = Buffer.alloc(RW_BYTES);
  private readonly dataRod = Buffer.alloc(DATA_ROD.bytes);
  private readonly pathRod = Buffer.alloc(PATH_ROD_BYTES);

  constructor(
    private readonly calls: EstatsCalls | null,
    private readonly elevated: () => boolean,
  ) {}

  /** Why no connection can carry counters here, or null when they are read. */
  unavailable(): TrafficUnavailable | null {
    if (!this.calls) return 'not-supported';
    if (this.stopped) return this.stopped;
    return this.elevated() ? null : 'needs-elevation';
  }

  read(targets: readonly EstatsTarget[], warnings: EngineMessage[]): void {
    const why = this.unavailable();
    if (why || !this.calls) {
      for (const t of targets) t.socket.trafficUnavailable = why ?? 'not-supported';
      if (targets.length > 0) this.enabled.clear();
      return;
    }
    const calls = this.calls;
    const seen = new Set<string>();
    const failures = new Map<number, number>();
    for (let i = 0; i < targets.length; i++) {
      const { socket, mib } = targets[i]!;
      const key = `${socket.family}${mib.toString('latin1', 4)}`;
      seen.add(key);
      if (!this.enabled.has(key)) {
        const status = calls.set(socket.family, mib, TcpConnectionEstatsData, this.on);
        if (status === ERROR_ACCESS_DENIED || status === ERROR_NOT_SUPPORTED) {
          // A filtered administrator token (UAC) or an OS without the statistics: every other
          // connection would answer the same, so stop asking.
          this.stopped = status === ERROR_ACCESS_DENIED ? 'needs-elevation' : 'not-supported';
          for (let j = i; j < targets.length; j++) targets[j]!.socket.trafficUnavailable = this.stopped;
          this.enabled.clear();
          return;
        }
        if (status !== 0) {
          if (status !== ERROR_NOT_FOUND) failures.set(status, (failures.get(status) ?? 0) + 1);
          socket.trafficUnavailable = 'not-collected';
          continue;
        }
        // RTT is a bonus: a connection whose path statistics would not switch on keeps its bytes.
        calls.set(socket.family, mib, TcpConnectionEstatsPath, this.on);
        this.enabled.add(key);
      }
      this.rw[0] = 0;
      const status = calls.get(socket.family, mib, TcpConnectionEstatsData, this.rw, this.dataRod);
      if (status !== 0 || this.rw[0] === 0) {
        // Gone between the table read and now, or someone switched collection off: on again next time.
        if (status !== 0 && status !== ERROR_NOT_FOUND) failures.set(status, (failures.get(status) ?? 0) + 1);
        this.enabled.delete(key);
        socket.trafficUnavailable = 'not-collected';
        continue;
      }
      const data = decodeDataRod(this.dataRod);
      let rttMs: number | null = null;
      if (calls.get(socket.family, mib, TcpConnectionEstatsPath, null, this.pathRod) === 0) rttMs = decodePathRod(this.pathRod).smoothedRttMs;
      socket.traffic = { bytesSent: data.thruBytesAcked, bytesReceived: data.thruBytesReceived, rttMs, tcpInfo: null };
    }
    for (const key of this.enabled) if (!seen.has(key)) this.enabled.delete(key);
    for (const [status, n] of failures) warnings.push(localizedMessage('platform.windows.estatsFailed', { count: n, status: String(status) }));
  }
}
