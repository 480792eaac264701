// The Windows build for real: the official Windows Node.js under Wine runs the Windows adapter
// (koffi -> iphlpapi, toolhelp, process details) and the CLI against sockets this test opens.
// Wine's iphlpapi answers from this machine's kernel, so the Linux view is the reference.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessInfo, SocketRow } from '../../shared/contract/sockets';
import type { Capabilities } from '../../shared/contract/calls';
// @ts-expect-error plain JS helper shared with .ci/run and the benchmark
import { cacheDir, prepareWindowsNode, runWindowsNode, startWindowsNode } from '../../scripts/wine/windows-node.mjs';
import { connectWs, loginSession } from '../host/support/http';

interface DriverOutput {
  own: { pid: number; udp4Port: number; udp6Port: number; tcpPort: number };
  adapter: string;
  capabilities: Capabilities;
  warnings: string[];
  rows: SocketRow[];
  processes: ProcessInfo[];
  self: ProcessInfo | null;
}

const notReady: string | null = prepareWindowsNode();
if (notReady) console.log(`Windows suite skipped: ${notReady}`);

const driverBundle = path.join(cacheDir, 'driver.mjs');
const servers: net.Server[] = [];
const sockets: net.Socket[] = [];

function listen(host: string): Promise<number> {
  const server = net.createServer((s) => sockets.push(s.on('error', () => {})));
  servers.push(server);
  return new Promise((resolve, reject) => server.once('error', reject).listen(0, host, () => resolve((server.address() as net.AddressInfo).port)));
}

function connect(host: string, port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const c = net.connect(port, host, () => resolve(c)).once('error', reject);
    sockets.push(c);
  });
}

function rowsAt(rows: SocketRow[], protocol: string, address: string, port: number): SocketRow[] {
  return rows.filter((r) => r.protocol === protocol && r.localAddress === address && r.localPort === port);
}

/** One connection end: a local port may also serve other connections (to other remotes, or in TIME_WAIT). */
function connectionEnd(rows: SocketRow[], localPort: number, remotePort: number): SocketRow[] {
  return rows.filter((r) => r.protocol === 'tcp' && r.localPort === localPort && r.remotePort === remotePort);
}

describe.skipIf(notReady !== null)('Windows engine under Wine (Windows Node.js, koffi, iphlpapi)', () => {
  let v4: number;
  let v6: number;
  let client: net.Socket;
  let out: DriverOutput;

  beforeAll(async () => {
    await build({
      entryPoints: ['test/windows/driver.ts'],
      outfile: driverBundle,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      logLevel: 'warning',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    v4 = await listen('127.0.0.1');
    v6 = await listen('::1');
    client = await connect('127.0.0.1', v4);
    const outFile = path.join(cacheDir, `snapshot-${process.pid}.json`);
    const r = await runWindowsNode([path.relative(process.cwd(), driverBundle), path.relative(process.cwd(), outFile)]);
    expect(r.code, r.stderr).toBe(0);
    out = JSON.parse(readFileSync(outFile, 'utf8')) as DriverOutput;
  }, 180_000);

  afterAll(() => {
    for (const s of sockets) s.destroy();
    for (const s of servers) s.close();
  });

  it('uses the Windows adapter with the IP Helper API, and says Wine names no TCP owners', () => {
    expect(out.adapter).toBe('windows');
    expect(out.warnings).toEqual([]);
    expect(out.capabilities.socketOwners).toMatchObject({ available: false, note: expect.stringContaining('Wine does not name the owners of TCP sockets') });
    expect(out.capabilities.endProcess.note).toContain('TerminateProcess');
  });

  it("reports this test's TCP sockets with their exact addresses, ports, families and states", () => {
    expect(rowsAt(out.rows, 'tcp', '127.0.0.1', v4).filter((r) => r.state === 'LISTEN')).toEqual([
      expect.objectContaining({ family: 4, remoteAddress: '0.0.0.0', remotePort: 0, exposure: 'loopback', socketUid: null, inode: 0 }),
    ]);
    expect(rowsAt(out.rows, 'tcp', '::1', v6)).toEqual([expect.objectContaining({ family: 6, state: 'LISTEN', remoteAddress: '::', remotePort: 0, scopeId: null })]);
    const clientPort = client.localPort!;
    // Both ends of the loopback connection: the client's and the accepted one.
    expect(connectionEnd(out.rows, clientPort, v4)).toEqual([
      expect.objectContaining({ family: 4, state: 'ESTABLISHED', localAddress: '127.0.0.1', remoteAddress: '127.0.0.1' }),
    ]);
    expect(connectionEnd(out.rows, v4, clientPort)).toEqual([
      expect.objectContaining({ family: 4, state: 'ESTABLISHED', localAddress: '127.0.0.1', remoteAddress: '127.0.0.1' }),
    ]);
  });

  it('never shows a wrong TCP owner: Wine gives pid 0, so every TCP row is unknown (TIME_WAIT: the kernel)', () => {
    const tcp = out.rows.filter((r) => r.protocol === 'tcp');
    expect(tcp.length).toBeGreaterThan(3);
    for (const r of tcp) {
      expect(r.pid).toBeNull();
      expect(r.pids).toEqual([]);
      expect(r.processName).toBeNull();
      expect(r.ownerStatus).toBe(r.state === 'TIME_WAIT' ? 'time-wait' : 'not-found');
    }
    // The driver's own listener too: Wine knows it is its process, yet reports pid 0 for TCP.
    expect(rowsAt(tcp, 'tcp', '127.0.0.1', out.own.tcpPort)).toEqual([expect.objectContaining({ state: 'LISTEN', pid: null, ownerStatus: 'not-found' })]);
  });

  it('names the owner of the UDP sockets Wine gives a pid for: the Windows Node process that bound them', () => {
    expect(rowsAt(out.rows, 'udp', '127.0.0.1', out.own.udp4Port)).toEqual([
      expect.objectContaining({ family: 4, state: 'UNCONN', pid: out.own.pid, pids: [out.own.pid], processName: 'node.exe', ownerStatus: 'known' }),
    ]);
    expect(rowsAt(out.rows, 'udp', '::1', out.own.udp6Port)).toEqual([
      expect.objectContaining({ family: 6, state: 'UNCONN', pid: out.own.pid, processName: 'node.exe', ownerStatus: 'known' }),
    ]);
    // Every pid Wine provides is a live Wine process whose details were read.
    const known = new Map(out.processes.map((p) => [p.pid, p]));
    for (const r of out.rows.filter((x) => x.pid !== null)) {
      expect(r.protocol).toBe('udp');
      expect(known.get(r.pid!)?.name).toBe(r.processName);
    }
  });

  it("reads the owner's details: full path, command line, account, creation time, parent", () => {
    const self = out.processes.find((p) => p.pid === out.own.pid)!;
    expect(self).toEqual(
      expect.objectContaining({
        name: 'node.exe',
        exe: expect.stringMatching(/^Z:\\.*\\node\.exe$/),
        commandLine: expect.stringContaining('driver.mjs'),
        user: expect.stringMatching(/\\/),
        unavailable: [],
      }),
    );
    expect(Number.isNaN(Date.parse(self.startTime!))).toBe(false);
    expect(Math.abs(Date.parse(self.startTime!) - Date.now())).toBeLessThan(10 * 60_000);
    expect(self.ppid).not.toBeNull();
  });

  it("without koffi, reads Wine's own netstat.exe and tasklist.exe through the runner: same sockets, no guessed owners", async () => {
    const outFile = path.join(cacheDir, `fallback-${process.pid}.json`);
    const r = await runWindowsNode([path.relative(process.cwd(), driverBundle), path.relative(process.cwd(), outFile), 'fallback']);
    expect(r.code, r.stderr).toBe(0);
    const fb = JSON.parse(readFileSync(outFile, 'utf8')) as DriverOutput;
    expect(fb.warnings[0]).toMatch(/reading netstat -ano and tasklist instead of the IP Helper API/);
    // Wine 8's netstat.exe prints connections only (no listeners, whatever the flags): both ends
    // of this test's connection are there, with their exact endpoints and state.
    expect(connectionEnd(fb.rows, client.localPort!, v4)).toEqual([
      expect.objectContaining({ family: 4, state: 'ESTABLISHED', localAddress: '127.0.0.1', remoteAddress: '127.0.0.1', pid: null, ownerStatus: 'not-found' }),
    ]);
    expect(connectionEnd(fb.rows, v4, client.localPort!)).toEqual([
      expect.objectContaining({ protocol: 'tcp', state: 'ESTABLISHED', localAddress: '127.0.0.1' }),
    ]);
    // Wine's netstat prints no PID column even with -o: no row may claim an owner.
    expect(fb.rows.filter((x) => x.pid !== null)).toEqual([]);
  }, 180_000);

  it('portscope list --json / who / scan / diagnose run under Windows Node and see the same sockets', async () => {
    const list = await runWindowsNode(['bin/portscope.js', 'list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    const rows = JSON.parse(list.stdout) as SocketRow[];
    expect(rowsAt(rows, 'tcp', '127.0.0.1', v4)).toEqual([expect.objectContaining({ state: 'LISTEN', family: 4, pid: null, ownerStatus: 'not-found' })]);
    expect(rowsAt(rows, 'tcp', '::1', v6)).toEqual([expect.objectContaining({ state: 'LISTEN', family: 6, pid: null })]);

    const who = await runWindowsNode(['bin/portscope.js', 'who', String(v4)]);
    expect(who.code, who.stderr).toBe(0);
    expect(who.stdout).toContain(`127.0.0.1:${v4}`);
    expect(who.stdout).toMatch(/Wine does not name the owners of TCP sockets/);

    const scan = await runWindowsNode(['bin/portscope.js', 'scan', '127.0.0.1', '--ports', String(v4), '--json']);
    expect(scan.code, scan.stderr).toBe(0);
    expect(scan.stdout).toMatch(new RegExp(`"port":\\s*${v4}[^}]*"state":\\s*"open"`));

    const diagnose = await runWindowsNode(['bin/portscope.js', 'diagnose', String(v4), '--json']);
    expect(diagnose.stderr).toBe('');
    expect(diagnose.stdout).toContain(`127.0.0.1`);
  }, 180_000);

  it('portscope serve under Windows Node serves the Windows engine over the browser contract', async () => {
    const { child, outFile } = startWindowsNode(['bin/portscope.js', 'serve', '--port', '0']);
    try {
      let url: URL | null = null;
      for (let i = 0; i < 600 && !url; i++) {
        const line = readFileSync(outFile, 'utf8').split(/\r?\n/)[0] ?? '';
        if (/^http:\/\//.test(line)) url = new URL(line);
        else await new Promise((r) => setTimeout(r, 100));
      }
      expect(url).not.toBeNull();
      const port = Number(url!.port);
      const { protocols } = await loginSession(port, url!.searchParams.get('token')!);
      const c = await connectWs(port, '/ws', {}, url!.origin, protocols);
      if (!c.ok) throw new Error(`upgrade refused: ${c.status}`);
      const hello = (await c.messages.next((m) => m.type === 'hello', 60_000)) as { version: string };
      c.ws.send(JSON.stringify({ type: 'call', id: 1, name: 'contract.hello', payload: { version: hello.version } }));
      c.ws.send(JSON.stringify({ type: 'call', id: 2, name: 'sockets.snapshot', payload: {} }));
      const helloRes = (await c.messages.next((m) => m.id === 1, 60_000)) as { result?: { platform: string; capabilities: Capabilities } };
      expect(JSON.stringify(helloRes)).toContain('"platform":"win32"');
      const snap = await c.messages.next((m) => m.id === 2, 60_000);
      expect(JSON.stringify(snap)).toContain(`"localPort":${v4}`);
      c.ws.close();
    } finally {
      child.kill('SIGKILL');
    }
  }, 180_000);
});
