import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSockDiag } from '../../electron/engine/platform/linux/sockDiag';
import { formatBytes, sortByTraffic } from '../../electron/cli/trafficFormat';
import type { SocketRow } from '../../shared/contract/sockets';
import type { TrafficSummary } from '../../shared/contract/traffic';
import { makeRow } from '../renderer/fixtures';
import { portscope } from '../support/cli';

// The real CLI, as a child process, on a real loopback connection that moved a known amount.
const addon = process.platform === 'linux' ? loadSockDiag() : null;
const SENT = 200_000;

describe('traffic formatting', () => {
  it('prints bytes in binary units with three significant digits', () => {
    expect([0, 1023, 1536, 200_000, 5 * 1024 ** 3].map(formatBytes)).toEqual(['0 B', '1023 B', '1.50 KiB', '195 KiB', '5.00 GiB']);
  });

  it('sorts by rate, busiest first, rows without counters last in their order', () => {
    const rows: SocketRow[] = [
      makeRow({ localPort: 1, bytesSent: null, sendRate: null, receiveRate: null, trafficUnavailable: 'listener' }),
      makeRow({ localPort: 2, bytesSent: 10, bytesReceived: 0, sendRate: 10, receiveRate: 0, trafficUnavailable: null }),
      makeRow({ localPort: 3, bytesSent: 10, bytesReceived: 0, sendRate: 5, receiveRate: 500, trafficUnavailable: null }),
      makeRow({ localPort: 4, protocol: 'udp', bytesSent: null, trafficUnavailable: 'udp-not-counted' }),
    ];
    expect(sortByTraffic(rows, 'rate').map((r) => r.localPort)).toEqual([3, 2, 1, 4]);
    expect(sortByTraffic(rows, 'sent').map((r) => r.localPort)).toEqual([2, 3, 1, 4]);
  });
});

describe.skipIf(!addon?.scan)('portscope list --all with traffic', () => {
  let server: net.Server;
  let client: net.Socket;
  let accepted: net.Socket;

  beforeAll(async () => {
    server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const got = new Promise<net.Socket>((resolve) =>
      server.once('connection', (s) => {
        let n = 0;
        s.on('data', (d: Buffer) => {
          n += d.length;
          if (n >= SENT) resolve(s);
        });
      }),
    );
    client = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
    await new Promise((r) => client.once('connect', r));
    client.write(Buffer.alloc(SENT));
    accepted = await got;
    await new Promise((r) => setTimeout(r, 100));
  });
  afterAll(async () => {
    client?.destroy();
    accepted?.destroy();
    await new Promise((r) => server?.close(r));
  });

  it('gives rows and per-process totals in JSON with --totals, the totals adding up', () => {
    const res = portscope(['list', '--all', '--tcp', '--pid', String(process.pid), '--totals', '--json']);
    expect(res.status).toBe(0);
    const { rows, traffic } = JSON.parse(res.stdout) as { rows: SocketRow[]; traffic: TrafficSummary };
    const c = rows.find((r) => r.localPort === client.localPort && r.remotePort === client.remotePort)!;
    expect(c).toMatchObject({ bytesSent: SENT, bytesReceived: 0, trafficUnavailable: null });
    const me = traffic.processes.find((p) => p.pid === process.pid)!;
    const counted = rows.filter((r) => r.bytesSent !== null);
    expect(me.connections).toBe(counted.length);
    expect(me.bytesSent).toBe(counted.reduce((n, r) => n + r.bytesSent!, 0));
    expect(me.bytesReceived).toBe(counted.reduce((n, r) => n + r.bytesReceived!, 0));
    expect(traffic.machine.bytesSent).toBe(me.bytesSent);
  });

  it('keeps `list --all --json` a bare array of rows', () => {
    const res = portscope(['list', '--all', '--pid', String(process.pid), '--json']);
    expect(Array.isArray(JSON.parse(res.stdout))).toBe(true);
  });

  it('prints the totals under the table', () => {
    const res = portscope(['list', '--all', '--tcp', '--pid', String(process.pid)]);
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('Traffic by process');
    expect(res.stdout).toMatch(/This machine: \d+ KiB sent, \d+ KiB received/);
    expect(res.stdout).toMatch(new RegExp(`${process.pid}/node\\s+\\d+\\s+${formatBytes(SENT).replace('.', '\\.')}`));
  });

  it('refuses an unknown watch order with exit code 2', () => {
    const res = portscope(['watch', '--sort', 'loudness', '--count', '1']);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('loudness');
  });
});
