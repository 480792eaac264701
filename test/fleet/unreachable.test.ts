import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RemoteLink } from '../../electron/engine/remote/remote-link';
import { MachineRegistry } from '../../electron/host/machines';
import { AgentNamespace, netnsUnavailable, type AgentProcess } from './support/agent-ns';

/**
 * A remote machine that goes away while the app looks at it, for real: the agent in its
 * namespace is killed (SIGKILL: no goodbye) and started again, and the namespace's network is cut
 * (no FIN ever arrives). The front end's machine list must say so (status, last seen) and the
 * link must come back by itself; and the machine looked at last is remembered across front ends.
 */

const why = netnsUnavailable();
if (why) console.log(`fleet unreachable tests skipped: ${why}`);

const PORT = 9480;

describe.skipIf(why !== null)('a remote machine that goes away and comes back', () => {
  let ns: AgentNamespace;
  let agent: AgentProcess;
  let dir: string;
  let registry: MachineRegistry;
  let id: string;

  beforeAll(async () => {
    ns = new AgentNamespace();
    agent = await ns.startAgent();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-fleet-unreach-'));
    registry = new MachineRegistry({ dataDir: dir, connectTimeoutMs: 3000 });
    const added = await registry.add({ address: `${ns.agentAddr}:${PORT}`, token: ns.token, fingerprint: agent.fingerprint, label: 'lab' });
    if (!added.added) throw new Error('not added');
    id = added.machine.id;
  }, 60_000);

  afterAll(async () => {
    await registry?.close();
    await agent?.stop();
    ns?.destroy();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const lab = () => registry.list().find((m) => m.id === id)!;

  it('remembers the machine selected last in machines.json, for the next front end; this machine too', async () => {
    expect(registry.lastSelected()).toBeNull();
    await registry.select(id);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'machines.json'), 'utf8')).selected).toBe(id);
    const next = new MachineRegistry({ dataDir: dir });
    expect(next.lastSelected()).toBe(id);
    await next.close();
    await registry.select(null);
    expect(new MachineRegistry({ dataDir: dir }).lastSelected()).toBeNull();
    await registry.select(id);
    // A machine that is refused is not remembered: a restart must not reopen it.
    await expect(registry.select('nosuch')).rejects.toMatchObject({ code: 'not-found' });
    expect(registry.lastSelected()).toBe(id);
  });

  it('an agent killed while viewed: the list says so with its last seen time; restarted, deltas resume', async () => {
    const deltas: number[] = [];
    const off = registry.linkFor(id)!.on('sockets.delta', () => deltas.push(Date.now()));
    try {
      await expect.poll(() => deltas.length, { timeout: 5000 }).toBeGreaterThan(0);
      expect(lab()).toMatchObject({ status: 'connected', error: null });
      const fingerprint = agent.fingerprint;
      agent.child.kill('SIGKILL');
      await agent.stop();
      const killed = Date.now();
      await expect.poll(() => lab().status, { timeout: 5000 }).not.toBe('connected');
      const down = lab();
      expect(down.error).toMatch(/dropped|refused|unreachable|reach/i);
      // Last seen: when the agent last spoke, before it was killed, and recently.
      const seen = Date.parse(down.lastSeenAt ?? '');
      expect(seen).toBeLessThanOrEqual(killed);
      expect(killed - seen).toBeLessThan(3000);
      // The front end keeps its listeners; calls fail quickly with the reason, not stale answers.
      await expect(registry.linkFor(id)!.call('sockets.snapshot', {})).rejects.toMatchObject({ code: 'unavailable' });
      agent = await ns.startAgent();
      expect(agent.fingerprint).toBe(fingerprint); // same certificate: the pin still holds
      const restarted = Date.now();
      await expect.poll(() => deltas.some((t) => t > restarted), { timeout: 15_000 }).toBe(true);
      expect(lab().status).toBe('connected');
      expect(Date.parse(lab().lastSeenAt ?? '')).toBeGreaterThanOrEqual(restarted);
      // Back within the capped backoff (5 s) plus the agent's first refresh.
      expect(deltas.find((t) => t > restarted)! - restarted).toBeLessThan(8000);
    } finally {
      off();
    }
  }, 90_000);

  it('a silent cut (no FIN: the veth goes down) is noticed by the heartbeat; mended, the link comes back', async () => {
    const link = new RemoteLink({ address: { host: ns.agentAddr, port: PORT }, token: ns.token, fingerprint: agent.fingerprint, connectTimeoutMs: 2000, heartbeatMs: 400 });
    const deltas: number[] = [];
    link.on('sockets.delta', () => deltas.push(Date.now()));
    try {
      await link.ready();
      await expect.poll(() => deltas.length, { timeout: 5000 }).toBeGreaterThan(0);
      ns.cut();
      const cut = Date.now();
      await expect.poll(() => link.state.status, { timeout: 5000 }).not.toBe('connected');
      // Two heartbeats without an answer, not TCP's minutes of retransmission.
      expect(Date.now() - cut).toBeLessThan(3000);
      expect(Date.parse(link.state.lastSeenAt ?? '')).toBeLessThanOrEqual(cut);
      ns.mend();
      const mended = Date.now();
      await expect.poll(() => deltas.some((t) => t > mended), { timeout: 20_000 }).toBe(true);
      expect(link.state.status).toBe('connected');
    } finally {
      ns.mend();
      await link.close();
    }
  }, 60_000);
});
