import { spawn } from 'node:child_process';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createLinuxAdapter } from '../../electron/engine/platform/linux/adapter';
import { loadSockDiag } from '../../electron/engine/platform/linux/sockDiag';
import { SocketSnapshotter } from '../../electron/engine/sockets/snapshotter';
import { runCommand } from '../../electron/engine/system/runner';
import type { SocketRow } from '../../shared/contract/sockets';

// A snapshotter that follows the native reader's changes must end up with the same rows as one
// that reads everything afresh, through connections that open, move bytes, close, and owners
// that exit.
const addon = process.platform === 'linux' ? loadSockDiag() : null;

const open: Array<net.Socket | net.Server> = [];
afterAll(() => {
  for (const x of open) {
    if (x instanceof net.Server) x.close();
    else x.destroy();
  }
});

async function connection(port: number): Promise<[net.Socket, net.Socket]> {
  const server = open.find((x): x is net.Server => x instanceof net.Server)!;
  const accepted = new Promise<net.Socket>((r) => server.once('connection', r));
  const c = net.connect(port, '127.0.0.1');
  await new Promise((r) => c.once('connect', r));
  const s = await accepted;
  open.push(c, s);
  return [c, s];
}

// A connection that closed keeps its row id in TIME_WAIT for the snapshotter that saw it live;
// a fresh read cannot know it: there only the endpoints part of the id is compared.
const view = (r: SocketRow) => ({
  inode: r.inode,
  id: r.inode !== 0 ? r.id : r.id.slice(0, r.id.lastIndexOf('|')),
  state: r.state,
  local: `${r.localAddress}:${r.localPort}`,
  remote: `${r.remoteAddress}:${r.remotePort}`,
  pid: r.pid,
  pids: r.pids,
  processName: r.processName,
  ownerStatus: r.ownerStatus,
  bytesSent: r.bytesSent,
  bytesReceived: r.bytesReceived,
  trafficUnavailable: r.trafficUnavailable,
});

describe.skipIf(!addon?.scan)('refreshes that follow the reader’s changes', () => {
  it('match a fresh full read, step after step', async () => {
    const server = net.createServer((s) => s.on('error', () => {}));
    open.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    const concerns = (r: SocketRow) => r.protocol === 'tcp' && (r.localPort === port || r.remotePort === port);
    const live = new SocketSnapshotter(createLinuxAdapter({ run: runCommand }));
    const compare = async () => {
      const followed = (await live.take()).rows.filter(concerns);
      const fresh = (await new SocketSnapshotter(createLinuxAdapter({ run: runCommand })).take()).rows.filter(concerns);
      // The fresh read is taken a moment later: a socket in a short-lived state may have moved on.
      const byId = (rows: SocketRow[]) => rows.map(view).sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(followed)).toEqual(byId(fresh));
      return followed;
    };
    const [a] = await connection(port);
    const [b] = await connection(port);
    await live.take();
    const bPort = b.localPort!; // node forgets it once the socket closes
    const bId = (await compare()).find((r) => r.localPort === port && r.remotePort === bPort)!.id;
    // It does follow changes (its rows are filed by socket from the second refresh on).
    expect((live as unknown as { rowOf: unknown }).rowOf).not.toBeNull();

    // Bytes on one connection, another one closed by the peer that accepted it, a new one.
    a.write(Buffer.alloc(50_000));
    await new Promise((r) => setTimeout(r, 150));
    const [, bServer] = [b, open[open.indexOf(b) + 1] as net.Socket];
    bServer.destroy();
    await new Promise((r) => setTimeout(r, 100));
    const [c] = await connection(port);
    const rows = await compare();
    // The accepting end closed first: it lives on in FIN_WAIT2 or TIME_WAIT, the kernel's alone.
    const closed = rows.find((r) => r.localPort === port && r.remotePort === bPort)!;
    expect(closed).toMatchObject({ inode: 0, pid: null });
    expect(closed.id).toBe(bId); // the same connection, the same row
    const aRow = rows.find((r) => r.localPort === a.localPort)!;
    expect(aRow.bytesSent).toBe(50_000);
    expect(aRow.sendRate).toBeGreaterThan(0);
    // Nothing moves any more: the rate falls to 0 although the socket's record is unchanged.
    const after = (await live.take()).rows.find((r) => r.id === aRow.id)!;
    expect(after.sendRate).toBe(0);
    expect(c.localPort).toBeGreaterThan(0);

    // A child that holds a connection exits: its row goes, the server's end stays ours.
    const child = spawn(process.execPath, ['-e', `const c = require('net').connect(${port}, '127.0.0.1', () => process.stdout.write(c.localPort + '\\n')); setInterval(() => {}, 1e6);`], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const childPort = Number(await new Promise<string>((r) => child.stdout.once('data', (d: Buffer) => r(d.toString()))));
    await new Promise((r) => setTimeout(r, 100));
    const withChild = await compare();
    expect(withChild.find((r) => r.localPort === childPort)?.pid).toBe(child.pid);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    await new Promise((r) => setTimeout(r, 100));
    const withoutChild = await compare();
    expect(withoutChild.find((r) => r.localPort === childPort && r.pid === child.pid)).toBeUndefined();
  });
});
