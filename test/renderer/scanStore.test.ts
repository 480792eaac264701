import { describe, expect, it } from 'vitest';
import type { PortResult, ScanResult } from '../../shared/contract';
import { ContractError } from '../../shared/contract/errors';
import { diffScans, outcomeLabel, rttHistogram } from '../../renderer/stores/scan/diff';
import { createScanStore } from '../../renderer/stores/scan/store';
import { createProbeStore } from '../../renderer/stores/probe';
import { FakeClient } from './fixtures';

const port = (p: number, state: PortResult['state'], rttMs: number | null = 0.2): PortResult => ({ host: '127.0.0.1', port: p, protocol: 'tcp', state, reason: 'syn-ack', rttMs, service: null, hint: null });

function result(scanId: string, results: PortResult[]): ScanResult {
  const counts = { open: 0, closed: 0, filtered: 0, 'open|filtered': 0 };
  for (const r of results) counts[r.state]++;
  return {
    scanId,
    protocol: 'tcp',
    timing: 'normal',
    startedAt: new Date(0).toISOString(),
    finishedAt: new Date(1).toISOString(),
    cancelled: false,
    hosts: [{ address: '127.0.0.1', name: null, state: 'up', reason: 'syn-ack', counts, closedOmitted: 0, srttMs: 0.2 }],
    results,
    summary: { probes: results.length, retransmissions: 0, resourceBackoffs: 0, selfConnects: 0, counts, hostsUp: 1, hostsDown: 0, durationMs: 5, ratePerSec: 100 },
    warnings: [],
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('scan store', () => {
  it('holds events that overtake the start answer, then finishes with the result and keeps history', async () => {
    const client = new FakeClient();
    const final = result('s1', [port(22, 'open'), port(23, 'closed')]);
    client.handle('scan.start', () => {
      // The engine is fast: progress and an open port arrive before the start answer.
      client.emit('scan.progress', { scanId: 's1', done: 1, total: 2, open: 1, ratePerSec: 10, etaMs: 100, elapsedMs: 5, concurrency: 4 });
      client.emit('scan.found', { scanId: 's1', result: port(22, 'open') });
      client.emit('scan.found', { scanId: 'other', result: port(99, 'open') });
      return { scanId: 's1', total: 2, hosts: [{ spec: '127.0.0.1', address: '127.0.0.1', family: 4, name: null }], hostCount: 1, portCount: 2, workers: 1, warnings: [] };
    });
    const store = createScanStore(client);
    await store.getState().start({ targets: ['127.0.0.1'], ports: '22-23' });
    expect(store.getState().phase).toBe('running');
    expect(store.getState().found.map((r) => r.port)).toEqual([22]);
    expect(store.getState().progress?.done).toBe(1);
    client.emit('scan.done', { scanId: 's1', result: final, error: null });
    expect(store.getState().phase).toBe('done');
    expect(store.getState().history.map((h) => h.scanId)).toEqual(['s1']);
    expect(client.listenerCount('scan.progress')).toBe(0);
  });

  it('asks for authorization when the engine refuses a public target, and retries with it', async () => {
    const client = new FakeClient();
    const requests: unknown[] = [];
    client.handle('scan.start', (req) => {
      requests.push(req);
      if (!req.authorized) throw new ContractError('denied', '8.8.8.8 is a public address.');
      return { scanId: 's2', total: 1, hosts: [], hostCount: 1, portCount: 1, workers: 1, warnings: [] };
    });
    const store = createScanStore(client);
    await store.getState().start({ targets: ['8.8.8.8'], ports: '53' });
    expect(store.getState().phase).toBe('needs-authorization');
    expect(store.getState().authorizationMessage).toContain('public');
    await store.getState().authorize();
    expect(store.getState().phase).toBe('running');
    expect(requests.at(-1)).toMatchObject({ targets: ['8.8.8.8'], authorized: true });
  });

  it('asks to confirm a large scan with the estimate the engine gives, and retries with force only (never authorized)', async () => {
    const client = new FakeClient();
    const requests: Array<{ force?: boolean; authorized?: boolean }> = [];
    client.handle('scan.start', (req) => {
      requests.push(req);
      if (!req.force) throw new ContractError('denied', 'Large scan: 16,777,216 probes to 16,777,216 hosts would take about 14 min. Confirm with --force.');
      return { scanId: 's9', total: 16_777_216, hosts: [], hostCount: 16_777_216, portCount: 1, workers: 2, warnings: [] };
    });
    const store = createScanStore(client);
    await store.getState().start({ targets: ['127.0.0.0/8'], ports: '1' });
    expect(store.getState()).toMatchObject({ phase: 'needs-authorization', confirmation: 'large' });
    expect(store.getState().authorizationMessage).toMatch(/about 14 min/);
    await store.getState().authorize();
    expect(store.getState().phase).toBe('running');
    expect(requests.map((r) => [r.force ?? false, r.authorized ?? false])).toEqual([
      [false, false],
      [true, false],
    ]);
  });

  it('cancels a running scan', async () => {
    const client = new FakeClient();
    client.handle('scan.start', () => ({ scanId: 's3', total: 100, hosts: [], hostCount: 1, portCount: 100, workers: 1, warnings: [] }));
    client.handle('scan.cancel', () => ({ cancelled: true }));
    const store = createScanStore(client);
    await store.getState().start({ targets: ['127.0.0.1'], ports: '1-100' });
    await store.getState().cancel();
    expect(client.calls.at(-1)).toEqual({ name: 'scan.cancel', request: { scanId: 's3' } });
    expect(store.getState().phase).toBe('cancelling');
    client.emit('scan.done', { scanId: 's3', result: { ...result('s3', []), cancelled: true }, error: null });
    expect(store.getState().phase).toBe('done');
  });
});

describe('scan diff and RTT histogram', () => {
  it('compares only ports both scans probed: a port one scan never probed is no change', () => {
    const a = { ...result('a', [port(22, 'open'), port(80, 'closed'), port(443, 'open')]), ports: '22,80,443' };
    const b = { ...result('b', [port(22, 'open'), port(80, 'open'), port(8080, 'filtered')]), ports: '22,80,8080' };
    expect(diffScans(a, b)).toEqual([{ host: '127.0.0.1', port: 80, protocol: 'tcp', before: 'closed', after: 'open' }]);
  });

  it('reads closed ports a scan only counted from its compact list, and says "not recorded" when an older one kept none', () => {
    const small = { ...result('a', [port(22, 'open'), port(80, 'closed'), port(443, 'open')]), ports: '1-500' };
    const counted = result('b', [port(22, 'open')]);
    counted.ports = '1-2000';
    counted.hosts[0] = { ...counted.hosts[0]!, closedOmitted: 1999, closedPorts: '1-21,23-2000' };
    expect(diffScans(small, counted)).toEqual([{ host: '127.0.0.1', port: 443, protocol: 'tcp', before: 'open', after: 'closed' }]);
    const older = result('c', [port(22, 'open')]);
    older.hosts[0] = { ...older.hosts[0]!, closedOmitted: 1999 };
    const changes = diffScans(small, older);
    expect(changes).toEqual([{ host: '127.0.0.1', port: 443, protocol: 'tcp', before: 'open', after: 'not-recorded' }]);
    expect(changes.map((c) => outcomeLabel(c.after))).toEqual(['not recorded']);
  });

  it('buckets round-trip times and ignores ports without one', () => {
    const h = rttHistogram([port(1, 'open', 0.1), port(2, 'open', 0.15), port(3, 'open', 1.1), port(4, 'filtered', null)]);
    expect(h.reduce((n, b) => n + b.count, 0)).toBe(3);
    expect(h[1]?.count).toBe(2); // 0.1 ms buckets: 0.1 and 0.15 share the second
    expect(rttHistogram([])).toEqual([]);
    // Microsecond times (the kernel's, on loopback) get labels that tell the buckets apart.
    const micro = rttHistogram([port(1, 'open', 0.005), port(2, 'open', 0.011), port(3, 'open', 0.037)]).map((b) => b.label);
    expect(new Set(micro).size).toBe(micro.length);
    expect(micro[0]).toBe('0–0.005 ms');
    // In German and Dutch the labels use the decimal comma, with as many digits as English.
    const de = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
    const german = rttHistogram([port(1, 'open', 0.005), port(2, 'open', 0.011), port(3, 'open', 0.037)], (v, d) => (d === 3 ? de.format(v) : 'wrong digits'));
    expect(german.map((b) => b.label).slice(0, 3)).toEqual(['0–0,005 ms', '0,005–0,010 ms', '0,010–0,015 ms']);
  });
});

describe('probe store', () => {
  it('collects attempts for its probe id and ends with the summary', async () => {
    const client = new FakeClient();
    const attempt = (seq: number, probeId = 'p1') => ({ probeId, seq, address: '127.0.0.1', outcome: 'connected' as const, ok: true, rttMs: seq / 10, message: 'ok', at: new Date(0).toISOString() });
    client.handle('probe.start', () => {
      client.emit('probe.attempt', attempt(1));
      return { probeId: 'p1' };
    });
    const store = createProbeStore(client);
    await store.getState().start({ host: '127.0.0.1', port: 22 });
    client.emit('probe.attempt', attempt(2, 'another'));
    client.emit('probe.attempt', attempt(2));
    expect(store.getState().attempts.map((a) => a.seq)).toEqual([1, 2]);
    client.emit('probe.done', {
      probeId: 'p1',
      result: { probeId: 'p1', host: '127.0.0.1', address: '127.0.0.1', port: 22, protocol: 'tcp', attempts: [attempt(1), attempt(2), attempt(3)], sent: 3, received: 3, loss: 0, rtt: { minMs: 0.1, avgMs: 0.2, maxMs: 0.3 }, banner: null, verdict: 'open', cancelled: false },
    });
    await flush();
    expect(store.getState().phase).toBe('done');
    expect(store.getState().attempts.length).toBe(3);
  });
});
