import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../support/cli';
import { portOf, SocketBag } from '../support/sockets';
import { sample, scrapeUntil, startAgent, tempDataDir } from './agentProcess';

describe('scheduled scans from the agent', () => {
  const bag = new SocketBag();
  afterAll(() => bag.closeAll());

  it('exports the open and closed ports of a loopback scan, and when it ran', async () => {
    const open = portOf(await bag.listen('127.0.0.1'));
    const closedServer = await bag.listen('127.0.0.1');
    const closed = portOf(closedServer);
    await new Promise<void>((r) => closedServer.close(() => r()));
    const spec = `127.0.0.1 --ports ${open},${closed}`;
    const agent = await startAgent(['--metrics', '127.0.0.1:0', '--scan', spec, '--every', '10s']);
    try {
      const body = await scrapeUntil(async () => (await fetch(agent.url)).text(), (b) => sample(b, 'portscope_scan_open_port', { port: String(open) }) === 1, 15_000);
      expect(sample(body, 'portscope_scan_open_port', { port: String(closed) })).toBeNull();
      expect(sample(body, 'portscope_scan_ports', { scan: spec, host: '127.0.0.1', state: 'open' })).toBe(1);
      expect(sample(body, 'portscope_scan_ports', { scan: spec, host: '127.0.0.1', state: 'closed' })).toBe(1);
      expect(sample(body, 'portscope_scan_last_completed_timestamp_seconds', { scan: spec })).toBeGreaterThan(Date.now() / 1000 - 60);
      expect(sample(body, 'portscope_scan_failures_total', { scan: spec })).toBe(0);
    } finally {
      await agent.stop();
    }
  });
});

// The public-target rule is checked inside a network namespace that has no route anywhere:
// even if the refusal broke, no probe could leave this machine.
const canNetns = process.getuid?.() === 0 && spawnSync('ip', ['netns', 'list']).status === 0;
if (!canNetns) console.log('scheduled-scans.test: public-target refusal skipped: needs root and `ip netns`');

describe.skipIf(!canNetns)('a scheduled scan of a public target', () => {
  const ns = `ps-agent-${randomBytes(3).toString('hex')}`;
  afterAll(() => void spawnSync('ip', ['netns', 'del', ns]));

  it('is refused like `portscope scan` without --i-am-authorized: one line, exit 2, nothing scanned', () => {
    expect(spawnSync('ip', ['netns', 'add', ns]).status).toBe(0);
    spawnSync('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
    const r = spawnSync('ip', ['netns', 'exec', ns, process.execPath, BIN, 'agent', '--data-dir', tempDataDir(), '--scan', '192.0.2.10 --ports 80', '--every', '1h'], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--scan "192\.0\.2\.10 --ports 80":.*(authori[sz]|public)/i);
    expect(r.stderr).not.toMatch(/scheduled scan .*: \d+ open/);
  });
});
