// Names in the Windows build for real: Windows Node under Wine runs the resolver and the CLI.
// Wine's adapters answer from this machine's kernel, so `ip` and os.networkInterfaces() here are the reference.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressName } from '../../shared/contract/names';
// @ts-expect-error plain JS helper shared with .ci/run and the benchmark
import { cacheDir, prepareWindowsNode, runWindowsNode } from '../../scripts/wine/windows-node.mjs';
import { portOf, SocketBag } from '../support/sockets';
import { DnsStub, reverseName } from './dnsStub';
import { parseHosts } from '../../electron/engine/names/hostsFile';

const notReady: string | null = prepareWindowsNode();
if (notReady) console.log(`Windows names suite skipped: ${notReady}`);

const bundle = path.join(cacheDir as string, `names-driver-${process.pid}.mjs`);
type Run = { code: number | null; stdout: string; stderr: string };
const run = runWindowsNode as (args: string[], o?: { timeoutMs?: number }) => Promise<Run>;

describe.skipIf(notReady !== null)('names under Wine (Windows Node)', () => {
  const stub = new DnsStub();
  const bag = new SocketBag();
  let server: string;

  beforeAll(async () => {
    server = await stub.start();
    stub.ptr.set(reverseName('198.51.100.7'), { names: ['web.example.net'] });
    stub.forward.set('web.example.net', { a: ['198.51.100.7'] });
    await build({
      entryPoints: ['test/names/wineDriver.ts'],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      logLevel: 'warning',
    });
  });
  afterAll(async () => {
    rmSync(bundle, { force: true });
    await stub.stop();
    await bag.closeAll();
  });

  it('reads the Windows hosts file, labels the adapters as Windows names them, and asks DNS off the call path', async () => {
    const r = await run([path.relative(process.cwd(), bundle), server, '198.51.100.7'], { timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    const [first, second] = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const info = first as { hostsPath: string; hostsText: string; fromHosts: string | null; interfaces: Record<string, Array<{ address: string }>>; local: AddressName[]; pending: AddressName[] };
    expect(info.hostsPath.toLowerCase()).toBe('c:\\windows\\system32\\drivers\\etc\\hosts');
    // The file is there and read as on Linux (Wine's prefix ships it with its one line commented out).
    expect(info.hostsText.length).toBeGreaterThan(0);
    expect(info.fromHosts).toBe(parseHosts(info.hostsText).get('127.0.0.1') ?? null);
    const expected = Object.entries(info.interfaces).flatMap(([name, list]) => list.map((a) => [a.address, name]));
    expect(expected.length).toBeGreaterThan(0);
    expect(info.local.slice(0, -1).map((n) => [n.address, n.interface])).toEqual(expected);
    expect(info.local.every((n) => n.source === 'local' && n.name === 'this machine')).toBe(true);
    expect(info.pending).toEqual([{ address: '198.51.100.7', name: null, source: null, interface: null, pending: true }]);
    expect((second as { resolved: AddressName[] }).resolved).toEqual([{ address: '198.51.100.7', name: 'web.example.net', source: 'dns', interface: null, pending: false }]);
  }, 90_000);

  it('portscope list --resolve --json in the Windows build names a loopback listener', async () => {
    const port = portOf(await bag.listen('127.0.0.1'));
    const r = await run(['bin/portscope.js', 'list', '--resolve', '--json', '--port', String(port)], { timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ localPort: number; localName: AddressName | null }>;
    expect(rows.find((x) => x.localPort === port)?.localName).toEqual({ name: 'this machine', source: 'local', interface: 'lo', pending: false });
  }, 90_000);
});
