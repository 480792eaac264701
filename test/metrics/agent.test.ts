import { spawnSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { portscope } from '../support/cli';
import { portOf, SocketBag } from '../support/sockets';
import { sample, scrapeUntil, startAgent, type RunningAgent } from './agentProcess';

const promtool = spawnSync('promtool', ['--version']).error === undefined;

describe('portscope agent --metrics', () => {
  const bag = new SocketBag();
  let agent: RunningAgent;
  const scrape = async () => (await fetch(agent.url)).text();

  beforeAll(async () => {
    agent = await startAgent(['--metrics', '127.0.0.1:0', '--interval', '500ms']);
  });
  afterAll(async () => {
    expect(await agent.stop()).toBe(0);
  });
  afterEach(() => bag.closeAll());

  it('shows a fresh listener with its owner, exposure and service, and drops it when it closes', async () => {
    const server = await bag.listen('127.0.0.1');
    const port = String(portOf(server));
    const labels = { protocol: 'tcp', family: 'ipv4', address: '127.0.0.1', port, process: 'node', user: 'root', exposure: 'loopback' };
    const body = await scrapeUntil(scrape, (b) => sample(b, 'portscope_listening_sockets', labels) === 1);
    expect(body).toContain('# TYPE portscope_listening_sockets gauge');
    await bag.closeAll();
    await scrapeUntil(scrape, (b) => sample(b, 'portscope_listening_sockets', { port }) === null);
  });

  it('counts connections by protocol, state and process, without remote addresses by default', async () => {
    const server = await bag.listen('127.0.0.1');
    for (let i = 0; i < 3; i++) await bag.connect('127.0.0.1', portOf(server));
    const body = await scrapeUntil(scrape, (b) => (sample(b, 'portscope_connections', { protocol: 'tcp', state: 'ESTABLISHED', process: 'node' }) ?? 0) >= 6);
    expect(body).not.toMatch(/remote_address=/);
    expect(body).not.toMatch(/^portscope_connection_endpoints/m);
  });

  it('reports its own health: refresh durations as a histogram, errors as a counter, and process metrics', async () => {
    const body = await scrapeUntil(scrape, (b) => (sample(b, 'portscope_refresh_duration_seconds_count', {}) ?? 0) >= 2);
    expect(body).toContain('# TYPE portscope_refresh_duration_seconds histogram');
    expect(body).toContain('# TYPE portscope_refresh_errors_total counter');
    expect(sample(body, 'process_resident_memory_bytes', {})).toBeGreaterThan(0);
  });

  it.skipIf(!promtool)('passes `promtool check metrics` on a real scrape', async () => {
    const body = await scrape();
    const r = spawnSync('promtool', ['check', 'metrics'], { input: body, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('is read-only: anything but GET and HEAD is refused, and only /metrics serves data', async () => {
    expect((await fetch(agent.url, { method: 'POST', body: 'x' })).status).toBe(405);
    expect((await fetch(agent.url, { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(agent.url.replace('/metrics', '/api/calls'))).status).toBe(404);
  });
});

describe('portscope agent --metrics-remote-labels', () => {
  it('adds one series per connection with both endpoints when asked', async () => {
    const bag = new SocketBag();
    const agent = await startAgent(['--metrics', '127.0.0.1:0', '--metrics-remote-labels', '--interval', '500ms']);
    try {
      const server = await bag.listen('127.0.0.1');
      const client = await bag.connect('127.0.0.1', portOf(server));
      const local = String(client.localPort);
      const body = await scrapeUntil(
        async () => (await fetch(agent.url)).text(),
        (b) => sample(b, 'portscope_connection_endpoints', { local_port: local, remote_port: String(portOf(server)) }) === 1,
      );
      expect(body).toMatch(/remote_address="127\.0\.0\.1"/);
    } finally {
      await bag.closeAll();
      await agent.stop();
    }
  });
});

describe.skipIf(!promtool)('the shipped Prometheus rules', () => {
  it('pass `promtool check rules`', () => {
    const r = spawnSync('promtool', ['check', 'rules', 'assets/prometheus/portscope-rules.yml'], { encoding: 'utf8' });
    expect(r.stdout).toContain('SUCCESS: 4 rules found');
    expect(r.status).toBe(0);
  });
});

describe('agent flags', () => {
  it('refuses to bind beyond loopback without a token or client certificates, in one line with exit 2', () => {
    const r = portscope(['agent', '--metrics', '0.0.0.0:0']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--metrics-token/);
  });

  it.each([
    [['--metrics', 'nonsense'], /ADDRESS:PORT/],
    [['--metrics', '127.0.0.1:70000'], /out of range/],
    [['--metrics', '127.0.0.1:0', '--metrics-token', 'short'], /at least 16/],
    [['--metrics-token', 'a'.repeat(20)], /need --metrics/],
    [['--metrics', '127.0.0.1:0', '--metrics-tls-cert', '/nonexistent'], /go together/],
    [['--scan', '127.0.0.1', '--metrics', '127.0.0.1:0'], /--scan "127.0.0.1"/],
    [['--scan', '127.0.0.1 --ports 22', '--every', '1s'], /10s to 7d/],
  ])('rejects %j', (args, message) => {
    const r = portscope(['agent', ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
