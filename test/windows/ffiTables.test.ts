// The owner-pid table layouts of tcpmib.h / udpmib.h, byte for byte. Under Wine the suite reads
// the owner-less TCP tables (Wine names no TCP owner), so the owner-pid TCP rows Windows itself
// returns are checked here, laid out as the API lays them out.
import { describe, expect, it } from 'vitest';
import { decodeBasicTcpTable, decodeOwnerPidTable, ROW_BYTES } from '../../electron/engine/platform/windows/ffiTables';

function table(rowBytes: number, rows: Array<(b: Buffer, at: number) => void>): Buffer {
  const buf = Buffer.alloc(4 + rowBytes * rows.length + 7); // trailing slack, as a reused buffer has
  buf.writeUInt32LE(rows.length, 0);
  rows.forEach((fill, i) => fill(buf, 4 + i * rowBytes));
  return buf;
}
const v4 = (b: Buffer, at: number, a: string) => a.split('.').forEach((x, i) => (b[at + i] = Number(x)));
const port = (b: Buffer, at: number, p: number) => b.writeUInt16BE(p, at); // network order, low word of the DWORD
const v6 = (b: Buffer, at: number, hex: string) => Buffer.from(hex, 'hex').copy(b, at);

describe('Windows IP Helper tables', () => {
  it('decodes MIB_TCPTABLE_OWNER_PID rows: state, endpoints in network order, owner pid', () => {
    const buf = table(ROW_BYTES.tcp4, [
      (b, at) => {
        b.writeUInt32LE(5, at); // ESTAB
        v4(b, at + 4, '192.168.1.20');
        port(b, at + 8, 50123);
        v4(b, at + 12, '140.82.112.3');
        port(b, at + 16, 443);
        b.writeUInt32LE(7412, at + 20);
      },
      (b, at) => {
        b.writeUInt32LE(2, at); // LISTEN
        port(b, at + 8, 445);
        b.writeUInt32LE(4, at + 20);
      },
      (b, at) => {
        b.writeUInt32LE(11, at); // TIME_WAIT, pid 0
        v4(b, at + 4, '127.0.0.1');
        port(b, at + 8, 49700);
        v4(b, at + 12, '127.0.0.1');
        port(b, at + 16, 8080);
      },
    ]);
    expect(decodeOwnerPidTable(buf, 'tcp', 4)).toEqual([
      expect.objectContaining({ state: 'ESTABLISHED', localAddress: '192.168.1.20', localPort: 50123, remoteAddress: '140.82.112.3', remotePort: 443, ownerPid: 7412, uid: null, inode: 0 }),
      expect.objectContaining({ state: 'LISTEN', localAddress: '0.0.0.0', localPort: 445, remoteAddress: '0.0.0.0', remotePort: 0, ownerPid: 4 }),
      expect.objectContaining({ state: 'TIME_WAIT', localPort: 49700, remotePort: 8080, ownerPid: 0 }),
    ]);
  });

  it('decodes IPv6 rows with their scope ids: the interface index of link-local addresses only', () => {
    const buf = table(ROW_BYTES.tcp6, [
      (b, at) => {
        v6(b, at, 'fe800000000000000211 22fffe334455'.replace(' ', ''));
        b.writeUInt32LE(12, at + 16);
        port(b, at + 20, 22);
        v6(b, at + 24, 'fe80000000000000aabbccfffe001122');
        b.writeUInt32LE(12, at + 40);
        port(b, at + 44, 51514);
        b.writeUInt32LE(5, at + 48);
        b.writeUInt32LE(1180, at + 52);
      },
      (b, at) => {
        b.writeUInt32LE(3, at + 16); // a scope id on a global address means nothing
        v6(b, at, '20010db8000000000000000000000001');
        port(b, at + 20, 443);
        b.writeUInt32LE(2, at + 48);
        b.writeUInt32LE(900, at + 52);
      },
    ]);
    expect(decodeOwnerPidTable(buf, 'tcp', 6)).toEqual([
      expect.objectContaining({ family: 6, localAddress: 'fe80::211:22ff:fe33:4455', scopeId: '12', localPort: 22, remoteAddress: 'fe80::aabb:ccff:fe00:1122', remotePort: 51514, state: 'ESTABLISHED', ownerPid: 1180 }),
      expect.objectContaining({ localAddress: '2001:db8::1', scopeId: null, localPort: 443, remoteAddress: '::', state: 'LISTEN', ownerPid: 900 }),
    ]);
  });

  it('decodes UDP owner-pid rows (no remote end) for both families', () => {
    const u4 = table(ROW_BYTES.udp4, [
      (b, at) => {
        port(b, at + 4, 5353);
        b.writeUInt32LE(2284, at + 8);
      },
    ]);
    const u6 = table(ROW_BYTES.udp6, [
      (b, at) => {
        v6(b, at, '00000000000000000000000000000001');
        port(b, at + 20, 1900);
        b.writeUInt32LE(3100, at + 24);
      },
    ]);
    expect(decodeOwnerPidTable(u4, 'udp', 4)).toEqual([expect.objectContaining({ localAddress: '0.0.0.0', localPort: 5353, remotePort: 0, state: 'UNCONN', ownerPid: 2284 })]);
    expect(decodeOwnerPidTable(u6, 'udp', 6)).toEqual([expect.objectContaining({ localAddress: '::1', localPort: 1900, remoteAddress: '::', state: 'UNCONN', ownerPid: 3100 })]);
  });

  it('reads no further than the count, nor past a short buffer', () => {
    const buf = table(ROW_BYTES.tcp4, [(b, at) => b.writeUInt32LE(2, at)]);
    buf.writeUInt32LE(1000, 0);
    expect(decodeOwnerPidTable(buf, 'tcp', 4)).toHaveLength(1);
    expect(decodeOwnerPidTable(Buffer.alloc(2), 'udp', 4)).toEqual([]);
  });

  it('decodes the owner-less MIB_TCP6TABLE (GetTcp6Table) with scope ids', () => {
    const buf = table(52, [
      (b, at) => {
        b.writeUInt32LE(2, at);
        v6(b, at + 4, 'fe800000000000000000000000000001');
        b.writeUInt32LE(7, at + 20);
        port(b, at + 24, 8443);
      },
    ]);
    expect(decodeBasicTcpTable(buf, 6)).toEqual([expect.objectContaining({ localAddress: 'fe80::1', scopeId: '7', localPort: 8443, state: 'LISTEN', ownerPid: 0 })]);
  });
});
