import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sqlite } from '../../electron/engine/history/sqlite';
import { HistoryStore } from '../../electron/engine/history/store';
import { PROCESSES_PER_MINUTE, TrafficMinutes, type TrafficMinute } from '../../electron/engine/history/trafficLog';
import { loadSockDiag } from '../../electron/engine/platform/linux/sockDiag';
import type { ProcessTraffic, TrafficSummary } from '../../shared/contract/traffic';
import { portscope } from '../support/cli';
import { startAgent, tempDataDir } from '../history/support';

const addon = process.platform === 'linux' ? loadSockDiag() : null;
const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

function dir(): string {
  const t = tempDataDir();
  cleanups.push(t.remove);
  return t.dir;
}

const proc = (pid: number, sendRate: number, receiveRate = 0): ProcessTraffic => ({ pid, name: `p${pid}`, bytesSent: 0, bytesReceived: 0, sendRate, receiveRate, connections: 1 });
const summary = (processes: ProcessTraffic[]): TrafficSummary => ({ machine: { bytesSent: 0, bytesReceived: 0, sendRate: 0, receiveRate: 0 }, processes });

describe('per-minute traffic', () => {
  it('adds rate × interval into the minute, handing it out when the next one starts', () => {
    const t = new TrafficMinutes();
    const m0 = 1_800_000_000_000 - (1_800_000_000_000 % 60_000);
    expect(t.add(summary([proc(7, 1000, 10)]), m0 + 1_000)).toEqual([]); // first sight: no interval yet
    for (let s = 2; s <= 59; s++) expect(t.add(summary([proc(7, 1000, 10)]), m0 + s * 1000)).toEqual([]);
    const done = t.add(summary([proc(7, 1000)]), m0 + 61_000);
    expect(done).toEqual([{ minute: m0, pid: 7, name: 'p7', bytesSent: 58_000, bytesReceived: 580, connections: 1 }] satisfies TrafficMinute[]);
    // The interval that crossed into the new minute counts there.
    expect(t.flush()).toEqual([expect.objectContaining({ minute: m0 + 60_000, bytesSent: 2000 })]);
  });

  it('keeps the busiest processes only, and none that moved nothing', () => {
    const t = new TrafficMinutes();
    const many = Array.from({ length: 80 }, (_, i) => proc(i + 1, i));
    t.add(summary(many), 0);
    t.add(summary(many), 1000);
    const rows = t.flush();
    expect(rows).toHaveLength(PROCESSES_PER_MINUTE);
    expect(rows[0]!.pid).toBe(80);
    expect(rows.some((r) => r.pid === 1)).toBe(false); // rate 0
  });

  it('brings a version-1 database up to date, keeping what it held', () => {
    const d = dir();
    HistoryStore.open(d, { create: true }).close();
    const file = path.join(d, 'history.sqlite');
    const db = new (sqlite().DatabaseSync)(file);
    db.exec('DROP TABLE traffic_minutes');
    db.exec("INSERT INTO retention_log (at, message) VALUES (1, 'from version 1')");
    db.exec('PRAGMA user_version = 1');
    db.close();
    const store = HistoryStore.open(d, { create: false });
    try {
      expect(store.db.prepare('PRAGMA user_version').get()).toEqual({ user_version: 3 });
      expect(store.db.prepare('SELECT message FROM retention_log').all()).toEqual([{ message: 'from version 1' }]);
      expect(store.db.prepare('SELECT count(*) AS n FROM traffic_minutes').get()).toEqual({ n: 0 });
    } finally {
      store.close();
    }
  });
});

describe.skipIf(!addon?.scan)('portscope history --traffic', () => {
  it('answers with what a recording agent saw a real sender move', async () => {
    const d = dir();
    const server = net.createServer((s) => s.resume());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    const child = spawn(process.execPath, ['-e', `const c = require('net').connect(${port}, '127.0.0.1', () => setInterval(() => c.write(Buffer.alloc(10240)), 50));`], { stdio: 'ignore' });
    const agent = startAgent(d);
    try {
      await agent.waitFor(/recording into/);
      await new Promise((r) => setTimeout(r, 2500));
    } finally {
      expect(await agent.stop('SIGTERM')).toBe(0); // stopping writes the minute under way
      child.kill('SIGKILL');
      server.close();
    }
    const res = portscope(['history', '--traffic', '--data-dir', d, '--pid', String(child.pid), '--json']);
    expect(res.status).toBe(0);
    const rows = JSON.parse(res.stdout) as Array<TrafficMinute & { minute: string }>;
    const sent = rows.reduce((n, r) => n + r.bytesSent, 0);
    // About 200 KiB/s for the 2.5 s the agent watched (less its first refresh, which has no rate).
    expect(sent).toBeGreaterThan(150_000);
    expect(sent).toBeLessThan(800_000);
    expect(rows[0]).toMatchObject({ pid: child.pid, name: 'node', connections: 1 });
    const table = portscope(['history', '--traffic', '--data-dir', d, '--pid', String(child.pid)]);
    expect(table.stdout).toMatch(new RegExp(`MINUTE\\s+PROCESS\\s+SENT\\s+RECEIVED\\s+CONNS\\n.*${child.pid}/node`));
  });

  it('says when nothing was recorded, with exit code 1', () => {
    const res = portscope(['history', '--traffic', '--data-dir', dir()]);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('no history has been recorded');
  });
});
