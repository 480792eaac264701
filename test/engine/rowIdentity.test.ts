import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { diffRows, indexRows } from '../../electron/engine/monitor/diff';
import { createPlatformAdapter } from '../../electron/engine/platform';
import { SocketSnapshotter } from '../../electron/engine/sockets/snapshotter';
import type { PlatformAdapter, RawSocket } from '../../electron/engine/platform/types';
import type { SocketRow } from '../../shared/contract/sockets';
import { portOf, SocketBag } from '../support/sockets';

const bag = new SocketBag();
afterEach(() => bag.closeAll());

/**
 * A real loopback connection, closed actively by its client: the client's socket leaves the
 * process (inode 0) and lives on in FIN_WAIT2 / TIME_WAIT. Each refresh is diffed as the monitor
 * does; the connection must stay one row, changed, never removed and added again.
 */
describe('row identity across TCP states', () => {
  it('keeps the row of a connection going from ESTABLISHED to TIME_WAIT, as a change', async () => {
    const server = await bag.listen('127.0.0.1');
    const port = portOf(server);
    // The server closes its side as soon as the client's FIN arrives (allowHalfOpen off), so the
    // client, the active closer, ends in TIME_WAIT.
    const client = net.connect({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => client.once('connect', resolve).once('error', reject));
    const clientPort = client.localPort!;
    const isClient = (r: SocketRow) => r.protocol === 'tcp' && r.localPort === clientPort && r.remotePort === port;

    const snapshotter = new SocketSnapshotter(createPlatformAdapter());
    let previous = indexRows((await snapshotter.take()).rows);
    const established = [...previous.byId.values()].find(isClient);
    expect(established).toMatchObject({ state: 'ESTABLISHED', pid: process.pid, ownerStatus: 'known' });

    client.destroy();
    const states: string[] = [];
    let last: SocketRow | undefined;
    for (let i = 0; i < 200 && last?.state !== 'TIME_WAIT'; i++) {
      await new Promise((r) => setTimeout(r, 5));
      const next = indexRows((await snapshotter.take()).rows);
      const diff = diffRows(previous, next);
      expect(diff.removed).not.toContain(established!.id);
      expect(diff.added.filter(isClient)).toEqual([]);
      const changed = diff.changed.find(isClient);
      if (changed) states.push(changed.state);
      last = [...next.byId.values()].find(isClient);
      previous = next;
    }
    expect(last).toMatchObject({ id: established!.id, state: 'TIME_WAIT', inode: 0, ownerStatus: 'time-wait' });
    expect(states.at(-1)).toBe('TIME_WAIT');
  });

  it('gives another connection to the same listener a row of its own', async () => {
    const server = await bag.listen('127.0.0.1');
    const port = portOf(server);
    const snapshotter = new SocketSnapshotter(createPlatformAdapter());
    const first = await bag.connect('127.0.0.1', port);
    const local = first.localPort!;
    const rowOf = async () => (await snapshotter.take()).rows.find((r) => r.localPort === local && r.remotePort === port && r.state === 'ESTABLISHED');
    const a = await rowOf();
    first.destroy();
    await new Promise((r) => setTimeout(r, 50));
    // The listener stays; a second client on another port is another connection.
    const second = await bag.connect('127.0.0.1', port);
    const b = (await snapshotter.take()).rows.find((r) => r.localPort === second.localPort && r.remotePort === port);
    expect(a?.id).toBeDefined();
    expect(b?.id).toBeDefined();
    expect(b!.id).not.toBe(a!.id);
  });
});

/**
 * Where the OS names the owner with each socket (Windows' owner-pid tables), a connection that
 * closes moves from its process's pid to pid 0 in TIME_WAIT. The adapter here replays such
 * tables; the snapshotter must keep the connection's row through it.
 */
describe('row identity with OS-reported owners', () => {
  it('keeps the row when the owner pid becomes 0 in TIME_WAIT', async () => {
    const conn = (state: RawSocket['state'], pid: number | null): RawSocket => ({
      protocol: 'tcp',
      family: 4,
      localAddress: '127.0.0.1',
      localPort: 50000,
      remoteAddress: '127.0.0.1',
      remotePort: 443,
      state,
      uid: null,
      inode: 0,
      owner: pid === null ? { pid: null, status: 'time-wait' } : { pid },
    });
    let tables: RawSocket[] = [conn('ESTABLISHED', 4242)];
    const adapter = {
      name: 'replay',
      capabilities: () => ({}) as ReturnType<PlatformAdapter['capabilities']>,
      readSockets: async () => ({ sockets: tables, warnings: [] }),
      listPids: () => new Set([4242]),
      readProcess: (pid: number) => (pid === 4242 ? { pid, ppid: 1, name: 'app.exe', exe: null, args: [], commandLine: 'app.exe', uid: null, user: null, startTime: null, unit: null, container: null, unavailable: [] } : null),
    } satisfies PlatformAdapter;
    const snapshotter = new SocketSnapshotter(adapter);
    const before = indexRows((await snapshotter.take()).rows);
    const [established] = before.byId.values();
    tables = [conn('TIME_WAIT', null)];
    const after = indexRows((await snapshotter.take()).rows);
    const diff = diffRows(before, after);
    expect(diff).toMatchObject({ added: [], removed: [], changed: [expect.objectContaining({ id: established!.id, state: 'TIME_WAIT', pid: null })] });
  });
});
