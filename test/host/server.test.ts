import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { startHost, type HostHandle } from '../../electron/host/server';
import { FakeLink } from './support/fake-link';
import { closed, connectWs, login, loginSession, rawRequest, type LoginCredentials } from './support/http';
import { MAX_WIRE_MESSAGE_BYTES } from '../../shared/contract/wire';

let dir: string;
let host: HostHandle;
let link: FakeLink;
let cookie: string;
let creds: LoginCredentials;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'portscope-host-'));
  await mkdir(path.join(dir, 'renderer', 'assets'), { recursive: true });
  await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>dash</title><script type="module" src="./assets/app.js"></script>');
  await writeFile(path.join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(dir, 'secret.txt'), 'outside the renderer');
  link = new FakeLink();
  host = await startHost({ link, rendererDir: path.join(dir, 'renderer'), port: 0 });
  creds = await loginSession(host.port, host.token);
  cookie = creds.cookie;
});

afterAll(async () => {
  await host?.close();
  await rm(dir, { recursive: true, force: true });
});

const origin = () => `http://127.0.0.1:${host.port}`;

describe('the launch URL and the token exchange', () => {
  it('prints a loopback URL carrying a long random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    expect(host.port).toBeGreaterThan(0);
  });

  it('refuses pages without the token or cookie', async () => {
    const res = await rawRequest(host.port, '/');
    expect(res.status).toBe(401);
    expect(res.body).toContain('token');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a wrong token', async () => {
    const res = await rawRequest(host.port, '/?token=not-the-token');
    expect(res.status).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('exchanges the right token for an HttpOnly SameSite=Strict cookie and redirects to a URL without it', async () => {
    const res = await rawRequest(host.port, `/?token=${host.token}`);
    expect(res.status).toBe(303);
    // The page's WebSocket credential rides in the fragment, which no request carries.
    expect(res.headers.location).toMatch(/^\/#ps-session=[\w-]{43}$/);
    const setCookie = res.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(new RegExp(`^portscope_session_${host.port}=`));
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    // The cookie holds a session secret, not the token that was in the address bar, nor the wire credential.
    expect(setCookie).not.toContain(host.token);
    expect(setCookie).not.toContain(String(res.headers.location).split('=')[1]);
  });

  it('keeps other query parameters and never redirects off-site', async () => {
    expect((await rawRequest(host.port, `/scan?x=1&token=${host.token}`)).headers.location).toMatch(/^\/scan\?x=1#ps-session=/);
    const sneaky = await rawRequest(host.port, `//evil.example/?token=${host.token}`);
    expect(sneaky.status).toBe(303);
    expect(sneaky.headers.location).toMatch(/^\/(?!\/)/);
  });

  it('serves the renderer with the session cookie', async () => {
    const res = await rawRequest(host.port, '/', { cookie });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>dash</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const js = await rawRequest(host.port, '/assets/app.js', { cookie });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toContain('text/javascript');
  });

  it('answers client-side routes with index.html, and missing files with 404', async () => {
    expect((await rawRequest(host.port, '/scan', { cookie })).body).toContain('<title>dash</title>');
    expect((await rawRequest(host.port, '/assets/missing.js', { cookie })).status).toBe(404);
  });

  it('rejects a forged cookie', async () => {
    expect((await rawRequest(host.port, '/', { cookie: `portscope_session_${host.port}=forged` })).status).toBe(401);
  });
});

describe('headers', () => {
  it('sends a strict CSP without framing, and no CORS headers, on pages and errors alike', async () => {
    for (const res of [await rawRequest(host.port, '/', { cookie }), await rawRequest(host.port, '/')]) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${host.port}`);
      expect(csp).not.toContain('unsafe');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
  });

  it('refuses a foreign CORS preflight (403) and other methods (405), with no Access-Control-* header', async () => {
    const res = await rawRequest(host.port, '/', { origin: 'https://evil.example', 'access-control-request-method': 'GET' }, 'OPTIONS');
    expect(res.status).toBe(403);
    const same = await rawRequest(host.port, '/', { cookie }, 'POST');
    expect(same.status).toBe(405);
    expect(same.headers.allow).toBe('GET, HEAD');
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });
});

describe('DNS rebinding: the Host header', () => {
  it('refuses a foreign Host even with a valid cookie', async () => {
    const res = await rawRequest(host.port, '/', { cookie, host: `evil.example:${host.port}` });
    expect(res.status).toBe(403);
    expect(res.body).toContain('Host');
  });

  it('refuses the right name on the wrong port, and no port at all', async () => {
    expect((await rawRequest(host.port, '/', { cookie, host: `127.0.0.1:${host.port + 1}` })).status).toBe(403);
    expect((await rawRequest(host.port, '/', { cookie, host: '127.0.0.1' })).status).toBe(403);
  });

  it('accepts localhost with the port, and says so in the CSP', async () => {
    const res = await rawRequest(host.port, '/', { cookie, host: `localhost:${host.port}` });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-security-policy'])).toContain(`ws://localhost:${host.port}`);
  });

  it('refuses a foreign Host before looking at the token', async () => {
    expect((await rawRequest(host.port, `/?token=${host.token}`, { host: `rebind.example:${host.port}` })).status).toBe(403);
  });
});

describe('the Origin header', () => {
  it('refuses a foreign Origin even with a valid cookie', async () => {
    expect((await rawRequest(host.port, '/', { cookie, origin: 'https://evil.example' })).status).toBe(403);
    expect((await rawRequest(host.port, '/', { cookie, origin: 'null' })).status).toBe(403);
    expect((await rawRequest(host.port, '/', { cookie, origin: `http://127.0.0.1:${host.port + 1}` })).status).toBe(403);
  });

  it('accepts its own origin', async () => {
    expect((await rawRequest(host.port, '/', { cookie, origin: origin() })).status).toBe(200);
  });
});

describe('static files stay inside the renderer folder', () => {
  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%00', '/..%5csecret.txt'])('%s', async (p) => {
    const res = await rawRequest(host.port, p, { cookie });
    expect(res.body).not.toContain('outside the renderer');
  });
});

describe('the WebSocket upgrade', () => {
  it('is refused without token or cookie', async () => {
    expect(await connectWs(host.port, '/ws', {}, origin())).toEqual({ ok: false, status: 401 });
    expect(await connectWs(host.port, '/ws?token=wrong', {}, origin())).toEqual({ ok: false, status: 401 });
  });

  it('is refused with a foreign Origin, even with the cookie', async () => {
    expect(await connectWs(host.port, '/ws', { cookie }, 'https://evil.example')).toEqual({ ok: false, status: 403 });
  });

  it('is refused with a foreign Host, even with the cookie', async () => {
    expect(await connectWs(host.port, '/ws', { cookie, host: `evil.example:${host.port}` }, origin())).toEqual({ ok: false, status: 403 });
  });

  it('is refused on other paths', async () => {
    expect(await connectWs(host.port, '/other', { cookie }, origin())).toEqual({ ok: false, status: 404 });
  });

  it('is refused with the cookie alone, which every port on the host receives', async () => {
    expect(await connectWs(host.port, '/ws', { cookie }, origin())).toEqual({ ok: false, status: 401 });
    expect(await connectWs(host.port, '/ws', { cookie })).toEqual({ ok: false, status: 403 });
  });

  it('is refused without an Origin, even with the session credential', async () => {
    expect(await connectWs(host.port, '/ws', { cookie }, undefined, creds.protocols)).toEqual({ ok: false, status: 403 });
  });

  it('is refused with a wrong credential, or one offered without the protocol name', async () => {
    expect(await connectWs(host.port, '/ws', {}, origin(), ['portscope.v1', 'portscope.session.forged'])).toEqual({ ok: false, status: 401 });
    expect(await connectWs(host.port, '/ws', {}, origin(), [creds.protocols[1]!])).toEqual({ ok: false, status: 401 });
  });

  it('never echoes the credential: the server picks the protocol name', async () => {
    const c = await connectWs(host.port, '/ws', {}, origin(), creds.protocols);
    if (!c.ok) throw new Error(`refused: ${c.status}`);
    expect(c.ws.protocol).toBe('portscope.v1');
    c.ws.close();
  });

  it('gives each token exchange its own credentials', async () => {
    const other = await loginSession(host.port, host.token);
    expect(other.wire).not.toBe(creds.wire);
    expect(other.cookie).not.toBe(creds.cookie);
    expect(other.wire).not.toBe(host.token);
  });

  it('is accepted with the session credential and our Origin, and greets with the contract version', async () => {
    const c = await connectWs(host.port, '/ws', {}, origin(), creds.protocols);
    if (!c.ok) throw new Error(`refused: ${c.status}`);
    expect(await c.messages.next()).toMatchObject({ type: 'hello', version: expect.any(String) });
    c.ws.close();
  });

  it('is refused with the launch token in the query: clients exchange it for a session first', async () => {
    expect(await connectWs(host.port, `/ws?token=${host.token}`, {}, origin())).toEqual({ ok: false, status: 401 });
  });

  it('plain HTTP on /ws says it wants an upgrade', async () => {
    expect((await rawRequest(host.port, '/ws', { cookie })).status).toBe(426);
  });
});

describe('sessions expire', () => {
  it('closes an open connection at expiry (4001), then refuses its credential and its cookie', async () => {
    const short = await startHost({ link: new FakeLink(), rendererDir: path.join(dir, 'renderer'), port: 0, sessionTtlMs: 600 });
    try {
      const s = await loginSession(short.port, short.token);
      expect(s.cookie).toBeTruthy();
      const c = await connectWs(short.port, '/ws', {}, `http://127.0.0.1:${short.port}`, s.protocols);
      if (!c.ok) throw new Error(`refused: ${c.status}`);
      expect((await closed(c.ws)).code).toBe(4001);
      expect(await connectWs(short.port, '/ws', {}, `http://127.0.0.1:${short.port}`, s.protocols)).toEqual({ ok: false, status: 401 });
      expect((await rawRequest(short.port, '/', { cookie: s.cookie })).status).toBe(401);
      // A fresh token exchange starts a fresh session.
      const again = await loginSession(short.port, short.token);
      expect((await rawRequest(short.port, '/', { cookie: again.cookie })).status).toBe(200);
    } finally {
      await short.close();
    }
  });

  it('the cookie carries a Max-Age matching the session', async () => {
    const res = await rawRequest(host.port, `/?token=${host.token}`);
    expect(res.headers['set-cookie']?.[0]).toContain(`Max-Age=${12 * 60 * 60}`);
  });
});

describe('calls over the WebSocket', () => {
  let ws: WebSocket;
  let messages: Awaited<ReturnType<typeof open>>['messages'];
  let nextId = 1;

  async function open() {
    const c = await connectWs(host.port, '/ws', {}, origin(), creds.protocols);
    if (!c.ok) throw new Error(`refused: ${c.status}`);
    await c.messages.next((m) => m.type === 'hello');
    return c;
  }

  const call = async (name: unknown, payload: unknown) => {
    const id = nextId++;
    ws.send(JSON.stringify({ type: 'call', id, name, payload }));
    return messages.next<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>((m) => m.type === 'result' && m.id === id);
  };

  beforeAll(async () => {
    ({ ws, messages } = await open());
  });

  it('answers a valid call with the engine value', async () => {
    const res = await call('contract.hello', { version: '1.0.0' });
    expect(res).toMatchObject({ ok: true, value: { transport: 'browser', hostname: 'test-host' } });
    expect(link.requests.at(-1)).toEqual({ name: 'contract.hello', request: { version: '1.0.0' } });
  });

  it('answers an unknown call name with unknown-call, never reaching the engine', async () => {
    const before = link.requests.length;
    const res = await call('system.rmrf', {});
    expect(res.ok).toBe(false);
    expect(res.error?.code).toBe('unknown-call');
    expect(res.error?.message).toContain('system.rmrf');
    expect((await call('__proto__', {})).error?.code).toBe('unknown-call');
    expect((await call('toString', {})).error?.code).toBe('unknown-call');
    expect(link.requests.length).toBe(before);
  });

  it('answers a payload that fails the schema with bad-request naming the field', async () => {
    const before = link.requests.length;
    const res = await call('process.details', { pid: -5 });
    expect(res.error?.code).toBe('bad-request');
    expect(res.error?.message).toMatch(/process\.details.*pid/);
    expect((await call('process.details', { pid: 5, extra: true })).error?.code).toBe('bad-request');
    expect((await call('process.details', 'pid=5')).error?.code).toBe('bad-request');
    expect((await call('process.details', undefined)).error?.code).toBe('bad-request');
    expect(link.requests.length).toBe(before);
  });

  it('keeps the engine error codes', async () => {
    expect((await call('process.details', { pid: 4242 })).error).toEqual({ code: 'not-found', message: 'No process 4242.' });
    expect((await call('process.details', { pid: 4343 })).error).toEqual({ code: 'internal', message: 'disk on fire' });
  });

  it('answers a call envelope with a bad shape but a readable id', async () => {
    ws.send(JSON.stringify({ type: 'call', id: 99, name: 5 }));
    const res = await messages.next<{ ok: boolean; error: { code: string } }>((m) => m.id === 99);
    expect(res.error.code).toBe('bad-request');
    // and the connection is still usable
    expect((await call('contract.hello', { version: '1.0.0' })).ok).toBe(true);
  });

  it('closes the connection (1008) on a frame that is not JSON', async () => {
    const c = await open();
    c.ws.send('{not json');
    expect(await closed(c.ws)).toMatchObject({ code: 1008, reason: expect.stringContaining('not JSON') });
  });

  it('closes the connection on a binary frame (1003) and on an oversized one (1009)', async () => {
    const a = await open();
    a.ws.send(Buffer.from([1, 2, 3]));
    expect((await closed(a.ws)).code).toBe(1003);
    const b = await open();
    b.ws.send(JSON.stringify({ type: 'call', id: 1, name: 'contract.hello', payload: { version: 'x'.repeat(MAX_WIRE_MESSAGE_BYTES) } }));
    expect((await closed(b.ws)).code).toBe(1009);
  });

  it('answers calls beyond 16 in flight on one connection with unavailable, without queueing them', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    link.answers['monitor.configure'] = async () => {
      await gate;
      return { intervalMs: 1000, paused: false };
    };
    const c = await open();
    for (let id = 1; id <= 20; id++) c.ws.send(JSON.stringify({ type: 'call', id, name: 'monitor.configure', payload: {} }));
    const refused = await c.messages.next<{ ok: boolean; error: { code: string } }>((m) => m.id === 17);
    expect(refused.error.code).toBe('unavailable');
    release();
    expect(await c.messages.next((m) => m.id === 16)).toMatchObject({ ok: true });
    expect(await c.messages.next((m) => m.id === 1)).toMatchObject({ ok: true });
    delete link.answers['monitor.configure'];
    c.ws.close();
  });

  it('survives everything above: the server still answers', async () => {
    const c = await open();
    expect((await rawRequest(host.port, '/', { cookie })).status).toBe(200);
    c.ws.close();
  });
});

describe('events over the WebSocket', () => {
  const open = async () => {
    const c = await connectWs(host.port, '/ws', {}, origin(), creds.protocols);
    if (!c.ok) throw new Error(`refused: ${c.status}`);
    await c.messages.next((m) => m.type === 'hello');
    return c;
  };
  const settle = () => new Promise((r) => setTimeout(r, 100));

  it('delivers a subscribed stream and stops after unsubscribe, subscribing the engine once for all clients', async () => {
    const a = await open();
    const b = await open();
    a.ws.send(JSON.stringify({ type: 'subscribe', name: 'monitor.error' }));
    b.ws.send(JSON.stringify({ type: 'subscribe', name: 'monitor.error' }));
    await settle();
    expect(link.subscriberCount('monitor.error')).toBe(1);

    link.emit('monitor.error', { at: '2026-01-01T00:00:00.000Z', message: 'boom' });
    expect(await a.messages.next((m) => m.type === 'event')).toEqual({ type: 'event', name: 'monitor.error', payload: { at: '2026-01-01T00:00:00.000Z', message: 'boom' } });
    expect(await b.messages.next((m) => m.type === 'event')).toMatchObject({ name: 'monitor.error' });

    a.ws.send(JSON.stringify({ type: 'unsubscribe', name: 'monitor.error' }));
    await settle();
    link.emit('monitor.error', { at: '2026-01-01T00:00:01.000Z', message: 'second' });
    expect(await b.messages.next((m) => m.type === 'event')).toMatchObject({ payload: { message: 'second' } });
    await settle();
    expect(a.messages.pending()).toEqual([]);

    // The last subscriber leaving releases the engine stream (the monitor stops ticking).
    b.ws.close();
    await settle();
    expect(link.subscriberCount('monitor.error')).toBe(0);
    a.ws.close();
  });

  it('ignores a subscription to an unknown stream and keeps the connection', async () => {
    const c = await open();
    c.ws.send(JSON.stringify({ type: 'subscribe', name: 'no.such.stream' }));
    c.ws.send(JSON.stringify({ type: 'call', id: 7, name: 'contract.hello', payload: { version: '1.0.0' } }));
    expect(await c.messages.next((m) => m.id === 7)).toMatchObject({ ok: true });
    c.ws.close();
  });
});

describe('bound to IPv6 loopback', () => {
  it('prints a bracketed URL and allows [::1], localhost and 127.0.0.1 names with the port', async () => {
    const v6 = await startHost({ link: new FakeLink(), rendererDir: path.join(dir, 'renderer'), host: '::1', port: 0 });
    try {
      expect(v6.url).toMatch(/^http:\/\/\[::1\]:\d+\/\?token=/);
      const res = await rawRequest(v6.port, `/?token=${v6.token}`, {}, 'GET', '::1');
      expect(res.status).toBe(303);
      const c = res.headers['set-cookie']![0]!.split(';')[0]!;
      expect((await rawRequest(v6.port, '/', { cookie: c }, 'GET', '::1')).status).toBe(200);
      expect((await rawRequest(v6.port, '/', { cookie: c, host: `localhost:${v6.port}` }, 'GET', '::1')).status).toBe(200);
      expect((await rawRequest(v6.port, '/', { cookie: c, host: `[::2]:${v6.port}` }, 'GET', '::1')).status).toBe(403);
    } finally {
      await v6.close();
    }
  });
});

describe('a host without a built renderer', () => {
  it('serves a placeholder page that obeys the CSP, and 404 for assets', async () => {
    const bare = await startHost({ link: new FakeLink(), rendererDir: path.join(dir, 'nothing-here'), port: 0 });
    try {
      const c = await login(bare.port, bare.token);
      const res = await rawRequest(bare.port, '/', { cookie: c });
      expect(res.status).toBe(200);
      expect(res.body).toContain('not built yet');
      expect(res.body).not.toMatch(/<script|style=/);
      expect((await rawRequest(bare.port, '/assets/app.js', { cookie: c })).status).toBe(404);
      // Each run has its own cookie: this host's cookie does not open the other host.
      expect((await rawRequest(host.port, '/', { cookie: c })).status).toBe(401);
    } finally {
      await bare.close();
    }
  });

  it('close() does not wait on a client that never answers the close frame', async () => {
    const other = await startHost({ link: new FakeLink(), rendererDir: dir, port: 0 });
    const c = await connectWs(other.port, '/ws', {}, `http://127.0.0.1:${other.port}`, (await loginSession(other.port, other.token)).protocols);
    if (!c.ok) throw new Error('refused');
    c.ws.pause();
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(5000);
    c.ws.terminate();
  });

  it('close() ends open WebSockets with 1001', async () => {
    const other = await startHost({ link: new FakeLink(), rendererDir: dir, port: 0 });
    const c = await connectWs(other.port, '/ws', {}, `http://127.0.0.1:${other.port}`, (await loginSession(other.port, other.token)).protocols);
    if (!c.ok) throw new Error('refused');
    const done = closed(c.ws);
    await other.close();
    expect((await done).code).toBe(1001);
  });
});
