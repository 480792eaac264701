import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_VERSION, type MachineInfo } from '../../shared/contract';
import { generateSelfSigned } from '../../electron/engine/remote/self-signed';
import { Engine } from '../../electron/engine/service';
import { agentLink } from '../../electron/host/agent-link';
import { inProcessLink } from '../../electron/host/engine-link';
import { switchableLink } from '../../electron/host/machine-switch';
import { MachineRegistry } from '../../electron/host/machines';
import { CLOSE_MACHINE_REMOVED, startHost, type HostHandle } from '../../electron/host/server';
import { closed, connectWs, loginSession, type MessageQueue } from '../host/support/http';

/**
 * The two front ends' routing, on loopback: an agent (browser mode's host in machine-client mode,
 * TLS and a token, over an in-process engine), and a `portscope serve`-like host whose pages pick
 * a machine with `/ws?machine=<id>`; and Electron's switchable link.
 */

const TOKEN = 'routing-test-token-0123456789';

async function call(messages: MessageQueue, ws: { send(t: string): void }, id: number, name: string, payload: unknown) {
  ws.send(JSON.stringify({ type: 'call', id, name, payload }));
  return (await messages.next((m) => (m as { type: string; id?: number }).type === 'result' && (m as { id: number }).id === id)) as {
    ok: boolean;
    value?: Record<string, unknown>;
    error?: { code: string; message: string };
  };
}

describe('routing the contract to a remote machine', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-fleet-routing-'));
  const cert = generateSelfSigned('routing-agent');
  let agentEngine: Engine;
  let localEngine: Engine;
  let agent: HostHandle;
  let host: HostHandle;
  let registry: MachineRegistry;
  let machine: MachineInfo;

  beforeAll(async () => {
    agentEngine = new Engine({ transport: 'cli', intervalMs: 250 });
    localEngine = new Engine({ transport: 'browser', intervalMs: 250 });
    agent = await startHost({ link: agentLink(inProcessLink(agentEngine), false), rendererDir: '', port: 0, tls: { cert: cert.certPem, key: cert.keyPem }, bearerToken: TOKEN });
    registry = new MachineRegistry({ dataDir: dir, connectTimeoutMs: 5000 });
    host = await startHost({ link: registry.withMachineCalls(inProcessLink(localEngine)), machines: registry, rendererDir: dir, port: 0 });
  });

  afterAll(async () => {
    await host?.close();
    await registry?.close();
    await agent?.close();
    agentEngine?.dispose();
    localEngine?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a page adds the machine (fingerprint shown first, then confirmed) over its own host', async () => {
    const creds = await loginSession(host.port, host.token);
    const c = await connectWs(host.port, '/ws', {}, host.origin, creds.protocols);
    if (!c.ok) throw new Error(`refused ${c.status}`);
    const address = `127.0.0.1:${agent.port}`;
    const shown = await call(c.messages, c.ws, 1, 'machines.add', { address, token: TOKEN });
    expect(shown.value).toEqual({ added: false, presentedFingerprint: cert.fingerprint });
    const added = await call(c.messages, c.ws, 2, 'machines.add', { address, token: TOKEN, fingerprint: cert.fingerprint, label: 'agent' });
    expect(added.ok).toBe(true);
    machine = (added.value as { machine: MachineInfo }).machine;
    expect(machine).toMatchObject({ status: 'connected', control: false, label: 'agent' });
    const list = await call(c.messages, c.ws, 3, 'machines.list', {});
    expect((list.value as { machines: MachineInfo[] }).machines.map((m) => m.id)).toEqual([machine.id]);
    // Bad input is refused at the boundary.
    const bad = await call(c.messages, c.ws, 4, 'machines.add', { address: 'a b', token: 'x' });
    expect(bad.error?.code).toBe('bad-request');
    c.ws.close();
  });

  it('/ws?machine=<id> carries that machine: its hello, its events; an unknown id is refused', async () => {
    const creds = await loginSession(host.port, host.token);
    const c = await connectWs(host.port, `/ws?machine=${machine.id}`, {}, host.origin, creds.protocols);
    if (!c.ok) throw new Error(`refused ${c.status}`);
    const hello = await call(c.messages, c.ws, 1, 'contract.hello', { version: CONTRACT_VERSION });
    expect(hello.value?.control).toBe(false);
    // Control is refused by the agent, and the refusal reaches the page as it was given.
    const signal = await call(c.messages, c.ws, 2, 'process.signal', { pid: process.pid, signal: 'SIGTERM', expectedStartTime: 'x' });
    expect(signal.error).toMatchObject({ code: 'denied', message: expect.stringMatching(/read-only/) });
    // The machine list is still this host's.
    const list = await call(c.messages, c.ws, 3, 'machines.list', {});
    expect(list.ok).toBe(true);
    c.ws.send(JSON.stringify({ type: 'subscribe', name: 'sockets.delta' }));
    await c.messages.next((m) => (m as { type: string }).type === 'event', 5000);
    const local = await connectWs(host.port, '/ws', {}, host.origin, creds.protocols);
    if (!local.ok) throw new Error('local refused');
    const localHello = await call(local.messages, local.ws, 1, 'contract.hello', { version: CONTRACT_VERSION });
    expect(localHello.value?.control).toBeUndefined();
    local.ws.close();
    expect(await connectWs(host.port, '/ws?machine=nosuchmachine', {}, host.origin, creds.protocols)).toMatchObject({ ok: false, status: 404 });
    c.ws.close();
  });

  it('Electron: machines.select routes the window there and back, events included', async () => {
    const routed = switchableLink(inProcessLink(localEngine), registry);
    const events: string[] = [];
    const off = routed.on('sockets.delta', (json) => events.push(json));
    expect(JSON.parse(await routed.call('contract.hello', { version: CONTRACT_VERSION })).control).toBeUndefined();
    await routed.call('machines.select', { id: machine.id });
    expect(routed.selected()).toBe(machine.id);
    expect(JSON.parse(await routed.call('contract.hello', { version: CONTRACT_VERSION })).control).toBe(false);
    events.length = 0;
    await new Promise((r) => setTimeout(r, 800));
    expect(events.length).toBeGreaterThan(0); // the agent's deltas now
    // A window reload routes back to this machine but keeps the remembered choice for the page.
    expect(registry.lastSelected()).toBe(machine.id);
    routed.reset();
    expect(routed.selected()).toBeNull();
    expect(JSON.parse(await routed.call('contract.hello', { version: CONTRACT_VERSION })).control).toBeUndefined();
    expect(JSON.parse(await routed.call('machines.list', {})).selected).toBe(machine.id);
    await routed.call('machines.select', { id: machine.id });
    await routed.call('machines.select', { id: null });
    expect(JSON.parse(await routed.call('contract.hello', { version: CONTRACT_VERSION })).control).toBeUndefined();
    expect(registry.lastSelected()).toBeNull();
    off();
  });

  it('removing the machine closes the connections looking at it', async () => {
    const creds = await loginSession(host.port, host.token);
    const c = await connectWs(host.port, `/ws?machine=${machine.id}`, {}, host.origin, creds.protocols);
    if (!c.ok) throw new Error(`refused ${c.status}`);
    const done = closed(c.ws);
    await registry.remove(machine.id);
    expect((await done).code).toBe(CLOSE_MACHINE_REMOVED);
  });
});
