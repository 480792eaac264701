import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinuxAdapter } from '../../electron/engine/platform/linux/adapter';
import { loadSockDiag } from '../../electron/engine/platform/linux/sockDiag';
import { SocketSnapshotter } from '../../electron/engine/sockets/snapshotter';
import { runCommand } from '../../electron/engine/system/runner';
import { SnapshotSchema, type SocketRow } from '../../shared/contract/sockets';

// Real loopback connections, read back through the real sock_diag tcp_info and checked against
// what `ss -ti` (the kernel's own figures) says about the same sockets.
const addon = process.platform === 'linux' ? loadSockDiag() : null;
const haveSs = spawnSync('ss', ['-V'], { stdio: 'ignore' }).error === undefined;
if (!addon?.scan) console.log('traffic tests skipped: the native sock_diag reader (with scan) is not built here');

const SENT = 1_000_000; // client -> server
const ANSWERED = 300_000; // server -> client

function ssInfo(localPort: number, remotePort: number): Record<string, number> {
  const out = spawnSync('ss', ['-tinH', `( sport = :${localPort} and dport = :${remotePort} )`], { encoding: 'utf8' }).stdout;
  const fields: Record<string, number> = {};
  for (const m of out.matchAll(/\b(bytes_sent|bytes_acked|bytes_received|bytes_retrans|segs_in|segs_out):(\d+)/g)) fields[m[1]!] = Number(m[2]);
  return fields;
}

function readAll(sock: net.Socket, want: number): Promise<void> {
  let got = 0;
  return new Promise((resolve) => {
    sock.on('data', (d: Buffer) => {
      got += d.length;
      if (got >= want) resolve();
    });
  });
}

describe.skipIf(!addon?.scan)('traffic counters from tcp_info', () => {
  let server: net.Server;
  let client: net.Socket;
  let accepted: net.Socket;
  let udp: dgram.Socket;
  let rows: SocketRow[];
  let snapshotter: SocketSnapshotter;
  let summary: Awaited<ReturnType<SocketSnapshotter['take']>>['traffic'];

  beforeAll(async () => {
    server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    const acceptedP = new Promise<net.Socket>((r) => server.once('connection', r));
    client = net.connect(port, '127.0.0.1');
    await new Promise((r) => client.once('connect', r));
    accepted = await acceptedP;
    const serverGot = readAll(accepted, SENT);
    const clientGot = readAll(client, ANSWERED);
    client.write(Buffer.alloc(SENT, 7));
    accepted.write(Buffer.alloc(ANSWERED, 9));
    await Promise.all([serverGot, clientGot]);
    await new Promise((r) => setTimeout(r, 100)); // the last ACKs
    udp = dgram.createSocket('udp4');
    await new Promise<void>((r) => udp.bind(0, '127.0.0.1', r));
    snapshotter = new SocketSnapshotter(createLinuxAdapter({ run: runCommand }));
    const taken = await snapshotter.take();
    rows = taken.rows;
    summary = taken.traffic;
  });

  afterAll(async () => {
    client?.destroy();
    accepted?.destroy();
    udp?.close();
    await new Promise((r) => server?.close(r));
  });

  const rowOf = (localPort: number, remotePort: number) => rows.find((r) => r.protocol === 'tcp' && r.localPort === localPort && r.remotePort === remotePort);

  it('shows the bytes a loopback connection moved on both ends', () => {
    const c = rowOf(client.localPort!, client.remotePort!);
    const s = rowOf(accepted.localPort!, accepted.remotePort!);
    expect(c).toMatchObject({ bytesSent: SENT, bytesReceived: ANSWERED, trafficUnavailable: null, pid: process.pid });
    expect(s).toMatchObject({ bytesSent: ANSWERED, bytesReceived: SENT, trafficUnavailable: null, pid: process.pid });
    // The first sight of a socket has no rate yet.
    expect(c!.sendRate).toBeNull();
    expect(c!.rttMs).toBeGreaterThan(0);
    expect(c!.tcpInfo!.segsOut).toBeGreaterThan(0);
  });

  it.skipIf(!haveSs)("matches ss -ti's own figures for the same sockets", () => {
    for (const sock of [client, accepted]) {
      const row = rowOf(sock.localPort!, sock.remotePort!)!;
      const ss = ssInfo(sock.localPort!, sock.remotePort!);
      expect(row.bytesReceived).toBe(ss.bytes_received);
      // Delivered payload: what was sent once (ss's bytes_sent less retransmissions), within what
      // the peer acknowledged (bytes_acked also counts an active open's SYN).
      expect(row.bytesSent).toBe((ss.bytes_sent ?? 0) - (ss.bytes_retrans ?? 0));
      expect(ss.bytes_acked! - row.bytesSent!).toBeGreaterThanOrEqual(0);
      expect(ss.bytes_acked! - row.bytesSent!).toBeLessThanOrEqual(1);
      expect(row.tcpInfo!.segsIn).toBe(ss.segs_in);
      expect(row.tcpInfo!.segsOut).toBe(ss.segs_out);
    }
  });

  it('says why UDP and listening rows have no counters', () => {
    const u = rows.find((r) => r.protocol === 'udp' && r.localPort === (udp.address().port))!;
    expect(u).toMatchObject({ bytesSent: null, bytesReceived: null, sendRate: null, receiveRate: null, trafficUnavailable: 'udp-not-counted' });
    const l = rows.find((r) => r.state === 'LISTEN' && r.localPort === (server.address() as net.AddressInfo).port)!;
    expect(l).toMatchObject({ bytesSent: null, trafficUnavailable: 'listener' });
  });

  it('gives each process the sum over its sockets, and the machine the sum over all', () => {
    const mine = rows.filter((r) => r.pid === process.pid && r.bytesSent !== null);
    const me = summary.processes.find((p) => p.pid === process.pid)!;
    expect(me.connections).toBe(mine.length);
    expect(me.bytesSent).toBe(mine.reduce((n, r) => n + r.bytesSent!, 0));
    expect(me.bytesReceived).toBe(mine.reduce((n, r) => n + r.bytesReceived!, 0));
    expect(me.bytesSent).toBeGreaterThanOrEqual(SENT + ANSWERED);
    const counted = rows.filter((r) => r.bytesSent !== null);
    expect(summary.machine.bytesSent).toBe(counted.reduce((n, r) => n + r.bytesSent!, 0));
  });

  it('keeps unchanged rows and their counters between refreshes, with a rate of 0', async () => {
    await snapshotter.take();
    const again = await snapshotter.take();
    const c = again.rows.find((r) => r.localPort === client.localPort && r.remotePort === client.remotePort)!;
    expect(c).toMatchObject({ bytesSent: SENT, bytesReceived: ANSWERED, sendRate: 0, receiveRate: 0 });
    const snapshot = { seq: 1, takenAt: again.takenAt, hostname: again.hostname, rows: again.rows, processes: [...again.processes.values()], durationMs: again.durationMs, warnings: again.warnings, traffic: again.traffic };
    expect(() => SnapshotSchema.parse(snapshot)).not.toThrow();
  });
});

describe.skipIf(process.platform !== 'linux')('traffic counters without the native reader', () => {
  it('reads /proc/net and says the counters were not collected', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    const client = net.connect(port, '127.0.0.1');
    await new Promise((r) => client.once('connect', r));
    try {
      const taken = await new SocketSnapshotter(createLinuxAdapter({ run: runCommand, native: null })).take();
      const row = taken.rows.find((r) => r.localPort === client.localPort && r.remotePort === port)!;
      expect(row).toMatchObject({ state: 'ESTABLISHED', bytesSent: null, bytesReceived: null, sendRate: null, rttMs: null, tcpInfo: null, trafficUnavailable: 'not-collected' });
      expect(taken.traffic.processes.find((p) => p.pid === process.pid)).toBeUndefined();
    } finally {
      client.destroy();
      await new Promise((r) => server.close(r));
    }
  });
});

/** A child that sends `chunk` bytes every `everyMs` on a schedule of its own clock (no drift). */
function throttledSender(port: number, chunk: number, everyMs: number): ChildProcess {
  const script = `
const net = require('net');
const c = net.connect(${port}, '127.0.0.1', () => {
  const start = Date.now(); let k = 0; const buf = Buffer.alloc(${chunk}, 1);
  process.stdout.write(c.localPort + '\\n');
  const tick = () => { c.write(buf); k++; setTimeout(tick, Math.max(0, start + k * ${everyMs} - Date.now())); };
  tick();
});
c.on('error', () => process.exit(1));`;
  return spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
}

describe.skipIf(!addon?.scan)('rates between refreshes', () => {
  it('gives a throttled sender its rate within 10%, on both ends', async () => {
    const CHUNK = 16 * 1024;
    const EVERY_MS = 25;
    const expected = (CHUNK * 1000) / EVERY_MS; // 655,360 B/s
    const server = net.createServer((s) => s.resume());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    const child = throttledSender(port, CHUNK, EVERY_MS);
    try {
      const localPort = Number(await new Promise<string>((r) => child.stdout!.once('data', (d: Buffer) => r(d.toString().trim()))));
      const snapshotter = new SocketSnapshotter(createLinuxAdapter({ run: runCommand }));
      await new Promise((r) => setTimeout(r, 300)); // let it settle into its schedule
      await snapshotter.take();
      await new Promise((r) => setTimeout(r, 2000));
      const taken = await snapshotter.take();
      const sender = taken.rows.find((r) => r.localPort === localPort && r.remotePort === port)!;
      const receiver = taken.rows.find((r) => r.localPort === port && r.remotePort === localPort)!;
      expect(sender.pid).toBe(child.pid);
      expect(Math.abs(sender.sendRate! - expected) / expected).toBeLessThan(0.1);
      expect(Math.abs(receiver.receiveRate! - expected) / expected).toBeLessThan(0.1);
      expect(sender.receiveRate).toBe(0);
      const proc = taken.traffic.processes.find((p) => p.pid === child.pid)!;
      expect(proc.sendRate).toBe(sender.sendRate);
      expect(taken.traffic.machine.sendRate).toBeGreaterThanOrEqual(sender.sendRate!);
    } finally {
      child.kill('SIGKILL');
      await new Promise((r) => server.close(r));
    }
  });
});
