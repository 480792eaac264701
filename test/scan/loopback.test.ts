import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanRequestSchema, type ScanProgress, type ScanResult } from '../../shared/contract/scan';
import { workerEntry } from '../../electron/engine/scan/pool';
import { Scanner } from '../../electron/engine/scan/scanner';
import { SocketBag, portOf } from '../support/sockets';
import { portscope } from '../support/cli';
import { haveCommand, parseNmapXml } from './support/netns';

/**
 * Loopback scans of listeners this test opens (127.0.0.1 and ::1 only), from the sources (the
 * worker runs through tsx) and from the built CLI (the bundled worker), compared with nmap -sT.
 */

const bag = new SocketBag();
const openPorts: number[] = [];
let closedPorts: number[] = [];
let spec = '';

function scan(request: Record<string, unknown>, onProgress?: (p: ScanProgress) => void): Promise<ScanResult> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('scan did not finish in 20 s')), 20_000);
    const scanner = new Scanner({
      progress: (p) => onProgress?.(p),
      found: () => {},
      done: (_id, result, error) => {
        clearTimeout(timer);
        if (result) resolve(result);
        else reject(new Error(error ?? 'no result'));
      },
    });
    scanner.start(ScanRequestSchema.parse(request)).catch(reject);
  });
}

/** Ports that were free a moment ago: closed, unless another process grabs one meanwhile. */
async function freePorts(n: number): Promise<number[]> {
  // Distinct: the kernel may hand out a port it handed out a moment ago, once that one is closed.
  const out = new Set<number>();
  for (let i = 0; out.size < n && i < n * 10; i++) {
    const s = net.createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    out.add(portOf(s));
    await new Promise((r) => s.close(r));
  }
  return [...out];
}

beforeAll(async () => {
  for (let i = 0; i < 12; i++) openPorts.push(portOf(await bag.listen('127.0.0.1')));
  openPorts.sort((a, b) => a - b);
  closedPorts = (await freePorts(20)).filter((p) => !openPorts.includes(p));
  spec = [...openPorts, ...closedPorts].join(',');
});

afterAll(async () => {
  await bag.closeAll();
});

describe('TCP connect scan of loopback', () => {
  it('runs the worker from the sources under vitest (through tsx)', () => {
    expect(workerEntry().file).toMatch(/worker\.ts$/);
  });

  it('finds exactly the listeners, closed ports closed, with reasons and progress', async () => {
    const progress: ScanProgress[] = [];
    const r = await scan({ targets: ['127.0.0.1'], ports: spec, includeClosed: 'always' }, (p) => progress.push(p));
    const open = r.results.filter((p) => p.state === 'open').map((p) => p.port);
    expect(open).toEqual(openPorts);
    for (const p of r.results.filter((x) => x.state === 'open')) expect(p.reason).toBe('syn-ack');
    const closed = r.results.filter((p) => p.state === 'closed');
    expect(closed.map((p) => p.port).sort((a, b) => a - b)).toEqual([...closedPorts].sort((a, b) => a - b));
    expect(closed.every((p) => p.reason === 'conn-refused' && p.rttMs !== null)).toBe(true);
    expect(r.summary.counts).toEqual({ open: openPorts.length, closed: closedPorts.length, filtered: 0, 'open|filtered': 0 });
    expect(r.hosts[0]).toMatchObject({ address: '127.0.0.1', state: 'up' });
    expect(progress.at(-1)).toMatchObject({ done: openPorts.length + closedPorts.length, total: openPorts.length + closedPorts.length });
  });

  it('scans ::1 too', async () => {
    const v6 = portOf(await bag.listen('::1', { ipv6Only: true }));
    const r = await scan({ targets: ['::1'], ports: `${v6},${closedPorts[0]}` });
    expect(r.results.filter((p) => p.state === 'open').map((p) => p.port)).toEqual([v6]);
  });

  it('agrees with nmap -sT port by port', async (ctx) => {
    if (!haveCommand('nmap')) {
      console.log('skipped: nmap is not installed');
      ctx.skip();
    }
    const nmap = spawnSync('nmap', ['-sT', '-Pn', '-n', '--reason', '-p', spec, '127.0.0.1', '-oX', '-'], { encoding: 'utf8', timeout: 60_000 });
    expect(nmap.status).toBe(0);
    const theirs = parseNmapXml(nmap.stdout);
    const ours = await scan({ targets: ['127.0.0.1'], ports: spec, includeClosed: 'always' });
    expect(ours.results).toHaveLength(openPorts.length + closedPorts.length);
    for (const p of ours.results) expect(`${p.port} ${p.state} ${p.reason}`).toBe(`${p.port} ${theirs.get(p.port)?.state} ${theirs.get(p.port)?.reason}`);
  });

  it('cancels at once and keeps what it learned', async () => {
    let scanId = '';
    const result = await new Promise<ScanResult>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('cancel did not end the scan')), 10_000);
      const scanner = new Scanner({
        progress: () => {},
        found: () => {},
        done: (_id, r) => {
          clearTimeout(timer);
          if (r) resolve(r);
          else reject(new Error('no result'));
        },
      });
      // Polite timing: slow enough that the cancel lands mid-scan.
      void scanner.start(ScanRequestSchema.parse({ targets: ['127.0.0.1'], ports: '1-2000', timing: 'polite' })).then((s) => {
        scanId = s.scanId;
        setTimeout(() => scanner.cancel(scanId), 200);
      });
    });
    expect(result.cancelled).toBe(true);
    expect(result.summary.probes).toBeLessThan(2000);
  });
});

describe('portscope scan (built CLI, bundled worker)', () => {
  it('prints JSON results with host, port, protocol, state, reason and rttMs', () => {
    const r = portscope(['scan', '127.0.0.1', '--ports', spec, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as ScanResult;
    const open = json.results.filter((p) => p.state === 'open');
    expect(open.map((p) => p.port)).toEqual(openPorts);
    expect(Object.keys(open[0]!)).toEqual(expect.arrayContaining(['host', 'port', 'protocol', 'state', 'reason', 'rttMs']));
    expect(open[0]).toMatchObject({ host: '127.0.0.1', protocol: 'tcp', state: 'open', reason: 'syn-ack' });
    expect(json.summary.counts.closed).toBe(closedPorts.length);
  });

  it('prints an nmap-like table: open ports listed, closed counted', () => {
    const r = portscope(['scan', '127.0.0.1', '--ports', spec]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^PORT\s+STATE\s+SERVICE\s+REASON\s+RTT$/m);
    for (const p of openPorts) expect(r.stdout).toMatch(new RegExp(`^${p}/tcp\\s+open\\s`, 'm'));
    expect(r.stdout).toContain(`${openPorts.length} open, ${closedPorts.length} closed, 0 filtered`);
  });

  it.each([
    [['300.1.1.1'], '300.1.1.1'],
    [['10.0.0.0/33'], '10.0.0.0/33'],
    [[''], 'empty target'],
    [['127.0.0.1', '--ports', '80-70'], '80-70'],
    [['127.0.0.1', '--ports', '0'], 'port 0'],
    [['127.0.0.1', '--ports', '65536'], '65536'],
    [['127.0.0.1', '--ports', ''], '--ports'],
  ])('rejects %j with one line naming the culprit, exit 2', (args, culprit) => {
    const r = portscope(['scan', ...args]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(culprit);
  });

  it('refuses a public target without --i-am-authorized, with the legal notice (nothing sent)', () => {
    const one = portscope(['scan', '8.8.8.8', '--ports', '80']);
    expect(one.status).toBe(2);
    expect(one.stderr).toMatch(/^portscope: 8\.8\.8\.8 is outside your local networks.*may be illegal.*--i-am-authorized/);
    const many = portscope(['scan', '127.0.0.1,192.0.2.0/24', '--ports', '80']);
    expect(many.status).toBe(2);
    expect(many.stderr).toMatch(/^portscope: 192\.0\.2\.0\/24 is outside your local networks/);
    const linkLocal = portscope(['scan', '169.254.169.254', '--ports', '80']);
    expect(linkLocal.status).toBe(2);
    expect(linkLocal.stderr).toMatch(/^portscope: 169\.254\.169\.254 is outside your local networks.*link-local.*--i-am-authorized/);
  });
});
