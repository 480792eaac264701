import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/service';
import type { SocketRow } from '../../shared/contract/sockets';
import { portOf, SocketBag } from '../support/sockets';

// Real sockets on loopback, read back through the real /proc and the real engine.
const bag = new SocketBag();
const engine = new Engine();
let rows: SocketRow[];
const ports: Record<string, number> = {};

beforeAll(async () => {
  ports.v4 = portOf(await bag.listen('127.0.0.1'));
  ports.v6 = portOf(await bag.listen('::1', { ipv6Only: true }));
  ports.dual = portOf(await bag.listen('::'));
  ports.v6only = portOf(await bag.listen('::', { ipv6Only: true }));
  ports.udp4 = portOf(await bag.udp('udp4', '127.0.0.1'));
  ports.udp6dual = portOf(await bag.udp('udp6', '::'));
  ports.udp6only = portOf(await bag.udp('udp6', '::', { ipv6Only: true }));
  const client = await bag.connect('127.0.0.1', ports.v4);
  ports.client = client.localPort!;
  const mapped = await bag.connect('127.0.0.1', ports.dual);
  ports.mappedClient = mapped.localPort!;
  rows = (await engine.handlers['sockets.snapshot']({})).rows;
});

afterAll(async () => {
  engine.dispose();
  await bag.closeAll();
});

const mine = (pred: (r: SocketRow) => boolean) => rows.filter((r) => pred(r) && r.pid === process.pid);

describe('the engine on real sockets', () => {
  it('reports an IPv4 listener exactly', () => {
    expect(mine((r) => r.localPort === ports.v4 && r.state === 'LISTEN')).toEqual([
      expect.objectContaining({
        protocol: 'tcp',
        family: 4,
        localAddress: '127.0.0.1',
        remoteAddress: '0.0.0.0',
        remotePort: 0,
        exposure: 'loopback',
        dualStack: null,
        ownerStatus: 'known',
        processName: 'node',
        pids: [process.pid],
      }),
    ]);
  });

  it('tells dual-stack from v6-only any-address listeners', () => {
    expect(mine((r) => r.localPort === ports.dual && r.state === 'LISTEN')).toEqual([
      expect.objectContaining({ family: 6, localAddress: '::', dualStack: true, exposure: 'all' }),
    ]);
    expect(mine((r) => r.localPort === ports.v6only && r.state === 'LISTEN')).toEqual([
      expect.objectContaining({ family: 6, localAddress: '::', dualStack: false }),
    ]);
    expect(mine((r) => r.localPort === ports.v6)).toEqual([expect.objectContaining({ family: 6, localAddress: '::1', exposure: 'loopback', dualStack: null })]);
  });

  it('reports bound UDP sockets, IPv4 and IPv6', () => {
    expect(mine((r) => r.localPort === ports.udp4)).toEqual([expect.objectContaining({ protocol: 'udp', family: 4, state: 'UNCONN', localAddress: '127.0.0.1' })]);
    expect(mine((r) => r.localPort === ports.udp6dual)).toEqual([expect.objectContaining({ protocol: 'udp', family: 6, dualStack: true })]);
    expect(mine((r) => r.localPort === ports.udp6only)).toEqual([expect.objectContaining({ protocol: 'udp', family: 6, dualStack: false })]);
  });

  it('sees both ends of an established connection, with the service side on the listener', () => {
    const out = mine((r) => r.localPort === ports.client && r.state === 'ESTABLISHED');
    expect(out).toEqual([expect.objectContaining({ remoteAddress: '127.0.0.1', remotePort: ports.v4, servicePort: ports.v4 })]);
    const inbound = mine((r) => r.localPort === ports.v4 && r.remotePort === ports.client);
    expect(inbound).toEqual([expect.objectContaining({ state: 'ESTABLISHED', servicePort: ports.v4 })]);
  });

  it('writes IPv4 peers of a dual-stack listener as v4-mapped IPv6', () => {
    const accepted = mine((r) => r.localPort === ports.dual && r.remotePort === ports.mappedClient);
    expect(accepted).toEqual([expect.objectContaining({ family: 6, localAddress: '::ffff:127.0.0.1', remoteAddress: '::ffff:127.0.0.1', state: 'ESTABLISHED' })]);
  });

  it('gives each row a unique, stable id', async () => {
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    await engine.monitor.refresh();
    const again = (await engine.handlers['sockets.snapshot']({})).rows;
    const ids = new Set(again.map((r) => r.id));
    for (const r of mine(() => true)) expect(ids.has(r.id)).toBe(true);
  });

  it('answers process details by pid, with the sockets it holds', async () => {
    const details = await engine.handlers['process.details']({ pid: process.pid });
    expect(details?.process).toMatchObject({ pid: process.pid, ppid: process.ppid, uid: process.getuid!() });
    expect(details?.process.args.length).toBeGreaterThan(0);
    expect(details?.sockets.some((r) => r.localPort === ports.v4)).toBe(true);
    expect(await engine.handlers['process.details']({ pid: 4_000_000 })).toBeNull();
  });
});
