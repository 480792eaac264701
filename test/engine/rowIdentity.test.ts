import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { diffRows, indexRows } from '../../electron/engine/monitor/diff';
import { createPlatformAdapter } from '../../electron/engine/platform';
import { SocketSnapshotter } from '../../electron/engine/sockets/snapshotter';
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
