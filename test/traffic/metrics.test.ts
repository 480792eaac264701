import { spawn } from 'node:child_process';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSockDiag } from '../../electron/engine/platform/linux/sockDiag';
import { trafficSeries } from '../../electron/engine/metrics/trafficSeries';
import { sample, scrapeUntil, startAgent, type RunningAgent } from '../metrics/agentProcess';

// The real agent's /metrics while a real child sends at a fixed pace on loopback.
const addon = process.platform === 'linux' ? loadSockDiag() : null;

describe('traffic series', () => {
  it('keep only the busiest processes, labelled by pid and name', () => {
    const processes = Array.from({ length: 80 }, (_, i) => ({ pid: i + 1, name: `p${i}`, bytesSent: 1, bytesReceived: 1, sendRate: 80 - i, receiveRate: 0, connections: 1 }));
    const t = trafficSeries({ machine: { bytesSent: 80, bytesReceived: 80, sendRate: 3240, receiveRate: 0 }, processes }, 50);
    expect(t.sendRate).toHaveLength(50);
    expect(t.sendRate[0]).toEqual({ labels: { pid: '1', process: 'p0' }, value: 80 });
    expect(t.machineRate).toEqual([
      { labels: { direction: 'out' }, value: 3240 },
      { labels: { direction: 'in' }, value: 0 },
    ]);
  });
});

describe.skipIf(!addon?.scan)('portscope agent --metrics with traffic', () => {
  let agent: RunningAgent;
  let server: net.Server;
  let child: ReturnType<typeof spawn>;
  const CHUNK = 20 * 1024;
  const EVERY_MS = 50;
  const expected = (CHUNK * 1000) / EVERY_MS;

  beforeAll(async () => {
    server = net.createServer((s) => s.resume());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    child = spawn(
      process.execPath,
      ['-e', `const c = require('net').connect(${port}, '127.0.0.1', () => { const t0 = Date.now(); let k = 0; const b = Buffer.alloc(${CHUNK}); const tick = () => { c.write(b); k++; setTimeout(tick, Math.max(0, t0 + k * ${EVERY_MS} - Date.now())); }; tick(); });`],
      { stdio: 'ignore' },
    );
    agent = await startAgent(['--metrics', '127.0.0.1:0', '--interval', '1s']);
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await agent?.stop();
    await new Promise((r) => server?.close(r));
  });

  it('gives the sending process its rate, by pid and name, and the machine its total', async () => {
    const scrape = async () => (await fetch(agent.url)).text();
    const pid = String(child.pid);
    await scrapeUntil(scrape, (b) => (sample(b, 'portscope_process_send_bytes_per_second', { pid }) ?? 0) > 0, 15_000);
    // The first nonzero rate may cover a window the sender only partly filled (it connected
    // mid-refresh); two refreshes later the window is a steady one.
    await new Promise((r) => setTimeout(r, 2_500));
    const body = await scrape();
    expect(body).toContain('# TYPE portscope_process_send_bytes_per_second gauge');
    const rate = sample(body, 'portscope_process_send_bytes_per_second', { pid, process: 'node' })!;
    // One refresh's window: a chunk more or less in a second is 5%; the agent's timer jitters too.
    expect(Math.abs(rate - expected) / expected).toBeLessThan(0.2);
    expect(sample(body, 'portscope_machine_bytes_per_second', { direction: 'out' })).toBeGreaterThanOrEqual(rate);
    expect(sample(body, 'portscope_process_sent_bytes', { pid })).toBeGreaterThan(0);
  });
});
