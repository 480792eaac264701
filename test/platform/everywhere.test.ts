// The engine starts on every OS: an OS without a socket reader (or one whose reader cannot
// start) gets an empty table with a note, its capabilities say why, and scan and probe still run.
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createPlatformAdapter } from '../../electron/engine/platform';
import { Engine } from '../../electron/engine/service';

const server = net.createServer().listen(0, '127.0.0.1');
afterAll(() => server.close());

describe('Engine on an OS without a socket reader', () => {
  it('starts, answers hello with the missing capabilities, and returns an empty table with the reason', async () => {
    const engine = new Engine({ platform: 'freebsd' });
    const hello = await engine.handlers['contract.hello']({ version: '1.0.0' });
    expect(hello.capabilities?.socketOwners).toEqual({ available: false, note: 'Portscope has no socket reader for freebsd', messageKey: 'platform.unsupported.none', values: { platform: 'freebsd' } });
    const snap = await engine.handlers['sockets.snapshot']({});
    expect(snap.rows).toEqual([]);
    expect(snap.warnings).toEqual(['Portscope has no socket reader for freebsd: the socket table is empty; scan, probe and reports still work']);
    engine.dispose();
  });

  it('probes a real loopback listener there all the same', async () => {
    const engine = new Engine({ platform: 'freebsd' });
    const port = (server.address() as net.AddressInfo).port;
    const result = await engine.handlers['probe.run']({
      host: '127.0.0.1',
      port,
      protocol: 'tcp',
      count: 1,
      intervalMs: 0,
      timeoutMs: 3000,
      banner: false,
      authorized: false,
    });
    expect(JSON.stringify(result)).toContain('"outcome":"connected"');
    engine.dispose();
  });

  it('picks the macOS adapter for darwin, through the runner it is given', async () => {
    const asked: string[] = [];
    const adapter = createPlatformAdapter({
      platform: 'darwin',
      run: async (command, args) => {
        asked.push([command, ...args].join(' '));
        return { code: 1, stdout: '', stderr: 'not on this machine' };
      },
    });
    expect(adapter.name).toBe('darwin');
    const { sockets, warnings } = await adapter.readSockets();
    expect(sockets).toEqual([]);
    expect(asked).toEqual(expect.arrayContaining(['netstat -anvb -p tcp', 'netstat -anvb -p udp', 'lsof -nP -iTCP -iUDP -F pcuLRftPnT']));
    expect(warnings.map((w) => w.message).join('\n')).toMatch(/no socket table: lsof exited 1/);
  });
});
