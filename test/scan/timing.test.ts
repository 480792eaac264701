import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanRequestSchema, type ScanProgress, type ScanResult } from '../../shared/contract/scan';
import { ProbeRunner } from '../../electron/engine/probe/probe';
import { Scanner } from '../../electron/engine/scan/scanner';
import { portscope } from '../support/cli';
import { portOf } from '../support/sockets';

/**
 * What a scan says about time: round-trip times of open ports measured at the handshake itself
 * (not after the worker's queue of other probes), and an estimate and a rate that count every
 * phase, service hints included. Loopback listeners this test opens.
 */

const silent: net.Server[] = [];
const servers: http.Server[] = [];
const open: number[] = [];

function scan(request: Record<string, unknown>, onProgress?: (p: ScanProgress) => void): Promise<ScanResult> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('scan did not finish in 60 s')), 60_000);
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

beforeAll(async () => {
  for (let i = 0; i < 4; i++) {
    // Silent services that read (and drop) what they get, so a hint's hang-up reaches them.
    const s = net.createServer((c) => c.on('error', () => {}).resume());
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    silent.push(s);
    open.push(portOf(s));
  }
  for (let i = 0; i < 3; i++) {
    const s = http.createServer((_req, res) => res.end('ok'));
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    servers.push(s);
    open.push(portOf(s));
  }
});

afterAll(async () => {
  for (const s of servers) s.closeAllConnections();
  await Promise.all([...silent, ...servers].map((s) => new Promise((r) => s.close(r))));
});

/**
 * Our listeners among 4,535 other ports, so each worker has a long queue of probes in flight.
 * The others lie above the kernel's ephemeral range (32768–60999, where our listeners are), so a
 * scan in port order meets our open ports first and probes on after them.
 */
const spec = () => `${open.join(',')},61000-65535`;

describe('scan timing', () => {
  it('measures open ports at the handshake: sub-millisecond on loopback, as a probe does', async () => {
    const r = await scan({ targets: ['127.0.0.1'], ports: spec() });
    const mine = r.results.filter((p) => open.includes(p.port));
    expect(mine.map((p) => p.state)).toEqual(open.map(() => 'open'));
    const probe = await new ProbeRunner({ attempt: () => {}, done: () => {} }).start({ host: '127.0.0.1', port: open[0]!, count: 3, intervalMs: 0, timeoutMs: 1000, protocol: 'tcp', banner: false, authorized: false });
    const probed = (await probe.done).rtt!;
    console.log(`open-port RTT in a 4,542-port scan: ${mine.map((p) => p.rttMs!.toFixed(3)).join(', ')} ms; probe min/avg ${probed.minMs.toFixed(3)}/${probed.avgMs.toFixed(3)} ms`);
    for (const p of mine) expect(p.rttMs!, `port ${p.port}`).toBeLessThan(1);
    // The CLI shows the same.
    const cli = portscope(['scan', '127.0.0.1', '--ports', spec(), '--json'], { timeoutMs: 60_000 });
    const json = JSON.parse(cli.stdout) as ScanResult;
    for (const p of json.results.filter((x) => open.includes(x.port))) expect(p.rttMs!, `CLI port ${p.port}`).toBeLessThan(1);
  }, 90_000);

  it('counts service hints in the estimate while probing, and in the duration but not the probe rate', async () => {
    const progress: ScanProgress[] = [];
    const r = await scan({ targets: ['127.0.0.1'], ports: spec(), serviceHints: true }, (p) => progress.push(p));
    const httpHints = r.results.filter((p) => servers.some((s) => portOf(s) === p.port)).map((p) => p.hint?.guess);
    expect(httpHints).toEqual(['http', 'http', 'http']);
    // Near the end of probing, once open ports are known, their hints are still to come: the
    // estimate says so (each takes about 1.5 s). Before any open port is found there is nothing to hint.
    const lastProbing = progress.filter((p) => p.phase === 'probing' && p.etaMs !== null && p.open >= open.length).at(-1);
    // On an idle machine the 4,535 probes after our open ports can end within one progress
    // interval, so no probing event may come after them: then only the hints phase is checked.
    if (lastProbing) expect(lastProbing.etaMs!).toBeGreaterThanOrEqual(1000);
    else console.log('probing ended within one progress interval after the open ports: no probing estimate to check');
    const duringHints = progress.filter((p) => p.phase === 'hints');
    expect(duringHints.length).toBeGreaterThan(3);
    expect(duringHints[0]!.etaMs!).toBeGreaterThan(500);
    const s = r.summary;
    expect(s.hintsMs!).toBeGreaterThan(1000);
    expect(s.probingMs! + s.hintsMs!).toBeCloseTo(s.durationMs, 0);
    // The rate is probes over the probing phase, not over hints too.
    expect(s.ratePerSec).toBeCloseTo((s.probes / s.probingMs!) * 1000, 0);
    expect(s.durationMs - s.probingMs!).toBeGreaterThan(1000);
  }, 90_000);
});
