import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_VERSION, type SocketDelta, type Snapshot } from '../../shared/contract';
import { presentedFingerprint, RemoteLink } from '../../electron/engine/remote/remote-link';
import { MachineRegistry } from '../../electron/host/machines';
import { AgentNamespace, netnsUnavailable, REPO, type AgentProcess } from './support/agent-ns';

const why = netnsUnavailable();
if (why) console.log(`fleet remote tests skipped: ${why}`);

const PORT = 9480;

describe.skipIf(why !== null)('portscope agent --listen, reached over veth in a namespace', () => {
  let ns: AgentNamespace;
  let agent: AgentProcess;
  const links: RemoteLink[] = [];
  const address = () => ({ host: ns.agentAddr, port: PORT });
  const link = (overrides: Partial<{ token: string; fingerprint: string }> = {}) => {
    const l = new RemoteLink({ address: address(), token: overrides.token ?? ns.token, fingerprint: overrides.fingerprint ?? agent.fingerprint, connectTimeoutMs: 5000 });
    links.push(l);
    return l;
  };

  beforeAll(async () => {
    ns = new AgentNamespace();
    agent = await ns.startAgent();
  }, 60_000);

  afterAll(async () => {
    for (const l of links) await l.close();
    await agent?.stop();
    ns?.destroy();
  });

  it('presents the fingerprint it printed, and --show-fingerprint prints the same', async () => {
    expect(await presentedFingerprint(address())).toBe(agent.fingerprint);
    const shown = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', 'agent', '--show-fingerprint', '--data-dir', ns.dataDir], { cwd: REPO, encoding: 'utf8' });
    expect(shown.status).toBe(0);
    expect(shown.stdout.trim()).toBe(agent.fingerprint);
    // The key it made is its owner's alone.
    expect(fs.statSync(path.join(ns.dataDir, 'agent-tls/key.pem')).mode & 0o777).toBe(0o600);
  });

  it('answers with the token and the pinned fingerprint: its own sockets, read-only', async () => {
    const l = link();
    await l.ready();
    expect(l.state.hello?.control).toBe(false);
    expect(l.state.hello?.capabilities?.endProcess.available).toBe(false);
    expect(l.state.hello?.capabilities?.closeConnection).toMatchObject({ available: false, note: expect.stringMatching(/--allow-control/) });
    const snap = JSON.parse(await l.call('sockets.snapshot', {})) as Snapshot;
    // The namespace's own table: the agent's listener on its veth address, nothing of the root namespace's.
    expect(snap.rows.some((r) => r.state === 'LISTEN' && r.localPort === PORT && r.localAddress === ns.agentAddr)).toBe(true);
  });

  it('refuses a wrong token (401)', async () => {
    const l = link({ token: 'not-the-token-at-all-0000' });
    await expect(l.ready()).rejects.toMatchObject({ code: 'denied', message: expect.stringMatching(/refused the token \(401\)/) });
    // Refusals are final until retried: a call fails at once with the same reason.
    await expect(l.call('sockets.snapshot', {})).rejects.toMatchObject({ message: expect.stringMatching(/401/) });
  });

  it('refuses a different fingerprint before sending anything, the token included', async () => {
    // Earlier tests' log lines settle first (stderr arrives in its own time).
    await new Promise((r) => setTimeout(r, 500));
    const before = agent.stderr().length;
    const wrong = agent.fingerprint.replace(/^[0-9A-F]{2}/, (h) => (h === '00' ? '11' : '00'));
    const l = link({ fingerprint: wrong });
    await expect(l.ready()).rejects.toMatchObject({ code: 'denied', message: expect.stringContaining(`presents certificate fingerprint ${agent.fingerprint}`) });
    await new Promise((r) => setTimeout(r, 300));
    // The agent saw a TLS handshake and nothing else: no upgrade, no token.
    expect(agent.stderr().slice(before)).not.toMatch(/connected from|refused a WebSocket/);
  });

  it('refuses plain HTTP and plain ws:// on its port', async () => {
    const plainHttp = await new Promise<string>((resolve) => {
      const req = http.get({ host: ns.agentAddr, port: PORT, path: '/ws', timeout: 5000 }, (res) => resolve(`answered ${res.statusCode}`));
      req.on('error', (err) => resolve(`error ${(err as NodeJS.ErrnoException).code ?? err.message}`));
    });
    expect(plainHttp).toMatch(/^error /);
    const plainWs = await new Promise<string>((resolve) => {
      const ws = new WebSocket(`ws://${ns.agentAddr}:${PORT}/ws`, { headers: { Authorization: `Bearer ${ns.token}` }, handshakeTimeout: 5000 });
      ws.on('open', () => resolve('open'));
      ws.on('unexpected-response', (_q, res) => resolve(`answered ${res.statusCode}`));
      ws.on('error', (err) => resolve(`error ${(err as NodeJS.ErrnoException).code ?? err.message}`));
    });
    expect(plainWs).toMatch(/^error /);
  });

  it('refuses web pages: an upgrade with an Origin, even with the token (403), and serves no pages', async () => {
    const status = await new Promise<number | string>((resolve) => {
      const ws = new WebSocket(`wss://${ns.agentAddr}:${PORT}/ws`, ['portscope.v1'], {
        headers: { Authorization: `Bearer ${ns.token}` },
        origin: 'https://evil.example',
        rejectUnauthorized: false,
      });
      ws.on('open', () => resolve('open'));
      ws.on('unexpected-response', (_q, res) => resolve(res.statusCode ?? 0));
      ws.on('error', (err) => resolve(err.message));
    });
    expect(status).toBe(403);
    const page = await new Promise<number>((resolve, reject) => {
      https.get({ host: ns.agentAddr, port: PORT, path: '/', rejectUnauthorized: false }, (res) => resolve(res.statusCode ?? 0)).on('error', reject);
    });
    expect(page).toBe(404);
  });

  it('refuses control calls without --allow-control, with a clear ContractError; reads still work', async () => {
    const l = link();
    const listener = await ns.listen(7101);
    try {
      // In the agent's table from its next refresh (every 250 ms).
      await expect
        .poll(async () => (JSON.parse(await l.call('sockets.snapshot', {})) as Snapshot).rows.find((r) => r.localPort === 7101 && r.state === 'LISTEN')?.pids ?? [], { timeout: 5000 })
        .toContain(listener.pid);
      const details = JSON.parse(await l.call('process.details', { pid: listener.pid })) as { process: { startTime: string } };
      await expect(l.call('process.signal', { pid: listener.pid, signal: 'SIGTERM', expectedStartTime: details.process.startTime })).rejects.toMatchObject({
        code: 'denied',
        message: expect.stringMatching(/Ending a process is not allowed.*read-only.*--allow-control/),
      });
      await expect(l.call('connection.close', { protocol: 'tcp', localAddress: ns.agentAddr, localPort: 1, remoteAddress: ns.hostAddr, remotePort: 2 })).rejects.toMatchObject({ code: 'denied' });
      await expect(l.call('scan.start', { targets: ['127.0.0.1'], ports: '22' })).rejects.toMatchObject({ code: 'denied', message: expect.stringMatching(/Scanning/) });
      await expect(l.call('history.settings', { retentionDays: 1 })).rejects.toMatchObject({ code: 'denied' });
      await expect(l.call('history.settings', {})).resolves.toBeTypeOf('string');
      // The process is untouched.
      expect(() => process.kill(listener.pid, 0)).not.toThrow();
    } finally {
      listener.stop();
    }
  });

  it('a listener opened in the namespace arrives as a delta within 3 s', async () => {
    const l = link();
    await l.ready();
    const seen = new Promise<number>((resolve) => {
      const started = Date.now();
      const off = l.on('sockets.delta', (json) => {
        const delta = JSON.parse(json) as SocketDelta;
        if (delta.added.some((r) => r.localPort === 7202 && r.state === 'LISTEN')) {
          off();
          resolve(Date.now() - started);
        }
      });
    });
    await new Promise((r) => setTimeout(r, 300)); // subscribed on the agent
    const opened = Date.now();
    const listener = await ns.listen(7202);
    try {
      await seen;
      expect(Date.now() - opened).toBeLessThan(3000);
    } finally {
      listener.stop();
    }
  });

  it('the machine list: add shows the presented fingerprint, refuses another, pins the right one in a 0600 file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-fleet-app-'));
    const registry = new MachineRegistry({ dataDir: dir, connectTimeoutMs: 5000 });
    try {
      const first = await registry.add({ address: `${ns.agentAddr}:${PORT}`, token: ns.token });
      expect(first).toEqual({ added: false, presentedFingerprint: agent.fingerprint });
      expect(fs.existsSync(path.join(dir, 'machines.json'))).toBe(false);
      const wrong = agent.fingerprint.replace(/[0-9A-F]{2}$/, (h) => (h === '00' ? '11' : '00'));
      await expect(registry.add({ address: `${ns.agentAddr}:${PORT}`, token: ns.token, fingerprint: wrong })).rejects.toMatchObject({ code: 'denied' });
      await expect(registry.add({ address: `${ns.agentAddr}:${PORT}`, token: 'wrong-token-wrong-token', fingerprint: agent.fingerprint })).rejects.toMatchObject({
        message: expect.stringMatching(/401/),
      });
      const added = await registry.add({ address: `${ns.agentAddr}:${PORT}`, token: ns.token, fingerprint: agent.fingerprint.replace(/:/g, '').toLowerCase(), label: 'lab' });
      expect(added.added).toBe(true);
      if (!added.added) return;
      expect(added.machine).toMatchObject({ label: 'lab', status: 'connected', control: false, fingerprint: agent.fingerprint });
      const file = path.join(dir, 'machines.json');
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(file, 'utf8')).toContain(ns.token);
      // Tokens never come back out through the contract.
      expect(JSON.stringify(registry.list())).not.toContain(ns.token);
      // The routed link answers the agent's calls and the list's.
      const routed = registry.linkFor(added.machine.id)!;
      expect(JSON.parse(await routed.call('contract.hello', { version: CONTRACT_VERSION })).control).toBe(false);
      expect(JSON.parse(await routed.call('machines.list', {})).machines).toHaveLength(1);
      // A second front end on the same folder reads the same list.
      const again = new MachineRegistry({ dataDir: dir });
      expect(again.list().map((m) => m.fingerprint)).toEqual([agent.fingerprint]);
      await again.close();
      expect(await registry.remove(added.machine.id)).toBe(true);
      expect(registry.list()).toEqual([]);
    } finally {
      await registry.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it('a restarted agent keeps its fingerprint, and a link with subscribers reconnects by itself', async () => {
    const l = link();
    const deltas: number[] = [];
    l.on('sockets.delta', () => deltas.push(Date.now()));
    await l.ready();
    const fingerprint = agent.fingerprint;
    await agent.stop();
    await expect.poll(() => l.state.status, { timeout: 5000 }).toBe('error');
    expect(l.state.error).toMatch(/dropped|refused/);
    agent = await ns.startAgent();
    expect(agent.fingerprint).toBe(fingerprint);
    const restarted = Date.now();
    await expect.poll(() => deltas.some((t) => t > restarted), { timeout: 20_000 }).toBe(true);
    expect(l.state.status).toBe('connected');
  }, 60_000);
});

describe.skipIf(why !== null)('portscope agent --listen --allow-control', () => {
  let ns: AgentNamespace;
  let agent: AgentProcess;
  let l: RemoteLink;

  beforeAll(async () => {
    ns = new AgentNamespace();
    agent = await ns.startAgent(['--allow-control']);
    l = new RemoteLink({ address: { host: ns.agentAddr, port: PORT }, token: ns.token, fingerprint: agent.fingerprint });
  }, 60_000);

  afterAll(async () => {
    await l?.close();
    await agent?.stop();
    ns?.destroy();
  });

  it('says control is allowed and ends a process in the namespace when asked', async () => {
    await l.ready();
    expect(l.state.hello?.control).toBe(true);
    // Even so, its refresh stays its own (metrics and history run on it).
    await expect(l.call('monitor.configure', { paused: true })).rejects.toMatchObject({ code: 'denied', message: expect.stringMatching(/--interval/) });
    expect(JSON.parse(await l.call('monitor.configure', {})).paused).toBe(false);
    const listener = await ns.listen(7303);
    try {
      // In the agent's table from its next refresh (every 250 ms).
      let details: { process: { startTime: string } } | null = null;
      await expect
        .poll(async () => (details = JSON.parse(await l.call('process.details', { pid: listener.pid })) as typeof details), { timeout: 5000 })
        .not.toBeNull();
      const result = JSON.parse(await l.call('process.signal', { pid: listener.pid, signal: 'SIGTERM', expectedStartTime: details!.process.startTime })) as { outcome: string };
      expect(['ended', 'sent']).toContain(result.outcome);
    } finally {
      listener.stop();
    }
  });
});

describe('portscope agent --listen: flags', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', 'agent', ...args], { cwd: REPO, encoding: 'utf8', timeout: 30_000 });

  it('refuses to bind beyond loopback without a token, saying why', () => {
    const r = cli(['--listen', '0.0.0.0:9480', '--data-dir', os.tmpdir()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/binds beyond loopback, so it requires a token: --listen-token-file/);
  });

  it('refuses short tokens and --allow-control without --listen', () => {
    expect(cli(['--listen', '127.0.0.1:0', '--listen-token', 'short']).stderr).toMatch(/at least 16 characters/);
    expect(cli(['--allow-control']).stderr).toMatch(/need --listen/);
  });
});
