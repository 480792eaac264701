import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessLink } from '../../electron/host/engine-link';
import { startHost, type HostHandle } from '../../electron/host/server';
import { Engine } from '../../electron/engine/service';
import { connectWs, loginSession } from '../host/support/http';
import { DnsStub, reverseName } from './dnsStub';

const stub = new DnsStub();
let dir: string;
let host: HostHandle;

beforeAll(async () => {
  const server = await stub.start();
  stub.ptr.set(reverseName('198.51.100.7'), { names: ['web.example.net'] });
  stub.forward.set('web.example.net', { a: ['198.51.100.7'] });
  dir = await mkdtemp(path.join(tmpdir(), 'ps-names-host-'));
  await mkdir(path.join(dir, 'renderer'));
  await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(path.join(dir, 'hosts'), '192.0.2.77 nas.lan\n');
  const engine = new Engine({ transport: 'browser', names: { hostsPath: path.join(dir, 'hosts'), batchMs: 50, dns: { servers: [server], timeoutMs: 500, tries: 1 } } });
  host = await startHost({ link: inProcessLink(engine), rendererDir: path.join(dir, 'renderer'), port: 0 });
});
afterAll(async () => {
  await host?.close();
  await stub.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('names over the browser-mode WebSocket', () => {
  it('answers names.lookup at once and delivers names.resolved to a subscribed client', async () => {
    const creds = await loginSession(host.port, host.token);
    const c = await connectWs(host.port, '/ws', {}, `http://127.0.0.1:${host.port}`, creds.protocols);
    if (!c.ok) throw new Error(`refused: ${c.status}`);
    await c.messages.next((m) => m.type === 'hello');
    c.ws.send(JSON.stringify({ type: 'subscribe', name: 'names.resolved' }));
    await new Promise((r) => setTimeout(r, 100));
    c.ws.send(JSON.stringify({ type: 'call', id: 1, name: 'names.lookup', payload: { addresses: ['198.51.100.7', '192.0.2.77', '::1'], dns: true } }));
    expect(await c.messages.next((m) => m.type === 'result')).toEqual({
      type: 'result',
      id: 1,
      ok: true,
      value: {
        names: [
          { address: '198.51.100.7', name: null, source: null, interface: null, pending: true },
          { address: '192.0.2.77', name: 'nas.lan', source: 'hosts', interface: null, pending: false },
          { address: '::1', name: 'this machine', source: 'local', interface: 'lo', pending: false },
        ],
      },
    });
    expect(await c.messages.next((m) => m.type === 'event')).toEqual({
      type: 'event',
      name: 'names.resolved',
      payload: { names: [{ address: '198.51.100.7', name: 'web.example.net', source: 'dns', interface: null, pending: false }] },
    });
    // The contract's schema guards the call: too many addresses is a clear error.
    c.ws.send(JSON.stringify({ type: 'call', id: 2, name: 'names.lookup', payload: { addresses: Array(4097).fill('192.0.2.1'), dns: false } }));
    expect(await c.messages.next((m) => m.type === 'result' && m.id === 2)).toMatchObject({ ok: false });
    c.ws.close();
  });
});
