import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinuxAdapter } from '../../electron/engine/platform/linux/adapter';
import { loadSockDiag, RecordDecoder } from '../../electron/engine/platform/linux/sockDiag';
import { runCommand } from '../../electron/engine/system/runner';
import type { RawSocket } from '../../electron/engine/platform/types';
import { portOf, SocketBag } from '../support/sockets';

const addon = loadSockDiag();
const bag = new SocketBag();
const ports: number[] = [];

beforeAll(async () => {
  ports.push(portOf(await bag.listen('127.0.0.1')), portOf(await bag.listen('::')), portOf(await bag.listen('::', { ipv6Only: true })));
  ports.push(portOf(await bag.udp('udp4', '127.0.0.1')), portOf(await bag.udp('udp6', '::')));
  ports.push((await bag.connect('127.0.0.1', ports[0]!)).localPort!);
});
afterAll(() => bag.closeAll());

const key = (s: RawSocket) => `${s.protocol}${s.family} ${s.localAddress}:${s.localPort} ${s.remoteAddress}:${s.remotePort} ${s.state} uid=${s.uid} ino=${s.inode}`;

describe('record decoding', () => {
  it('decodes fixed-size little-endian records, skipping unknown states', () => {
    const rec = Buffer.alloc(52 * 2);
    rec[0] = 6;
    rec[1] = 6;
    rec[2] = 10; // LISTEN
    rec[3] = 0; // v6only off
    rec.writeUInt16LE(8080, 4);
    rec[8 + 15] = 1; // ::1
    rec.writeUInt32LE(1000, 40);
    rec.writeUInt32LE(4242, 44);
    rec[52 + 2] = 99; // not a TCP state
    expect(new RecordDecoder().decode(rec, 52, 'tcp', 6)).toEqual([
      { protocol: 'tcp', family: 6, localAddress: '::1', localPort: 8080, remoteAddress: '::', remotePort: 0, state: 'LISTEN', uid: 1000, inode: 4242, dualStack: true },
    ]);
  });
});

describe.skipIf(!addon)('the sock_diag netlink reader', () => {
  it('sees exactly what /proc/net shows, plus v6only', async () => {
    const viaNetlink = await createLinuxAdapter({ run: runCommand }).readSockets();
    const viaProc = await createLinuxAdapter({ run: runCommand, native: null }).readSockets();
    await Promise.all([viaNetlink.pending, viaProc.pending]);
    const mine = (list: RawSocket[]) => list.filter((s) => ports.includes(s.localPort)).map(key).sort();
    expect(mine(viaNetlink.sockets)).toEqual(mine(viaProc.sockets));
    expect(mine(viaNetlink.sockets).length).toBeGreaterThanOrEqual(7);
    const dual = viaNetlink.sockets.find((s) => s.localPort === ports[1] && s.state === 'LISTEN')!;
    const v6only = viaNetlink.sockets.find((s) => s.localPort === ports[2] && s.state === 'LISTEN')!;
    expect([dual.dualStack, v6only.dualStack]).toEqual([true, false]);
    expect(viaNetlink.warnings).toEqual([]);
  });
});

if (!addon) console.log('netlink.test: live comparison skipped: the native sock_diag reader is not built (no C compiler?)');
