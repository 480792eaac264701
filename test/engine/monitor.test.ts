import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/service';
import { SocketMonitor } from '../../electron/engine/monitor/monitor';
import type { SocketSnapshotter, SnapshotResult } from '../../electron/engine/sockets/snapshotter';
import type { SocketDelta } from '../../shared/contract/sockets';
import { portOf, SocketBag } from '../support/sockets';

const bag = new SocketBag();
let engine: Engine | null = null;
afterEach(async () => {
  engine?.dispose();
  await bag.closeAll();
});

function nextDelta(e: Engine, pred: (d: SocketDelta) => boolean, timeoutMs = 10_000): Promise<SocketDelta> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error('no matching delta'));
    }, timeoutMs);
    const off = e.on('sockets.delta', (d) => {
      if (!pred(d)) return;
      clearTimeout(timer);
      off();
      resolve(d);
    });
  });
}

describe('the monitor on real sockets', () => {
  it('emits added and then removed rows for a listener that comes and goes', async () => {
    engine = new Engine({ intervalMs: 250 });
    await engine.handlers['sockets.snapshot']({});
    const keepAlive = engine.on('sockets.delta', () => {});
    const server = await bag.listen('127.0.0.1');
    const port = portOf(server);
    const added = await nextDelta(engine, (d) => d.added.some((r) => r.localPort === port));
    const row = added.added.find((r) => r.localPort === port)!;
    expect(row).toMatchObject({ state: 'LISTEN', pid: process.pid });
    expect(added.seq).toBe(added.previousSeq + 1);
    await new Promise<void>((r) => server.close(() => r()));
    const removed = await nextDelta(engine, (d) => d.removed.includes(row.id));
    expect(removed.added.some((r) => r.id === row.id)).toBe(false);
    keepAlive();
  });

  it('sends deltas proportional to change, not the whole table', async () => {
    engine = new Engine({ intervalMs: 250 });
    const keepAlive = engine.on('sockets.delta', () => {});
    for (let i = 0; i < 50; i++) await bag.listen('127.0.0.1');
    await engine.monitor.refresh();
    const quiet = await nextDelta(engine, () => true);
    expect(quiet.total).toBeGreaterThanOrEqual(50);
    // Nothing of ours changed: the delta is (nearly) empty although the table has 50+ rows.
    expect(quiet.added.filter((r) => r.pid === process.pid)).toHaveLength(0);
    expect(quiet.changed.filter((r) => r.pid === process.pid)).toHaveLength(0);
    keepAlive();
  });

  it('never runs two refreshes at once, however slow a refresh is', async () => {
    let running = 0;
    let maxRunning = 0;
    let calls = 0;
    const slow = {
      take: async (): Promise<SnapshotResult> => {
        running++;
        calls++;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((r) => setTimeout(r, 120)); // slower than the 20 ms interval
        running--;
        return { rows: [], processes: new Map(), warnings: [], warningTexts: [], durationMs: 120, takenAt: new Date().toISOString(), hostname: 'h', ownerWalk: 'none', traffic: { machine: { bytesSent: 0, bytesReceived: 0, sendRate: 0, receiveRate: 0 }, processes: [] } };
      },
    } as unknown as SocketSnapshotter;
    const monitor = new SocketMonitor(slow, { intervalMs: 20 });
    monitor.start();
    // A snapshot request during a refresh shares it instead of starting another.
    await Promise.all([monitor.refresh(), monitor.snapshot(), monitor.refresh()]);
    await new Promise((r) => setTimeout(r, 600));
    monitor.stop();
    expect(maxRunning).toBe(1);
    expect(calls).toBeGreaterThanOrEqual(3);
    expect(calls).toBeLessThanOrEqual(7);
  });

  it('pauses and resumes through monitor.configure', async () => {
    engine = new Engine({ intervalMs: 250 });
    const off = engine.on('sockets.delta', () => {});
    expect(engine.monitor.isRunning).toBe(true);
    expect(await engine.handlers['monitor.configure']({ paused: true, intervalMs: 500 })).toEqual({ paused: true, intervalMs: 500 });
    expect(engine.monitor.isRunning).toBe(false);
    await engine.handlers['monitor.configure']({ paused: false });
    expect(engine.monitor.isRunning).toBe(true);
    off();
    expect(engine.monitor.isRunning).toBe(false);
  });
});
