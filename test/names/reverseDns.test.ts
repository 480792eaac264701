import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AddressName } from '../../shared/contract/names';
import { NameResolver, type NameResolverOptions } from '../../electron/engine/names/resolver';
import { Engine } from '../../electron/engine/service';
import { DnsStub, reverseName } from './dnsStub';

// Addresses from the documentation ranges (RFC 5737, RFC 3849): never this machine's, and only
// ever sent as questions to the stub on loopback.
const stub = new DnsStub();
let server: string;
let emptyHosts: string;
const resolvers: NameResolver[] = [];

beforeAll(async () => {
  server = await stub.start();
  emptyHosts = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ps-names-')), 'hosts');
  fs.writeFileSync(emptyHosts, '');
  stub.ptr.set(reverseName('198.51.100.7'), { names: ['web.example.net.'] });
  stub.forward.set('web.example.net', { a: ['198.51.100.7'], ttl: 3600 });
  stub.ptr.set(reverseName('2001:db8::7'), { names: ['v6.example.net'] });
  stub.forward.set('v6.example.net', { aaaa: ['2001:db8::7'] });
  // A PTR whose forward zone says otherwise: anyone can write any name into their reverse zone.
  stub.ptr.set(reverseName('198.51.100.8'), { names: ['www.bank.example'] });
  stub.forward.set('www.bank.example', { a: ['203.0.113.99'] });
  stub.ptr.set(reverseName('198.51.100.9'), { names: [], silent: true });
});
afterAll(async () => {
  for (const r of resolvers) r.dispose();
  await stub.stop();
});
afterEach(() => {
  stub.queries.length = 0;
  stub.maxInFlight = 0;
});

/** A resolver against the stub, collecting its names.resolved batches. */
function resolver(options: Partial<NameResolverOptions['dns']> = {}, batchMs = 50) {
  const events: AddressName[][] = [];
  const r = new NameResolver({ hostsPath: emptyHosts, interfaces: () => ({}), batchMs, dns: { servers: [server], timeoutMs: 500, tries: 1, ...options } }, (names) => events.push(names));
  resolvers.push(r);
  const next = (address: string, timeoutMs = 5000) =>
    new Promise<AddressName>((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        const hit = events.flat().find((n) => n.address === address);
        if (hit) {
          clearInterval(poll);
          resolve(hit);
        } else if (Date.now() - started > timeoutMs) {
          clearInterval(poll);
          reject(new Error(`no names.resolved for ${address}`));
        }
      }, 10);
    });
  return { r, events, next };
}

describe('reverse DNS against a stub on loopback', () => {
  it('answers pending at once, then sends the forward-checked name in an event, then answers from the cache', async () => {
    const { r, next, events } = resolver();
    const started = performance.now();
    expect(r.lookup(['198.51.100.7', '2001:db8::7'], true)).toEqual([
      { address: '198.51.100.7', name: null, source: null, interface: null, pending: true },
      { address: '2001:db8::7', name: null, source: null, interface: null, pending: true },
    ]);
    // The call never waits for the network.
    expect(performance.now() - started).toBeLessThan(20);
    expect(await next('198.51.100.7')).toEqual({ address: '198.51.100.7', name: 'web.example.net', source: 'dns', interface: null, pending: false });
    expect(await next('2001:db8::7')).toMatchObject({ name: 'v6.example.net', source: 'dns' });
    expect(stub.count(reverseName('198.51.100.7'), 'PTR')).toBe(1);
    expect(stub.count('web.example.net', 'A')).toBe(1);
    expect(stub.count('v6.example.net', 'AAAA')).toBe(1);
    // Batched: both names came in one event (they finished within one batch window).
    expect(events.length).toBeLessThanOrEqual(2);
    // Cache hit: the name at once, and no second query.
    expect(r.lookup(['198.51.100.7', '::ffff:198.51.100.7'], true)).toEqual([
      { address: '198.51.100.7', name: 'web.example.net', source: 'dns', interface: null, pending: false },
      { address: '::ffff:198.51.100.7', name: 'web.example.net', source: 'dns', interface: null, pending: false },
    ]);
    expect(stub.count(reverseName('198.51.100.7'), 'PTR')).toBe(1);
  });

  it('asks once for two lookups of the same address in flight, and reports each spelling asked', async () => {
    const { r, next } = resolver();
    expect(r.lookup(['198.51.100.7'], true)[0]!.pending).toBe(true);
    expect(r.lookup(['::ffff:198.51.100.7'], true)[0]!.pending).toBe(true);
    expect((await next('198.51.100.7')).name).toBe('web.example.net');
    expect((await next('::ffff:198.51.100.7')).name).toBe('web.example.net');
    expect(stub.count(reverseName('198.51.100.7'), 'PTR')).toBe(1);
  });

  it('remembers NXDOMAIN (negative cache) and forgets it after its TTL', async () => {
    let now = 0;
    const { r, next } = resolver({ now: () => now, negativeTtlMs: 1000 });
    expect(r.lookup(['203.0.113.5'], true)[0]!.pending).toBe(true);
    expect(await next('203.0.113.5')).toEqual({ address: '203.0.113.5', name: null, source: null, interface: null, pending: false });
    expect(r.lookup(['203.0.113.5'], true)[0]).toMatchObject({ name: null, pending: false });
    expect(stub.count(reverseName('203.0.113.5'), 'PTR')).toBe(1);
    now += 1001;
    expect(r.lookup(['203.0.113.5'], true)[0]!.pending).toBe(true);
    await new Promise((res) => setTimeout(res, 300));
    expect(stub.count(reverseName('203.0.113.5'), 'PTR')).toBe(2);
  });

  it('keeps a name for its forward TTL within the range, then asks again', async () => {
    let now = 0;
    const { r, next } = resolver({ now: () => now, minTtlMs: 1000, maxTtlMs: 5000 });
    r.lookup(['198.51.100.7'], true);
    await next('198.51.100.7');
    // The A record says 3600 s; the range caps it at 5 s.
    now += 4999;
    expect(r.lookup(['198.51.100.7'], true)[0]).toMatchObject({ name: 'web.example.net', pending: false });
    now += 2;
    // Expired: asked again, the old name shown meanwhile (and not at all without DNS).
    expect(r.lookup(['198.51.100.7'], false)[0]).toMatchObject({ name: null, source: null, pending: false });
    expect(r.lookup(['198.51.100.7'], true)[0]).toMatchObject({ name: 'web.example.net', source: 'dns', pending: true });
    await next('198.51.100.7');
    await new Promise((res) => setTimeout(res, 100));
    expect(stub.count(reverseName('198.51.100.7'), 'PTR')).toBe(2);
  });

  it('holds at most maxEntries answers, dropping the least recently used', async () => {
    const { r, next } = resolver({ maxEntries: 2 });
    for (const a of ['203.0.113.40', '203.0.113.41']) {
      r.lookup([a], true);
      await next(a);
    }
    // Touch .40, so .41 is the least recently used when .42 arrives.
    expect(r.lookup(['203.0.113.40'], true)[0]!.pending).toBe(false);
    r.lookup(['203.0.113.42'], true);
    await next('203.0.113.42');
    expect(r.lookup(['203.0.113.40'], true)[0]!.pending).toBe(false);
    expect(r.lookup(['203.0.113.41'], true)[0]!.pending).toBe(true);
    expect(stub.count(reverseName('203.0.113.40'), 'PTR')).toBe(1);
  });

  it('refuses a PTR name that its forward zone does not confirm', async () => {
    const { r, next } = resolver();
    r.lookup(['198.51.100.8'], true);
    expect(await next('198.51.100.8')).toMatchObject({ name: null, source: null, pending: false });
    expect(stub.count('www.bank.example', 'A')).toBe(1);
  });

  it('gives up on a server that does not answer within the timeout, and remembers that', async () => {
    const { r, next } = resolver({ timeoutMs: 200, tries: 1 });
    const started = performance.now();
    r.lookup(['198.51.100.9'], true);
    expect(await next('198.51.100.9')).toMatchObject({ name: null, pending: false });
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(150);
    expect(took).toBeLessThan(2000);
    expect(r.lookup(['198.51.100.9'], true)[0]).toMatchObject({ name: null, pending: false });
    expect(stub.count(reverseName('198.51.100.9'), 'PTR')).toBe(1);
  });

  it('keeps at most `concurrency` lookups in flight', async () => {
    const addresses = Array.from({ length: 24 }, (_, i) => `192.0.2.${100 + i}`);
    for (const a of addresses) {
      stub.ptr.set(reverseName(a), { names: [`h${a.split('.')[3]}.example.org`], delayMs: 120 });
      stub.forward.set(`h${a.split('.')[3]}.example.org`, { a: [a] });
    }
    const { r, next } = resolver({ concurrency: 8, timeoutMs: 2000 });
    expect(r.lookup(addresses, true).every((n) => n.pending)).toBe(true);
    const got = await Promise.all(addresses.map((a) => next(a, 10_000)));
    expect(got.map((n) => n.name)).toEqual(addresses.map((a) => `h${a.split('.')[3]}.example.org`));
    expect(stub.maxInFlight).toBe(8);
    expect(stub.count(reverseName(addresses[0]!), 'PTR')).toBe(1);
  });

  it('sends results in batches, at most one event per batch window', async () => {
    const addresses = Array.from({ length: 12 }, (_, i) => `192.0.2.${200 + i}`);
    for (const [i, a] of addresses.entries()) stub.ptr.set(reverseName(a), { names: [], delayMs: i * 40 });
    const { r, events, next } = resolver({ concurrency: 12 }, 200);
    r.lookup(addresses, true);
    await Promise.all(addresses.map((a) => next(a)));
    // Answers spread over ~440 ms arrive in about three events, not twelve.
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.length).toBeLessThanOrEqual(4);
    expect(events.flat().map((n) => n.address).sort()).toEqual([...addresses].sort());
  });

  it('rejects hostile names: control characters, bidi, other addresses, localhost, bad labels', async () => {
    const hostile: Array<[string, string | Buffer[]]> = [
      ['203.0.113.10', [Buffer.from('\x1b[31mred'), Buffer.from('example')]],
      ['203.0.113.11', [Buffer.from('gro\u202eelpmaxe', 'utf8'), Buffer.from('com')]],
      ['203.0.113.12', '10.0.0.1'],
      ['203.0.113.13', 'localhost'],
      ['203.0.113.15', '-dash-.example'],
      ['203.0.113.16', 'a/b.example'],
      ['203.0.113.17', '*.example'],
    ];
    for (const [addr, name] of hostile) {
      stub.ptr.set(reverseName(addr), { names: [name] });
      // A forward record that confirms it, so only the name check can refuse it.
      if (typeof name === 'string') stub.forward.set(name.toLowerCase(), { a: [addr] });
    }
    // Good names next to them: punycode stays ASCII; case is folded; a trailing dot goes.
    stub.ptr.set(reverseName('203.0.113.20'), { names: ['XN--BCHER-KVA.Example.'] });
    stub.forward.set('xn--bcher-kva.example', { a: ['203.0.113.20'] });
    stub.ptr.set(reverseName('203.0.113.21'), { names: ['my_pc.corp.example'] });
    stub.forward.set('my_pc.corp.example', { a: ['203.0.113.21'] });
    const { r, next } = resolver();
    r.lookup([...hostile.map(([a]) => a), '203.0.113.20', '203.0.113.21'], true);
    for (const [addr] of hostile) expect(await next(addr), addr).toMatchObject({ name: null, source: null, pending: false });
    expect((await next('203.0.113.20')).name).toBe('xn--bcher-kva.example');
    expect((await next('203.0.113.21')).name).toBe('my_pc.corp.example');
    // c-ares hands such names over escaped (`\\027[31mred.example`); none reached a forward check.
    expect(stub.queries.filter((q) => q.type === 'A').map((q) => q.name).sort()).toEqual(['my_pc.corp.example', 'xn--bcher-kva.example']);
  });

  it('gives no name for malformed answers (a 64-byte label, a name beyond 255 bytes)', async () => {
    // One at a time: c-ares fails every query in flight on the server that sent a malformed reply.
    stub.ptr.set(reverseName('203.0.113.30'), { names: [`${'a'.repeat(64)}.example`] });
    stub.ptr.set(reverseName('203.0.113.31'), { names: [Array.from({ length: 5 }, () => Buffer.from('b'.repeat(60))).concat([Buffer.from('com')])] });
    const { r, next } = resolver({ concurrency: 1 });
    r.lookup(['203.0.113.30', '203.0.113.31'], true);
    expect(await next('203.0.113.30')).toMatchObject({ name: null, pending: false });
    expect(await next('203.0.113.31')).toMatchObject({ name: null, pending: false });
  });

  it('never sends loopback, link-local or unspecified addresses to DNS, and starts nothing without dns: true', async () => {
    const { r } = resolver();
    const names = r.lookup(['127.0.0.1', '127.8.9.10', '::1', 'fe80::1', '169.254.1.1', '0.0.0.0', '::', 'not an address', '198.51.100.50'], false);
    expect(names.map((n) => [n.name, n.source, n.pending])).toEqual([
      ['this machine', 'local', false],
      ['this machine', 'local', false],
      ['this machine', 'local', false],
      [null, null, false],
      [null, null, false],
      ['this machine', 'local', false],
      ['this machine', 'local', false],
      [null, null, false],
      [null, null, false],
    ]);
    expect(r.lookup(['fe80::1', '169.254.1.1', '224.0.0.1'], true).every((n) => !n.pending)).toBe(true);
    await new Promise((res) => setTimeout(res, 200));
    expect(stub.queries).toEqual([]);
  });
});

describe('names.lookup through the engine', () => {
  it('emits names.resolved with the names a background lookup found', async () => {
    const engine = new Engine({ transport: 'cli', names: { hostsPath: emptyHosts, batchMs: 50, dns: { servers: [server], timeoutMs: 500, tries: 1 } } });
    try {
      const got = new Promise<AddressName[]>((resolve) => engine.on('names.resolved', (p) => resolve(p.names)));
      const first = await engine.handlers['names.lookup']({ addresses: ['198.51.100.7', '127.0.0.1'], dns: true });
      expect(first.names[0]).toMatchObject({ address: '198.51.100.7', pending: true });
      expect(first.names[1]).toMatchObject({ name: 'this machine', source: 'local', pending: false });
      expect(await got).toEqual([{ address: '198.51.100.7', name: 'web.example.net', source: 'dns', interface: null, pending: false }]);
    } finally {
      engine.dispose();
    }
  });
});
