import { afterEach, describe, expect, it } from 'vitest';
import { createLinuxAdapter } from '../../electron/engine/platform/linux/adapter';
import { loadSockDiag, type SockDiagAddon } from '../../electron/engine/platform/linux/sockDiag';
import type { CommandRunner } from '../../electron/engine/platform/types';
import { SocketSnapshotter } from '../../electron/engine/sockets/snapshotter';
import { hex4, ProcTree, tcpLine } from '../support/procTree';

const noSs: CommandRunner = async () => {
  throw Object.assign(new Error('spawn ss ENOENT'), { code: 'ENOENT' });
};

let tree: ProcTree;
afterEach(() => tree?.remove());

const walkers: Array<[string, SockDiagAddon | null]> = [['JS fd walk', null]];
const addon = loadSockDiag();
if (addon) walkers.push(['native fd walk', addon]);

/** Enough refreshes to cross several of the snapshotter's periodic full searches. */
const TICKS = 200;

/**
 * A listener nobody visible owns (as one from another pid namespace): its owner status must read
 * the same on every refresh, also when unrelated processes exit while a search walks the fds.
 */
describe.each(walkers)('owner status over time (%s)', (_name, native) => {
  const listener = () => tcpLine(hex4('0.0.0.0', 2024), hex4('0.0.0.0', 0), '0A', 0, 9001);
  const snapshotter = () => new SocketSnapshotter(createLinuxAdapter({ procRoot: tree.root, etcRoot: tree.etc, run: noSs, littleEndian: true, native }));

  it('stays "not found" for hundreds of refreshes while other processes come and go', async () => {
    tree = new ProcTree().table('tcp', [listener()]).process(10, { comm: 'bystander', sockets: [] });
    const s = snapshotter();
    const seen: string[] = [];
    for (let tick = 1; tick <= TICKS; tick++) {
      // From the second refresh on, a process is always caught exiting mid-walk (as on a busy
      // machine, where some short-lived process exits during nearly every full search).
      if (tick === 2) tree.vanished(300);
      // Processes appear and go: each new one is searched, none holds the socket.
      if (tick % 7 === 0) tree.process(1000 + tick, { comm: `job${tick}`, sockets: [] });
      const row = (await s.take()).rows.find((r) => r.localPort === 2024)!;
      seen.push(row.ownerStatus);
    }
    expect(new Set(seen)).toEqual(new Set(['not-found']));
  });

  it('says "process exited" only until the next refresh finds the socket still there', async () => {
    tree = new ProcTree().table('tcp', [listener()]).vanished(300);
    const s = snapshotter();
    const statuses: string[] = [];
    for (let tick = 1; tick <= TICKS; tick++) statuses.push((await s.take()).rows[0]!.ownerStatus);
    // The first walk lost a process that may have held it; the second knows it did not.
    expect(statuses[0]).toBe('process-exited');
    expect(new Set(statuses.slice(1))).toEqual(new Set(['not-found']));
  });

  it('still finds an owner that shows up later', async () => {
    tree = new ProcTree().table('tcp', [listener()]).vanished(300);
    const s = snapshotter();
    for (let tick = 1; tick <= 5; tick++) await s.take();
    tree.process(77, { comm: 'late', sockets: [9001] });
    expect((await s.take()).rows[0]).toMatchObject({ ownerStatus: 'known', pid: 77, processName: 'late' });
  });
});
