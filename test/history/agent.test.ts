import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SocketBag } from '../support/sockets';
import { historyJson, integrity, sleep, startAgent, tempDataDir, waitUntil, type AgentHandle } from './support';

const agents: AgentHandle[] = [];
const bag = new SocketBag();
const cleanups: Array<() => void> = [];

afterEach(async () => {
  await Promise.all(agents.splice(0).map((a) => a.stop('SIGKILL')));
  await bag.closeAll();
  for (const c of cleanups.splice(0)) c();
});

function data() {
  const t = tempDataDir();
  cleanups.push(t.remove);
  return t.dir;
}

function agent(dir: string, args: string[] = []) {
  const a = startAgent(dir, args);
  agents.push(a);
  return a;
}

const port = (s: net.Server) => (s.address() as net.AddressInfo).port;

/** Opens and closes loopback connections as fast as it can until stopped: the churn a kill lands in. */
function churn(target: number): () => Promise<void> {
  let running = true;
  const loop = (async () => {
    while (running) {
      const socks = await Promise.all(
        Array.from({ length: 20 }, () => new Promise<net.Socket>((resolve) => {
          const s = net.connect({ host: '127.0.0.1', port: target }, () => resolve(s));
          s.on('error', () => resolve(s));
        })),
      );
      await sleep(30);
      for (const s of socks) s.destroy();
    }
  })();
  return async () => {
    running = false;
    await loop;
  };
}

describe('portscope agent records listeners', () => {
  it('records a loopback listener opening and closing, with its owner', async () => {
    const dir = data();
    const a = agent(dir);
    await a.waitFor(/recording into/);
    const server = await bag.listen('127.0.0.1');
    const p = port(server);
    const opened = await waitUntil('opened event', () => historyJson(dir, ['--port', String(p)]).find((e) => e.kind === 'opened' && e.listener));
    expect(opened.owner.pid).toBe(process.pid);
    expect(opened.owner.exe).toBeTruthy();
    expect(opened.owner.startTime).toBeTruthy();
    expect(opened.stillOpen).toBe(true);
    await new Promise<void>((r) => server.close(() => r()));
    const events = await waitUntil('closed event', () => {
      const ev = historyJson(dir, ['--port', String(p), '--listeners']);
      return ev.some((e) => e.kind === 'closed') ? ev : null;
    });
    expect(events.map((e) => e.kind)).toEqual(['opened', 'closed']);
    expect(events[0]!.stillOpen).toBe(false);
  });

  it('survives kill -9 mid-write: the database stays intact and history continues across the gap', async () => {
    const dir = data();
    const sink = await bag.listen('127.0.0.1');
    const stopChurn = churn(port(sink));
    try {
      const first = agent(dir);
      await first.waitFor(/recording into/);
      const before = await bag.listen('127.0.0.1');
      const beforePort = String(port(before));
      await waitUntil('listener recorded', () => historyJson(dir, ['--port', beforePort, '--listeners']).length > 0);
      // Several kills while connections churn: each lands in or between transactions at random.
      for (let round = 0; round < 3; round++) {
        const a = round === 0 ? first : agent(dir);
        await a.waitFor(/recording into/);
        await sleep(400 + Math.random() * 600);
        await a.stop('SIGKILL');
        expect(integrity(dir)).toBe('ok');
      }
      // While nothing records: one listener closes, another opens.
      await new Promise<void>((r) => before.close(() => r()));
      const during = await bag.listen('127.0.0.1');
      const again = agent(dir);
      await again.waitFor(/recording into/);
      const closed = await waitUntil('gap close', () => historyJson(dir, ['--port', beforePort, '--listeners']).find((e) => e.kind === 'closed'));
      expect(closed.note).toBe('while-not-recording');
      const seen = await waitUntil('opened during gap', () => historyJson(dir, ['--port', String(port(during)), '--listeners']).find((e) => e.kind === 'opened'));
      expect(seen.note).toBe('present-at-start');
      expect(seen.stillOpen).toBe(true);
      // The listener open throughout has exactly one opened event: restarts did not duplicate it.
      const sinkEvents = historyJson(dir, ['--port', String(port(sink)), '--listeners']);
      expect(sinkEvents.filter((e) => e.kind === 'opened')).toHaveLength(1);
      expect(sinkEvents.filter((e) => e.kind === 'closed')).toHaveLength(0);
    } finally {
      await stopChurn();
    }
    expect(integrity(dir)).toBe('ok');
  }, 90_000);

  it('lets one Portscope write and the second only read; the second takes over when the first stops', async () => {
    const dir = data();
    const one = agent(dir);
    await one.waitFor(/recording into/);
    const two = agent(dir);
    await two.waitFor(/another Portscope records into/);
    const server = await bag.listen('127.0.0.1');
    const p = String(port(server));
    await waitUntil('opened', () => historyJson(dir, ['--port', p, '--listeners']).length > 0);
    await sleep(1000);
    expect(historyJson(dir, ['--port', p, '--listeners']).filter((e) => e.kind === 'opened')).toHaveLength(1);
    expect(await one.stop('SIGTERM')).toBe(0);
    // The reader retries the lease on its heartbeat (5 s) and continues from the writer's state.
    await new Promise<void>((r) => server.close(() => r()));
    const closed = await waitUntil('closed after takeover', () => historyJson(dir, ['--port', p, '--listeners']).find((e) => e.kind === 'closed'), 20_000);
    expect(['while-not-recording', null]).toContain(closed.note);
    expect(integrity(dir)).toBe('ok');
  }, 60_000);

  it('writes a JSON-lines change log with --log', async () => {
    const dir = data();
    const log = `${dir}/changes.jsonl`;
    const a = agent(dir, ['--log', log]);
    await a.waitFor(/recording into/);
    const server = await bag.listen('127.0.0.1');
    const { readFileSync } = await import('node:fs');
    const line = await waitUntil('log line', () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { type: string; kind: string; localPort: number; owner: { pid: number } })
        .find((e) => e.type === 'event' && e.kind === 'opened' && e.localPort === port(server)),
    );
    expect(line.owner.pid).toBe(process.pid);
  });
});

describe('the systemd unit', () => {
  it('runs `portscope agent` with flags the agent accepts, and stops cleanly on its KillSignal', async () => {
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const unit = readFileSync(path.resolve(__dirname, '../../assets/portscope-agent.service'), 'utf8');
    const exec = /^ExecStart=(\S+) (.*)$/m.exec(unit);
    expect(exec?.[1]).toMatch(/\/portscope$/);
    const args = exec![2]!.split(/\s+/);
    expect(args[0]).toBe('agent');
    expect(/^KillSignal=SIGTERM$/m.test(unit)).toBe(true);
    // The same flags, pointed at a temporary folder instead of /var.
    const dir = data();
    const local = args.slice(1).map((a) => (a.startsWith('/var/lib/') ? dir : a.startsWith('/var/log/') ? `${dir}/log/changes.jsonl` : a));
    const a = agent(dir, local.filter((x, i) => !(x === '--data-dir' || local[i - 1] === '--data-dir')));
    await a.waitFor(/recording into .* changes to .*changes\.jsonl/);
    expect(await a.stop('SIGTERM')).toBe(0);
    expect(a.stderr()).toMatch(/stopped/);
  });
});
