import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, portscope } from '../support/cli';
import { openSession } from '../host/support/session';

/**
 * Scans far larger than memory would hold if expanded: 127.0.0.0/8 (16,777,216 hosts, every one
 * of them this machine's loopback) through the real CLI and the real server. Memory is read from
 * /proc/<pid>/status, which counts every thread of the process (scan workers included).
 */

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function memoryKb(pid: number): { hwm: number; rss: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { hwm: field('VmHWM'), rss: field('VmRSS') };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Bounded means: well under what 16 million hosts would take, and not growing batch after batch. */
const LIMIT_KB = 400 * 1024;

describe('a scan of 127.0.0.0/8', () => {
  it('is refused without confirmation, with an estimate of its duration (exit 2, nothing sent)', () => {
    const r = portscope(['scan', '127.0.0.0/8', '-p', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^portscope: Large scan: 16,777,216 probes to 16,777,216 hosts would take about \d+ (s|min|h)\b.*--force/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('runs in bounded memory from the CLI, and Ctrl-C stops it within a second with what it found', async () => {
    const child = spawn(process.execPath, [BIN, 'scan', '127.0.0.0/8', '-p', '1', '--force'], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let stdout = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
    const samples: number[] = [];
    for (let i = 0; i < 16; i++) {
      await sleep(500);
      samples.push(memoryKb(child.pid!).hwm);
    }
    const t0 = performance.now();
    child.kill('SIGINT');
    const [code] = await exited;
    const stopMs = performance.now() - t0;
    const peak = Math.max(...samples);
    console.log(`127.0.0.0/8 -p 1 from the CLI: VmHWM ${samples.map((s) => Math.round(s / 1024)).join(', ')} MB; SIGINT to exit ${Math.round(stopMs)} ms`);
    expect(peak).toBeLessThan(LIMIT_KB);
    expect(stopMs).toBeLessThan(1000);
    expect(code).toBe(130);
    const m = /Cancelled: ([\d,]+) hosts \([\d,]+ up\), ([\d,]+) TCP ports: 0 open, ([\d,]+) closed/.exec(stdout);
    expect(m, stdout.slice(-400)).not.toBeNull();
    // Thousands of hosts were scanned (every one answers on loopback), none of them listed one by one.
    expect(Number(m![2]!.replace(/,/g, ''))).toBeGreaterThan(1000);
    expect(stdout).toMatch(/Not shown: [\d,]+ hosts without an open port/);
    expect(stdout.split('\n').length).toBeLessThan(10);
  }, 30_000);

  it('answers scan.start at once over the WebSocket, stays responsive to new connections, and cancels', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    const rl = createInterface({ input: child.stdout! });
    const [line] = (await once(rl, 'line')) as [string];
    rl.close();
    const url = new URL(line);
    const port = Number(url.port);
    const open = () => openSession(port, url.searchParams.get('token')!);
    const a = await open();
    a.ws.send(JSON.stringify({ type: 'subscribe', name: 'scan.progress' }));
    a.ws.send(JSON.stringify({ type: 'subscribe', name: 'scan.done' }));
    const baseline = memoryKb(child.pid!).hwm;

    for (const [i, target] of ['127.0.0.0/8', '::ffff:127.0.0.0/104'].entries()) {
      const t0 = performance.now();
      a.ws.send(JSON.stringify({ type: 'call', id: 10 + i, name: 'scan.start', payload: { targets: [target], ports: '1', force: true } }));
      const started = await a.messages.next<{ ok: boolean; value: { scanId: string; hostCount: number; hosts: unknown[]; total: number } }>((m) => m.id === 10 + i, 5000);
      const startMs = performance.now() - t0;
      expect(startMs).toBeLessThan(2000);
      expect(started.value).toMatchObject({ hostCount: 16_777_216, total: 16_777_216 });
      expect(started.value.hosts.length).toBeLessThanOrEqual(100);
      const scanId = started.value.scanId;
      await a.messages.next((m) => m.type === 'event' && m.name === 'scan.progress' && (m.payload as { done: number; scanId: string }).scanId === scanId && (m.payload as { done: number }).done > 0, 10_000);

      // A second client is served while the scan runs.
      await sleep(2000);
      const b = await open();
      const h0 = performance.now();
      b.ws.send(JSON.stringify({ type: 'call', id: 1, name: 'contract.hello', payload: { version: '1.0.0' } }));
      expect(await b.messages.next((m) => m.id === 1, 5000)).toMatchObject({ ok: true });
      const helloMs = performance.now() - h0;
      console.log(`${target}: scan.start answered in ${Math.round(startMs)} ms; contract.hello during the scan ${Math.round(helloMs)} ms; VmHWM ${Math.round(memoryKb(child.pid!).hwm / 1024)} MB`);
      expect(helloMs).toBeLessThan(1000);
      b.ws.close();

      a.ws.send(JSON.stringify({ type: 'call', id: 20 + i, name: 'scan.cancel', payload: { scanId } }));
      expect(await a.messages.next((m) => m.id === 20 + i, 5000)).toMatchObject({ ok: true, value: { cancelled: true } });
      const done = await a.messages.next<{ payload: { result: { cancelled: boolean; summary: { probes: number }; hosts: unknown[] } } }>(
        (m) => m.type === 'event' && m.name === 'scan.done' && (m.payload as { scanId: string }).scanId === scanId,
        5000,
      );
      expect(done.payload.result.cancelled).toBe(true);
      expect(done.payload.result.summary.probes).toBeGreaterThan(1000);
      expect(done.payload.result.hosts).toEqual([]);
    }
    expect(memoryKb(child.pid!).hwm - baseline).toBeLessThan(LIMIT_KB);
    a.ws.close();
  }, 60_000);
});
