// Traffic counters and closing on the Windows build for real: the official Windows Node.js under
// Wine runs the Windows adapter (koffi -> iphlpapi) against loopback connections this test opens
// and moves bytes over. Wine 8 implements neither call: GetPerTcpConnectionEStats is not exported,
// SetPerTcpConnectionEStats answers ERROR_NOT_SUPPORTED, SetTcpEntry answers success and closes
// nothing. So the engine must show no bytes, with 'not-supported', and refuse to close, saying why;
// the connections must still work afterwards. (The decoding is tested in estats.test.ts.)
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Capabilities } from '../../shared/contract/calls';
import type { CloseResult } from '../../shared/contract/connection';
import type { SocketRow } from '../../shared/contract/sockets';
import type { TrafficSummary } from '../../shared/contract/traffic';
import { EXIT_FAILURE } from '../../electron/cli/errors';
import { IPV6_CLOSE_REASON, WINE_CLOSE_REASON } from '../../electron/engine/platform/windows/closeTcp';
// @ts-expect-error plain JS helper shared with .ci/run and the benchmark
import { cacheDir, prepareWindowsNode, runWindowsNode } from '../../scripts/wine/windows-node.mjs';

interface Output {
  wineVersion: string | null;
  estatsBound: boolean;
  estatsMissing: string[];
  capabilities: Capabilities;
  rows: SocketRow[];
  traffic: TrafficSummary;
  warnings: string[];
  close4: CloseResult;
  close6: CloseResult;
  setEstatsAnswer: number;
  setTcpEntryAnswer: number;
  stillEstablished: boolean;
}

const notReady: string | null = prepareWindowsNode();
if (notReady) console.log(`Windows traffic suite skipped: ${notReady}`);

const bundle = path.join(cacheDir, 'traffic-driver.mjs');
const servers: net.Server[] = [];
const sockets: net.Socket[] = [];

async function echoPair(host: string): Promise<{ client: net.Socket; serverPort: number }> {
  const server = net.createServer((s) => {
    sockets.push(s.on('error', () => {}));
    s.pipe(s);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, host, r));
  const serverPort = (server.address() as net.AddressInfo).port;
  const client = net.connect(serverPort, host);
  sockets.push(client.on('error', () => {}));
  await new Promise<void>((r) => client.once('connect', r));
  return { client, serverPort };
}

/** Sends `bytes` and waits for all of them to come back. */
function echo(client: net.Socket, bytes: number): Promise<boolean> {
  return new Promise((resolve) => {
    let got = 0;
    const timer = setTimeout(() => resolve(false), 5000);
    const onData = (d: Buffer) => {
      got += d.length;
      if (got >= bytes) {
        clearTimeout(timer);
        client.off('data', onData);
        resolve(true);
      }
    };
    client.on('data', onData);
    client.write(Buffer.alloc(bytes, 0x61));
  });
}

const ends = (rows: SocketRow[], a: number, b: number) => rows.filter((r) => r.protocol === 'tcp' && r.state === 'ESTABLISHED' && ((r.localPort === a && r.remotePort === b) || (r.localPort === b && r.remotePort === a)));

describe.skipIf(notReady !== null)('Windows traffic and close under Wine (Windows Node.js, koffi, iphlpapi)', () => {
  let out: Output;
  let p4: Awaited<ReturnType<typeof echoPair>>;
  let p6: Awaited<ReturnType<typeof echoPair>>;

  beforeAll(async () => {
    await build({
      entryPoints: ['test/windows/trafficDriver.ts'],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      logLevel: 'warning',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    p4 = await echoPair('127.0.0.1');
    p6 = await echoPair('::1');
    expect(await echo(p4.client, 100_000)).toBe(true);
    expect(await echo(p6.client, 50_000)).toBe(true);
    const conn = (p: typeof p4, host: string) => ({ localAddress: host, localPort: p.client.localPort!, remoteAddress: host, remotePort: p.serverPort });
    const outFile = path.join(cacheDir, `traffic-${process.pid}.json`);
    const r = await runWindowsNode([path.relative(process.cwd(), bundle), path.relative(process.cwd(), outFile), JSON.stringify({ v4: conn(p4, '127.0.0.1'), v6: conn(p6, '::1') })]);
    expect(r.code, r.stderr).toBe(0);
    out = JSON.parse(readFileSync(outFile, 'utf8')) as Output;
  }, 180_000);

  afterAll(() => {
    for (const s of sockets) s.destroy();
    for (const s of servers) s.close();
  });

  it("finds Wine's iphlpapi without the estats reads: the counters are not bound, and say so", () => {
    expect(out.wineVersion).toMatch(/^\d+\./);
    expect(out.estatsBound).toBe(false);
    expect(out.estatsMissing).toEqual(expect.arrayContaining(['GetPerTcpConnectionEStats', 'GetPerTcp6ConnectionEStats']));
    // Wine exports SetPerTcpConnectionEStats, as a stub that answers ERROR_NOT_SUPPORTED.
    expect(out.estatsMissing).not.toContain('SetPerTcpConnectionEStats');
    expect(out.setEstatsAnswer).toBe(50);
    expect(out.capabilities.trafficCounters).toMatchObject({ available: false, note: expect.stringMatching(/no GetPerTcpConnectionEStats.*\(Wine does not implement them\)/) });
    expect(out.warnings).toEqual([]);
  });

  it('both ends of both loopback connections (IPv4 and IPv6) show no bytes, with not-supported, never a made-up 0', () => {
    for (const [p, family] of [[p4, 4], [p6, 6]] as const) {
      const rows = ends(out.rows, p.client.localPort!, p.serverPort);
      expect(rows).toHaveLength(2);
      for (const r of rows) {
        expect(r).toEqual(
          expect.objectContaining({ family, bytesSent: null, bytesReceived: null, sendRate: null, receiveRate: null, rttMs: null, trafficUnavailable: 'not-supported' }),
        );
      }
    }
    // Listeners and UDP keep their own reasons; nothing is counted, so the totals are empty.
    expect(out.rows.find((r) => r.protocol === 'tcp' && r.localPort === p4.serverPort && r.state === 'LISTEN')?.trafficUnavailable).toBe('listener');
    for (const r of out.rows.filter((x) => x.protocol === 'udp')) expect(r.trafficUnavailable).toBe('udp-not-counted');
    expect(out.traffic).toEqual({ machine: { bytesSent: 0, bytesReceived: 0, sendRate: 0, receiveRate: 0 }, processes: [] });
  });

  it("refuses to close under Wine, saying its SetTcpEntry is a stub; IPv6: Windows has no such call; both connections still work", async () => {
    expect(out.close4).toMatchObject({ ok: false, outcome: 'unsupported', message: expect.stringContaining(WINE_CLOSE_REASON) });
    expect(out.close6).toMatchObject({ ok: false, outcome: 'unsupported', message: expect.stringContaining(IPV6_CLOSE_REASON) });
    expect(out.capabilities.closeConnection).toMatchObject({ available: false, note: WINE_CLOSE_REASON });
    // Why: asked directly, Wine's SetTcpEntry answers NO_ERROR and the connection stays established.
    expect(out.setTcpEntryAnswer).toBe(0);
    expect(out.stillEstablished).toBe(true);
    expect(await echo(p4.client, 1000)).toBe(true);
    expect(await echo(p6.client, 1000)).toBe(true);
  });

  it('portscope close under Windows Node: exits with the failure code and the same reason, in JSON', async () => {
    const local = `127.0.0.1:${p4.client.localPort}`;
    const remote = `127.0.0.1:${p4.serverPort}`;
    const r = await runWindowsNode(['bin/portscope.js', 'close', local, remote, '--yes', '--json']);
    expect(r.code, r.stderr).toBe(EXIT_FAILURE);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, outcome: 'unsupported', message: expect.stringContaining(WINE_CLOSE_REASON) });
    expect(await echo(p4.client, 1000)).toBe(true);
  }, 180_000);
});
