import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portOf, SocketBag } from '../support/sockets';
import { startAgent, type RunningAgent } from './agentProcess';

const havePrometheus = spawnSync('prometheus', ['--version']).error === undefined;
if (!havePrometheus) console.log('prometheus.test: skipped: no `prometheus` binary (Debian package prometheus); .ci/run installs it');

const TOKEN = 'prometheus-scrapes-with-this-token';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

interface PromResult {
  status: string;
  data: { resultType: string; result: Array<{ metric: Record<string, string>; value: [number, string] }> };
  error?: string;
}

describe.skipIf(!havePrometheus)('a real Prometheus scraping a real agent', () => {
  const bag = new SocketBag();
  let agent: RunningAgent;
  let prometheus: ChildProcess;
  let api: string;
  let dir: string;
  let log = '';

  const query = async (q: string): Promise<PromResult> => (await fetch(`${api}/api/v1/query?query=${encodeURIComponent(q)}`)).json() as Promise<PromResult>;

  beforeAll(async () => {
    agent = await startAgent(['--metrics', '127.0.0.1:0', '--interval', '500ms'], { PORTSCOPE_METRICS_TOKEN: TOKEN });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portscope-prom-'));
    const target = new URL(agent.url).host;
    fs.writeFileSync(
      path.join(dir, 'prometheus.yml'),
      [
        'global: { scrape_interval: 1s, evaluation_interval: 1s }',
        `rule_files: [${JSON.stringify(path.resolve('assets/prometheus/portscope-rules.yml'))}]`,
        'scrape_configs:',
        '  - job_name: portscope',
        `    authorization: { credentials: ${JSON.stringify(TOKEN)} }`,
        `    static_configs: [ { targets: [${JSON.stringify(target)}] } ]`,
        '',
      ].join('\n'),
    );
    const port = await freePort();
    api = `http://127.0.0.1:${port}`;
    prometheus = spawn(
      'prometheus',
      [`--config.file=${path.join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    prometheus.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    const until = Date.now() + 20_000;
    for (;;) {
      const ready = await fetch(`${api}/-/ready`).then((r) => r.ok, () => false);
      if (ready) break;
      if (Date.now() > until) throw new Error(`prometheus did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 40_000);

  afterAll(async () => {
    prometheus?.kill('SIGTERM');
    await agent?.stop();
    await bag.closeAll();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a PromQL query for a fresh listener returns it with its owner', async () => {
    const server = await bag.listen('127.0.0.1');
    const port = String(portOf(server));
    const until = Date.now() + 20_000;
    let r: PromResult;
    do {
      await new Promise((res) => setTimeout(res, 500));
      r = await query(`portscope_listening_sockets{port="${port}"}`);
    } while (r.data.result.length === 0 && Date.now() < until);
    expect(r.status).toBe('success');
    expect(r.data.result).toHaveLength(1);
    expect(r.data.result[0]!.metric).toMatchObject({ job: 'portscope', protocol: 'tcp', address: '127.0.0.1', port, process: 'node', user: 'root', exposure: 'loopback' });
    expect(log).not.toMatch(/level=error/);
  }, 30_000);

  it('loads the shipped alerting rules, all healthy', async () => {
    const r = (await (await fetch(`${api}/api/v1/rules`)).json()) as { data: { groups: Array<{ rules: Array<{ name: string; health: string; lastError?: string }> }> } };
    const rules = r.data.groups.flatMap((g) => g.rules);
    expect(rules.map((x) => x.name).sort()).toEqual(['PortscopeAgentRefreshFailing', 'PortscopeListenerGone', 'PortscopeNewExposedListener', 'PortscopeRiskyPortExposed']);
    for (const rule of rules) expect([rule.name, rule.health, rule.lastError ?? '']).toEqual([rule.name, 'ok', '']);
  });

  it('answers every query of the shipped Grafana dashboard', async () => {
    const dashboard = JSON.parse(fs.readFileSync('assets/grafana/portscope-dashboard.json', 'utf8')) as { panels: Array<{ title: string; targets: Array<{ expr: string }> }> };
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(6);
    for (const panel of dashboard.panels) {
      for (const t of panel.targets) {
        const r = await query(t.expr.replaceAll('$instance', '.*'));
        expect([panel.title, r.status, r.error ?? '']).toEqual([panel.title, 'success', '']);
      }
    }
    const listeners = await query(dashboard.panels.find((p) => p.title === 'Listeners per host')!.targets[0]!.expr.replaceAll('$instance', '.*'));
    expect(Number(listeners.data.result[0]?.value[1])).toBeGreaterThan(0);
  });
});
