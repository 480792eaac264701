import { afterEach, describe, expect, it } from 'vitest';
import { createLinuxAdapter } from '../../electron/engine/platform/linux/adapter';
import { loadSockDiag, type SockDiagAddon } from '../../electron/engine/platform/linux/sockDiag';
import { SocketSnapshotter } from '../../electron/engine/sockets/snapshotter';
import type { CommandRunner } from '../../electron/engine/platform/types';
import { hex4, ProcTree, tcpLine } from '../support/procTree';

// No `ss` in a crafted world: the adapter must say dual-stack is unknown, not guess.
const noSs: CommandRunner = async () => {
  throw Object.assign(new Error('spawn ss ENOENT'), { code: 'ENOENT' });
};

let tree: ProcTree;
afterEach(() => tree?.remove());

// Both fd walkers (the native one and the pure-JS fallback) must agree on every crafted tree.
const walkers: Array<[string, SockDiagAddon | null]> = [['JS fd walk', null]];
const addon = loadSockDiag();
if (addon) walkers.push(['native fd walk', addon]);

describe.each(walkers)('the Linux adapter on crafted procfs trees (%s)', (_name, native) => {
  function snapshotter(t: ProcTree) {
    return new SocketSnapshotter(createLinuxAdapter({ procRoot: t.root, etcRoot: t.etc, run: noSs, littleEndian: true, native }));
  }

  it('joins sockets to their owners, with every owner detail', async () => {
    tree = new ProcTree()
      .table('tcp', [tcpLine(hex4('0.0.0.0', 22), hex4('0.0.0.0', 0), '0A', 0, 111), tcpLine(hex4('127.0.0.1', 5432), hex4('0.0.0.0', 0), '0A', 1000, 222)])
      .process(100, {
        comm: 'sshd',
        args: ['/usr/sbin/sshd', '-D'],
        exe: '/usr/sbin/sshd',
        cgroup: '0::/system.slice/ssh.service\n',
        sockets: [111],
        startTicks: 1000,
      })
      .process(200, { comm: 'postgres', uid: 1000, ppid: 100, args: ['postgres', '-D', '/var/lib/pg data'], sockets: [222] });
    const snap = await snapshotter(tree).take();
    const ssh = snap.rows.find((r) => r.localPort === 22)!;
    expect(ssh).toMatchObject({ pid: 100, processName: 'sshd', user: 'root', ownerStatus: 'known', service: 'ssh', exposure: 'all', portClass: 'well-known' });
    expect(ssh.risks.map((r) => r.code)).toEqual(['remote-admin-exposed']);
    const pg = snap.rows.find((r) => r.localPort === 5432)!;
    expect(pg).toMatchObject({ pid: 200, user: 'alice', exposure: 'loopback', risks: [] });
    const sshd = snap.processes.get(100)!;
    expect(sshd).toMatchObject({ exe: '/usr/sbin/sshd', unit: 'ssh.service', commandLine: '/usr/sbin/sshd -D', startTime: new Date((1700000000 + 10) * 1000).toISOString() });
    expect(snap.processes.get(200)!.commandLine).toBe("postgres -D '/var/lib/pg data'");
    expect(snap.processes.get(200)!.unavailable.map((u) => u.field)).toEqual(['exe']);
  });

  it('says why an owner is unknown: time-wait, exited, not found', async () => {
    tree = new ProcTree()
      .table('tcp', [
        tcpLine(hex4('127.0.0.1', 40000), hex4('127.0.0.1', 80), '06', 0, 0),
        tcpLine(hex4('127.0.0.1', 8080), hex4('0.0.0.0', 0), '0A', 0, 333),
        tcpLine(hex4('127.0.0.1', 41000), hex4('127.0.0.1', 8080), '05', 0, 0),
      ])
      .vanished(300);
    const snap = await snapshotter(tree).take();
    const byPort = (p: number) => snap.rows.find((r) => r.localPort === p)!;
    expect(byPort(40000)).toMatchObject({ ownerStatus: 'time-wait', pid: null, processName: null });
    expect(byPort(41000)).toMatchObject({ ownerStatus: 'orphaned', pid: null });
    // pid 300's fd table vanished mid-walk: the listener's owner may have been it.
    expect(byPort(8080)).toMatchObject({ ownerStatus: 'process-exited', pid: null });
  });

  it('survives malformed tables and de-duplicates rows read twice', async () => {
    const line = tcpLine(hex4('127.0.0.1', 9000), hex4('0.0.0.0', 0), '0A', 0, 444);
    tree = new ProcTree().table('tcp', [line, 'total garbage here', line]).process(400, { comm: 'srv', sockets: [444] });
    const snap = await snapshotter(tree).take();
    expect(snap.rows.filter((r) => r.localPort === 9000)).toHaveLength(1);
    expect(snap.warnings.some((w) => w.includes('malformed'))).toBe(true);
    expect(snap.warnings.some((w) => w.includes('dual-stack'))).toBe(false); // no :: sockets, so ss is never asked
  });

  it('lists every process sharing a socket (forked servers)', async () => {
    tree = new ProcTree()
      .table('tcp', [tcpLine(hex4('0.0.0.0', 80), hex4('0.0.0.0', 0), '0A', 0, 555)])
      .process(10, { comm: 'nginx', sockets: [555] })
      .process(11, { comm: 'nginx', ppid: 10, sockets: [555] })
      .process(12, { comm: 'nginx', ppid: 10, sockets: [555] });
    const row = (await snapshotter(tree).take()).rows[0]!;
    expect(row.pids).toEqual([10, 11, 12]);
    expect(row.pid).toBe(10);
  });

  it('finds owners of new sockets incrementally and drops owners that exited', async () => {
    tree = new ProcTree().table('tcp', [tcpLine(hex4('127.0.0.1', 7000), hex4('0.0.0.0', 0), '0A', 0, 601)]).process(60, { comm: 'a', sockets: [601] });
    const s = snapshotter(tree);
    expect((await s.take()).ownerWalk).toBe('full');
    const steady = await s.take();
    expect(steady.ownerWalk).toBe('none');
    expect(steady.rows[0]!.pid).toBe(60);
    tree
      .table('tcp', [tcpLine(hex4('127.0.0.1', 7000), hex4('0.0.0.0', 0), '0A', 0, 601), tcpLine(hex4('127.0.0.1', 7001), hex4('0.0.0.0', 0), '0A', 0, 602)])
      .process(61, { comm: 'b', sockets: [602] });
    const grown = await s.take();
    expect(grown.ownerWalk).toBe('incremental');
    expect(grown.rows.find((r) => r.localPort === 7001)!.processName).toBe('b');
  });

  it('finds an owner that appears later in a new process, without walking everyone again', async () => {
    tree = new ProcTree().table('tcp', [tcpLine(hex4('127.0.0.1', 7100), hex4('0.0.0.0', 0), '0A', 0, 801)]).process(70, { comm: 'old', sockets: [] });
    const s = snapshotter(tree);
    expect((await s.take()).rows[0]).toMatchObject({ ownerStatus: 'not-found', pid: null });
    expect((await s.take()).ownerWalk).toBe('none'); // not looked for again while nothing changed
    tree.process(71, { comm: 'heir', sockets: [801] });
    const later = await s.take();
    expect(later.ownerWalk).toBe('incremental');
    expect(later.rows[0]).toMatchObject({ ownerStatus: 'known', pid: 71, processName: 'heir' });
  });

  it('marks IPv6 any-address sockets dual-stack only when ss says so, else unknown', async () => {
    const any6 = '00000000000000000000000000000000';
    tree = new ProcTree().table('tcp6', [
      `${any6}:0050 ${any6}:0000 0A 00000000:00000000 00:00000000 00000000 0 0 701 1 0 100 0 0 10 0`,
      `${any6}:0051 ${any6}:0000 0A 00000000:00000000 00:00000000 00000000 0 0 702 1 0 100 0 0 10 0`,
    ]);
    const ss: CommandRunner = async () => ({ code: 0, stderr: '', stdout: 'tcp LISTEN 0 511 *:80 *:* ino:701 sk:1 v6only:0 <->\ntcp LISTEN 0 511 [::]:81 [::]:* ino:702 sk:2 v6only:1 <->\n' });
    const withSs = await new SocketSnapshotter(createLinuxAdapter({ procRoot: tree.root, etcRoot: tree.etc, run: ss, littleEndian: true, native })).take();
    expect(withSs.rows.map((r) => [r.localPort, r.dualStack, r.exposure])).toEqual([
      [80, true, 'all'],
      [81, false, 'all'],
    ]);
    const without = await snapshotter(tree).take();
    expect(without.rows.map((r) => r.dualStack)).toEqual([null, null]);
    expect(without.warnings.some((w) => w.includes('dual-stack check unavailable'))).toBe(true);
  });
});
