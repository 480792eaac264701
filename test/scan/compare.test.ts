import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanRequestSchema, type ScanResult } from '../../shared/contract/scan';
import { Scanner } from '../../electron/engine/scan/scanner';
import { diffScans } from '../../renderer/stores/scan/diff';
import { portOf } from '../support/sockets';

/**
 * Compare (the scan page's ndiff) on real loopback scans: it compares only what both scans probed,
 * whatever each kept of its closed ports, and a cancelled scan says nothing of what it never probed.
 */

let listener: net.Server;
let port = 0;

/** Runs a scan; with `cancelAfter`, cancels it once that many probes are done. */
function scan(request: Record<string, unknown>, cancelAfter?: number): Promise<ScanResult> {
  return new Promise((resolve, reject) => {
    const scanner: Scanner = new Scanner({
      progress: (p) => {
        if (cancelAfter !== undefined && p.done >= cancelAfter) scanner.cancel(p.scanId);
      },
      found: () => {},
      done: (_id, result, error) => (result ? resolve(result) : reject(new Error(error ?? 'no result'))),
    });
    scanner.start(ScanRequestSchema.parse(request)).catch(reject);
  });
}

beforeAll(async () => {
  listener = net.createServer((c) => c.resume());
  await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
  port = portOf(listener);
});

afterAll(async () => {
  if (listener.listening) await new Promise((r) => listener.close(r));
});

describe('comparing scans', () => {
  it('1-300 against 1-2000: no change reported where nothing changed, though the large scan only counted its closed ports', async () => {
    const small = await scan({ targets: ['127.0.0.1'], ports: `1-300,${port}` });
    const large = await scan({ targets: ['127.0.0.1'], ports: `1-2000,${port}` });
    expect(small.hosts[0]!.closedOmitted).toBe(0);
    expect(large.hosts[0]!.closedOmitted).toBeGreaterThan(1000);
    expect(diffScans(small, large)).toEqual([]);
    expect(diffScans(large, small)).toEqual([]);
  });

  it('a cancelled scan against a full one: only ports both probed, and a real change shows', async () => {
    const cancelled = await scan({ targets: ['127.0.0.1'], ports: '-', maxRate: 5000 }, 1000);
    expect(cancelled.cancelled).toBe(true);
    expect(cancelled.summary.probes).toBeGreaterThan(100);
    expect(cancelled.summary.probes).toBeLessThan(65_535);
    const full = await scan({ targets: ['127.0.0.1'], ports: `1-${Math.max(2000, port)}` });
    // Other programs' listeners may come and go meanwhile; ours stays, so no row names it.
    const noise = diffScans(cancelled, full);
    expect(noise.length).toBeLessThan(5);
    expect(noise.find((c) => c.port === port)).toBeUndefined();

    await new Promise((r) => listener.close(r));
    const after = await scan({ targets: ['127.0.0.1'], ports: `1-300,${port}` });
    expect(diffScans(full, after).filter((c) => c.port === port)).toEqual([{ host: '127.0.0.1', port, protocol: 'tcp', before: 'open', after: 'closed' }]);
  }, 60_000);
});
