// Windows per-connection statistics and closing, in plain Node: Wine implements neither
// GetPerTcpConnectionEStats (not exported) nor SetTcpEntry (a stub answering success), so the
// struct layouts and the logic around the calls are checked here. Layouts are declared from
// Microsoft's documented field lists (tcpestats.h, tcpmib.h) with koffi, which lays out C structs
// as the compiler does: the decoders' offsets must agree with it, byte for byte.
import koffi from 'koffi';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/contract/sockets';
import { closeConnection } from '../../electron/engine/connections/close';
import { windowsCapabilities } from '../../electron/engine/platform/capabilities';
import type { RawSocket } from '../../electron/engine/platform/types';
import type { EngineMessage } from '../../electron/engine/localizedText';
import { closeTcpEntry, deleteTcbRow, IPV6_CLOSE_REASON, MIB_TCP_STATE_DELETE_TCB, WINE_CLOSE_REASON } from '../../electron/engine/platform/windows/closeTcp';
import {
  DATA_ROD,
  decodeDataRod,
  decodePathRod,
  EstatsReader,
  MIB_ROW_BYTES,
  mibRowAt,
  PATH_ROD_BYTES,
  PATH_ROD_FIELDS,
  TcpConnectionEstatsData,
  TcpConnectionEstatsPath,
  type EstatsCalls,
} from '../../electron/engine/platform/windows/estats';
import { ROW_BYTES } from '../../electron/engine/platform/windows/ffiTables';
import { makeRow } from '../renderer/fixtures';

const u64 = 'uint64_t';
const u32 = 'uint32_t';
const DataRod = koffi.struct('TCP_ESTATS_DATA_ROD_v0', {
  DataBytesOut: u64, DataSegsOut: u64, DataBytesIn: u64, DataSegsIn: u64, SegsOut: u64, SegsIn: u64,
  SoftErrors: u32, SoftErrorReason: u32, SndUna: u32, SndNxt: u32, SndMax: u32, ThruBytesAcked: u64, RcvNxt: u32, ThruBytesReceived: u64,
});
const PathRod = koffi.struct('TCP_ESTATS_PATH_ROD_v0', Object.fromEntries(PATH_ROD_FIELDS.map((f) => [f, u32])));
const MibTcpRow = koffi.struct('MIB_TCPROW', { dwState: u32, dwLocalAddr: u32, dwLocalPort: u32, dwRemoteAddr: u32, dwRemotePort: u32 });
const MibTcp6Row = koffi.struct('MIB_TCP6ROW', {
  State: u32, LocalAddr: koffi.array('uint8_t', 16), dwLocalScopeId: u32, dwLocalPort: u32, RemoteAddr: koffi.array('uint8_t', 16), dwRemoteScopeId: u32, dwRemotePort: u32,
});
const MibTcp6RowOwnerPid = koffi.struct('MIB_TCP6ROW_OWNER_PID', {
  ucLocalAddr: koffi.array('uint8_t', 16), dwLocalScopeId: u32, dwLocalPort: u32, ucRemoteAddr: koffi.array('uint8_t', 16), dwRemoteScopeId: u32, dwRemotePort: u32, dwState: u32, dwOwningPid: u32,
});
const MibTcpRowOwnerPid = koffi.struct('MIB_TCPROW_OWNER_PID', { dwState: u32, dwLocalAddr: u32, dwLocalPort: u32, dwRemoteAddr: u32, dwRemotePort: u32, dwOwningPid: u32 });

function encode(type: koffi.IKoffiCType, value: Record<string, unknown>): Buffer {
  const buf = Buffer.alloc(koffi.sizeof(type));
  koffi.encode(buf, type, value);
  return buf;
}
/** An IPv4 address as the DWORD Windows stores: its four bytes in network order, read little-endian. */
const dword = (a: string) => Buffer.from(a.split('.').map(Number)).readUInt32LE(0);
/** A port in network order in the low word of a DWORD. */
const portDword = (p: number) => ((p >> 8) & 0xff) | ((p & 0xff) << 8);

describe('Windows estats struct layouts (documented field lists, laid out by koffi)', () => {
  it('TCP_ESTATS_DATA_ROD_v0: 96 bytes, 64-bit counters at their aligned offsets', () => {
    expect(koffi.sizeof(DataRod)).toBe(DATA_ROD.bytes);
    for (const f of ['DataBytesOut', 'DataBytesIn', 'SegsOut', 'SegsIn', 'SndUna', 'ThruBytesAcked', 'RcvNxt', 'ThruBytesReceived'] as const) {
      expect([f, koffi.offsetof(DataRod, f)]).toEqual([f, DATA_ROD[f]]);
    }
  });

  it('decodes a DATA_ROD: delivered and received payload (Thru*), past 2^32', () => {
    const big = 2 ** 40 + 12345;
    const buf = encode(DataRod, {
      DataBytesOut: big + 999, DataSegsOut: 7, DataBytesIn: 5000, DataSegsIn: 8, SegsOut: 11, SegsIn: 12,
      SoftErrors: 1, SoftErrorReason: 2, SndUna: 0xfffffff0, SndNxt: 3, SndMax: 4, ThruBytesAcked: big, RcvNxt: 0xdeadbeef, ThruBytesReceived: 4096,
    });
    expect(decodeDataRod(buf)).toEqual({ dataBytesOut: big + 999, dataBytesIn: 5000, segsOut: 11, segsIn: 12, thruBytesAcked: big, thruBytesReceived: 4096 });
  });

  it('TCP_ESTATS_PATH_ROD_v0: 40 ULONGs; SmoothedRtt, RttVar and BytesRetrans read from their places', () => {
    expect(koffi.sizeof(PathRod)).toBe(PATH_ROD_BYTES);
    const values = Object.fromEntries(PATH_ROD_FIELDS.map((f, i) => [f, 1000 + i]));
    const decoded = decodePathRod(encode(PathRod, { ...values, SmoothedRtt: 23, RttVar: 4, BytesRetrans: 1460 }));
    expect(decoded).toEqual({ smoothedRttMs: 23, rttVarMs: 4, bytesRetrans: 1460 });
  });

  it('MIB rows: 20 and 52 bytes; the owner-pid tables give the same row the estats calls take', () => {
    expect([koffi.sizeof(MibTcpRow), koffi.sizeof(MibTcp6Row)]).toEqual([MIB_ROW_BYTES[4], MIB_ROW_BYTES[6]]);
    expect([koffi.sizeof(MibTcpRowOwnerPid), koffi.sizeof(MibTcp6RowOwnerPid)]).toEqual([ROW_BYTES.tcp4, ROW_BYTES.tcp6]);
    const local = [0xfe, 0x80, ...Array(13).fill(0), 1];
    const remote = [0x20, 0x01, 0x0d, 0xb8, ...Array(11).fill(0), 2];
    const v6 = { LocalAddr: local, dwLocalScopeId: 12, dwLocalPort: portDword(50123), RemoteAddr: remote, dwRemoteScopeId: 0, dwRemotePort: portDword(443) };
    // A table of two rows; the second is cut out.
    const ownerRow = encode(MibTcp6RowOwnerPid, { ucLocalAddr: local, dwLocalScopeId: 12, dwLocalPort: portDword(50123), ucRemoteAddr: remote, dwRemoteScopeId: 0, dwRemotePort: portDword(443), dwState: 5, dwOwningPid: 4242 });
    const table = Buffer.concat([Buffer.from([2, 0, 0, 0]), Buffer.alloc(ROW_BYTES.tcp6, 0xaa), ownerRow]);
    expect(mibRowAt(table, 4 + ROW_BYTES.tcp6, 'owner-pid', 6)).toEqual(encode(MibTcp6Row, { State: 5, ...v6 }));
    const v4 = { dwState: 5, dwLocalAddr: dword('192.168.1.20'), dwLocalPort: portDword(50123), dwRemoteAddr: dword('140.82.112.3'), dwRemotePort: portDword(443) };
    const table4 = Buffer.concat([Buffer.from([1, 0, 0, 0]), encode(MibTcpRowOwnerPid, { ...v4, dwOwningPid: 7412 })]);
    expect(mibRowAt(table4, 4, 'owner-pid', 4)).toEqual(encode(MibTcpRow, v4));
    // The basic tables are MIB rows already.
    const basic6 = encode(MibTcp6Row, { State: 5, ...v6 });
    expect(mibRowAt(Buffer.concat([Buffer.from([1, 0, 0, 0]), basic6]), 4, 'basic', 6)).toEqual(basic6);
  });
});

/**
 * Windows' estats as documented, for the reader to talk to: collection is off for every
 * connection until SetPerTcpConnectionEStats switches it on (administrators only), and counts
 * from then; GetPerTcpConnectionEStats fills the RW struct (EnableCollection) and the ROD struct.
 */
class DocumentedStack implements EstatsCalls {
  readonly connections = new Map<string, { on: { data: boolean; path: boolean }; acked: number; received: number; rttMs: number }>();
  calls: string[] = [];
  elevated = true;
  setAnswer: number | null = null;

  add(mib: Buffer, c: { acked: number; received: number; rttMs: number }) {
    this.connections.set(mib.toString('hex', 4), { on: { data: false, path: false }, ...c });
  }
  set(family: 4 | 6, row: Buffer, type: number, rw: Buffer): number {
    this.calls.push(`set${family}:${type}`);
    if (this.setAnswer !== null) return this.setAnswer;
    if (!this.elevated) return 5;
    const c = this.connections.get(row.toString('hex', 4));
    if (!c) return 1168;
    if (type === TcpConnectionEstatsData) {
      // Counting starts now: what moved before is not in the statistics.
      if (!c.on.data && rw[0] === 1) [c.acked, c.received] = [0, 0];
      c.on.data = rw[0] === 1;
    } else if (type === TcpConnectionEstatsPath) c.on.path = rw[0] === 1;
    return 0;
  }
  get(family: 4 | 6, row: Buffer, type: number, rw: Buffer | null, rod: Buffer | null): number {
    this.calls.push(`get${family}:${type}`);
    const c = this.connections.get(row.toString('hex', 4));
    if (!c) return 1168;
    const on = type === TcpConnectionEstatsData ? c.on.data : c.on.path;
    if (rw) rw[0] = on ? 1 : 0;
    if (rod && on && type === TcpConnectionEstatsData) koffi.encode(rod, DataRod, { ThruBytesAcked: c.acked, ThruBytesReceived: c.received, DataBytesOut: c.acked + 100 });
    if (rod && on && type === TcpConnectionEstatsPath) koffi.encode(rod, PathRod, { SmoothedRtt: c.rttMs });
    return 0;
  }
}

function target(localPort: number, family: 4 | 6 = 4): { socket: RawSocket; mib: Buffer } {
  const mib = family === 4 ? encode(MibTcpRow, { dwState: 5, dwLocalAddr: dword('127.0.0.1'), dwLocalPort: portDword(localPort), dwRemoteAddr: dword('127.0.0.1'), dwRemotePort: portDword(443) }) : encode(MibTcp6Row, { State: 5, LocalAddr: [...Array(15).fill(0), 1], dwLocalPort: portDword(localPort), RemoteAddr: [...Array(15).fill(0), 1], dwRemotePort: portDword(443) });
  const socket: RawSocket = { protocol: 'tcp', family, localAddress: family === 4 ? '127.0.0.1' : '::1', localPort, remoteAddress: family === 4 ? '127.0.0.1' : '::1', remotePort: 443, state: 'ESTABLISHED', uid: null, inode: 0 };
  return { socket, mib };
}
/** The same connection as a fresh table read hands it over (a new RawSocket, the same MIB row). */
const again = (t: { socket: RawSocket; mib: Buffer }) => ({ socket: { ...t.socket, traffic: undefined, trafficUnavailable: undefined }, mib: t.mib });

describe('EstatsReader against the documented behaviour', () => {
  it('switches collection on once per connection (data and path), then reads bytes and RTT, IPv4 and IPv6', () => {
    const stack = new DocumentedStack();
    const a = target(50001);
    const b = target(50002, 6);
    stack.add(a.mib, { acked: 999, received: 999, rttMs: 12 });
    stack.add(b.mib, { acked: 0, received: 0, rttMs: 3 });
    const reader = new EstatsReader(stack, () => stack.elevated);
    const warnings: EngineMessage[] = [];
    reader.read([a, b], warnings);
    expect(stack.calls).toEqual(['set4:1', 'set4:3', 'get4:1', 'get4:3', 'set6:1', 'set6:3', 'get6:1', 'get6:3']);
    // Counts start when collection was switched on: the 999 bytes before it are not there.
    expect(a.socket.traffic).toEqual({ bytesSent: 0, bytesReceived: 0, rttMs: 12, tcpInfo: null });
    expect(b.socket.traffic).toEqual({ bytesSent: 0, bytesReceived: 0, rttMs: 3, tcpInfo: null });
    stack.connections.get(a.mib.toString('hex', 4))!.acked = 5000;
    stack.connections.get(a.mib.toString('hex', 4))!.received = 70;
    stack.calls = [];
    const a2 = again(a);
    reader.read([a2, again(b)], warnings);
    expect(stack.calls).toEqual(['get4:1', 'get4:3', 'get6:1', 'get6:3']);
    expect(a2.socket.traffic).toEqual({ bytesSent: 5000, bytesReceived: 70, rttMs: 12, tcpInfo: null });
    expect(warnings).toEqual([]);
    expect(reader.unavailable()).toBeNull();
  });

  it('not elevated: needs-elevation on every connection, without a single call', () => {
    const stack = new DocumentedStack();
    stack.elevated = false;
    const a = target(50001);
    stack.add(a.mib, { acked: 1, received: 1, rttMs: 1 });
    const reader = new EstatsReader(stack, () => false);
    reader.read([a], []);
    expect(a.socket.trafficUnavailable).toBe('needs-elevation');
    expect(a.socket.traffic).toBeUndefined();
    expect(stack.calls).toEqual([]);
  });

  it('an administrator token Windows still refuses (UAC-filtered: error 5) stops the reads: needs-elevation', () => {
    const stack = new DocumentedStack();
    stack.elevated = false; // the OS says no although the process thought it was elevated
    const [a, b] = [target(50001), target(50002)];
    stack.add(a.mib, { acked: 1, received: 1, rttMs: 1 });
    stack.add(b.mib, { acked: 1, received: 1, rttMs: 1 });
    const reader = new EstatsReader(stack, () => true);
    reader.read([a, b], []);
    expect([a.socket.trafficUnavailable, b.socket.trafficUnavailable]).toEqual(['needs-elevation', 'needs-elevation']);
    expect(stack.calls).toEqual(['set4:1']);
    expect(reader.unavailable()).toBe('needs-elevation');
    reader.read([again(a)], []);
    expect(stack.calls).toEqual(['set4:1']);
  });

  it("Wine: no estats exports at all (null calls), or SetPerTcpConnectionEStats' stub answering ERROR_NOT_SUPPORTED: not-supported", () => {
    const none = target(50001);
    new EstatsReader(null, () => true).read([none], []);
    expect(none.socket.trafficUnavailable).toBe('not-supported');
    const stack = new DocumentedStack();
    stack.setAnswer = 50;
    const a = target(50002);
    const reader = new EstatsReader(stack, () => true);
    reader.read([a], []);
    expect(a.socket.trafficUnavailable).toBe('not-supported');
    expect(reader.unavailable()).toBe('not-supported');
  });

  it('a connection gone between the table read and the call is not-collected, silently; other errors warn once per code', () => {
    const stack = new DocumentedStack();
    const gone = target(50001); // never added: Windows answers ERROR_NOT_FOUND
    const reader = new EstatsReader(stack, () => true);
    const warnings: EngineMessage[] = [];
    reader.read([gone], warnings);
    expect(gone.socket.trafficUnavailable).toBe('not-collected');
    expect(warnings).toEqual([]);
    stack.setAnswer = 87;
    const odd = [target(50002), target(50003)];
    reader.read(odd, warnings);
    expect(odd.map((t) => t.socket.trafficUnavailable)).toEqual(['not-collected', 'not-collected']);
    expect(warnings).toEqual([
      {
        message: 'per-connection statistics (GetPerTcpConnectionEStats) failed for 2 connections: Windows error 87',
        messageKey: 'platform.windows.estatsFailed',
        values: { count: 2, status: '87' },
      },
    ]);
  });

  it('collection switched off by someone else is switched on again; a connection that left is forgotten', () => {
    const stack = new DocumentedStack();
    const a = target(50001);
    stack.add(a.mib, { acked: 0, received: 0, rttMs: 1 });
    const reader = new EstatsReader(stack, () => true);
    reader.read([a], []);
    stack.connections.get(a.mib.toString('hex', 4))!.on.data = false;
    const a2 = again(a);
    reader.read([a2], []);
    expect(a2.socket.trafficUnavailable).toBe('not-collected');
    stack.calls = [];
    reader.read([again(a)], []);
    expect(stack.calls.slice(0, 2)).toEqual(['set4:1', 'set4:3']);
    // A read without it forgets it: when the same endpoints come back (a new connection), it is switched on anew.
    reader.read([], []);
    reader.read([target(50009)], []);
    stack.calls = [];
    reader.read([again(a)], []);
    expect(stack.calls[0]).toBe('set4:1');
  });
});

describe('Windows close: SetTcpEntry with DELETE_TCB', () => {
  it('lays out the MIB_TCPROW as tcpmib.h does: state 12, addresses and ports in network order', () => {
    expect(deleteTcbRow({ localAddress: '10.0.0.5', localPort: 50123, remoteAddress: '140.82.112.3', remotePort: 443 })).toEqual(
      encode(MibTcpRow, { dwState: MIB_TCP_STATE_DELETE_TCB, dwLocalAddr: dword('10.0.0.5'), dwLocalPort: portDword(50123), dwRemoteAddr: dword('140.82.112.3'), dwRemotePort: portDword(443) }),
    );
  });

  const c = { localAddress: '127.0.0.1', localPort: 50123, remoteAddress: '127.0.0.1', remotePort: 8080 };
  const codeOf = (f: () => void) => {
    try {
      f();
      return 'returned';
    } catch (err) {
      return (err as { code?: string }).code ?? (err as Error).message;
    }
  };

  it('maps what SetTcpEntry answers: 0 done, 5 and 317 (not elevated) EACCES, 1168 ENOENT; IPv6 and Wine refused before any call', () => {
    const asked: Buffer[] = [];
    const answer = (status: number) => (row: Buffer) => (asked.push(row), status);
    expect(codeOf(() => closeTcpEntry(answer(0), false, 4, c))).toBe('returned');
    expect(asked[0]!.readUInt32LE(0)).toBe(12);
    expect(codeOf(() => closeTcpEntry(answer(5), false, 4, c))).toBe('EACCES');
    expect(codeOf(() => closeTcpEntry(answer(317), false, 4, c))).toBe('EACCES');
    expect(codeOf(() => closeTcpEntry(answer(1168), false, 4, c))).toBe('ENOENT');
    expect(codeOf(() => closeTcpEntry(answer(1234), false, 4, c))).toBe('SetTcpEntry failed: Windows error 1234');
    asked.length = 0;
    expect(codeOf(() => closeTcpEntry(answer(0), false, 6, { ...c, localAddress: '::1', remoteAddress: '::1' }))).toBe('EOPNOTSUPP');
    expect(codeOf(() => closeTcpEntry(answer(0), true, 4, c))).toBe('EOPNOTSUPP');
    expect(asked).toEqual([]);
  });

  it("close.ts words Windows' answers: denied names administrator, IPv6 says Windows cannot, never the Linux hints", async () => {
    const row = makeRow({ protocol: 'tcp', state: 'ESTABLISHED', localPort: 50123, remoteAddress: '127.0.0.1', remotePort: 8080, pid: 4242, processName: 'chrome.exe' });
    const row6 = makeRow({ protocol: 'tcp', family: 6, state: 'ESTABLISHED', localAddress: '::1', localPort: 50124, remoteAddress: '::1', remotePort: 8080 });
    const refresh = async () => ({ rows: [row, row6] }) as unknown as Snapshot;
    const adapter = (status: number, wine = false) => ({
      capabilities: () => windowsCapabilities(true, wine ? 'wine' : 'ip-helper'),
      closeConnection: (family: 4 | 6, e: typeof c) => closeTcpEntry(() => status, wine, family, e),
    });
    const denied = await closeConnection({ adapter: adapter(5), refresh }, { protocol: 'tcp', ...c });
    expect(denied).toMatchObject({ ok: false, outcome: 'denied', message: expect.stringContaining('run Portscope as administrator') });
    expect(denied.message).toContain('chrome.exe (pid 4242)');
    expect(denied.message).not.toMatch(/sudo|CAP_NET_ADMIN/);
    const v6 = await closeConnection({ adapter: adapter(0), refresh }, { protocol: 'tcp', localAddress: '::1', localPort: 50124, remoteAddress: '::1', remotePort: 8080 });
    expect(v6).toMatchObject({ ok: false, outcome: 'unsupported', message: expect.stringContaining(IPV6_CLOSE_REASON) });
    expect(v6.message).not.toMatch(/CONFIG_INET_DIAG_DESTROY/);
    // SetTcpEntry answered success but the row is still there (what Wine's stub would do): still-open, never "closed".
    const stillOpen = await closeConnection({ adapter: { ...adapter(0), closeConnection: (f: 4 | 6, e: typeof c) => closeTcpEntry(() => 0, false, f, e) }, refresh }, { protocol: 'tcp', ...c });
    expect(stillOpen.outcome).toBe('still-open');
    const wine = await closeConnection({ adapter: adapter(0, true), refresh }, { protocol: 'tcp', ...c });
    expect(wine).toMatchObject({ ok: false, outcome: 'unsupported', message: expect.stringContaining(WINE_CLOSE_REASON) });
  });

  it('capability notes follow what the adapter found: elevation, Wine, missing exports', () => {
    expect(windowsCapabilities(true, 'ip-helper', { unavailable: null, missing: [] }).trafficCounters).toMatchObject({ available: true, note: expect.stringContaining('counts start then, at 0') });
    expect(windowsCapabilities(false, 'ip-helper', { unavailable: 'needs-elevation', missing: [] }).trafficCounters).toMatchObject({ available: false, note: expect.stringContaining('run as administrator') });
    expect(windowsCapabilities(true, 'wine', { unavailable: 'not-supported', missing: ['GetPerTcpConnectionEStats'] }).trafficCounters.note).toMatch(/no GetPerTcpConnectionEStats \(Wine does not implement them\)/);
    expect(windowsCapabilities(false, 'ip-helper').closeConnection).toMatchObject({ available: false, note: expect.stringContaining('run as administrator') });
    expect(windowsCapabilities(true, 'ip-helper').closeConnection).toMatchObject({ available: true, note: expect.stringContaining('IPv4 only') });
  });
});
