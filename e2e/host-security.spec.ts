import { createServer, type Server } from 'node:http';
import { chromium } from '@playwright/test';
import WebSocket from 'ws';
import { CHROMIUM_ARGS, chromiumPath } from './support/browser';
import type { PageGlobals } from './support/page-globals';
import { expect, test } from './support/fixtures';

/**
 * The browser-mode protections seen from a real Chromium: the token exchange, the cookie's
 * flags, the CSP, and what a hostile page on another origin (or a rebinding DNS name) can do.
 */

/** The page's view, with the storage the WebSocket credential lives in. */
type InPage = PageGlobals & { sessionStorage: { getItem(key: string): string | null } };

/** A page on another loopback origin, standing in for a web site the user happens to have open. It records the cookies it is sent. */
async function foreignSite(): Promise<{ origin: string; cookies: string[]; close: () => Promise<void> }> {
  const cookies: string[] = [];
  const server: Server = createServer((req, res) => {
    if (req.headers.cookie) cookies.push(req.headers.cookie);
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>elsewhere</title><p>another site</p>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, cookies, close: () => new Promise((r) => server.close(() => r())) };
}

/** A non-browser client replaying stolen material: resolves with the upgrade's status, or 101. */
function replay(port: number, headers: Record<string, string>, protocols: string[] = []): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, protocols, { headers });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', () => resolve(0));
  });
}

test('the tokened URL sets an HttpOnly SameSite=Strict cookie and leaves the token out of the address bar', async ({ page, portscope, context, shot }) => {
  const response = await page.goto(portscope.url);
  expect(response?.status()).toBe(200);
  expect(page.url()).toBe(`${portscope.origin}/`);
  const cookies = await context.cookies(portscope.origin);
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  expect(cookies[0]!.value).not.toBe(portscope.token);
  expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.cookie)).toBe('');
  // The WebSocket credential moved from the redirect's fragment into this origin's sessionStorage.
  const wire = await page.evaluate(() => (globalThis as unknown as InPage).sessionStorage.getItem('portscope.session'));
  expect(wire).toMatch(/^[\w-]{43}$/);
  expect(wire).not.toBe(cookies[0]!.value);
  const csp = response!.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("script-src 'self'");
  await shot(page, 'host-after-token-exchange');
});

test('without the token the page is refused', async ({ page, portscope }) => {
  const response = await page.goto(portscope.origin);
  expect(response?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('access token');
});

test('the dashboard page reaches the contract over its WebSocket with its sessionStorage credential, and not without it', async ({ dashboard }) => {
  const bare = await dashboard.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`ws://${(globalThis as unknown as InPage).location.host}/ws`);
        ws.onopen = () => resolve('opened');
        ws.onerror = () => resolve('refused');
      }),
  );
  expect(bare).toBe('refused');
  // A reload keeps the tab's sessionStorage: the dashboard reconnects without the token.
  await dashboard.reload();
  const hello = await dashboard.evaluate(
    () =>
      new Promise<unknown>((resolve, reject) => {
        const g = globalThis as unknown as InPage;
        const ws = new WebSocket(`ws://${g.location.host}/ws`, ['portscope.v1', `portscope.session.${g.sessionStorage.getItem('portscope.session')}`]);
        ws.onmessage = (e) => {
          const msg = JSON.parse(String(e.data));
          if (msg.type === 'hello') ws.send(JSON.stringify({ type: 'call', id: 1, name: 'contract.hello', payload: { version: msg.version } }));
          else if (msg.type === 'result') {
            resolve(msg);
            ws.close();
          }
        };
        ws.onerror = () => reject(new Error('WebSocket failed'));
      }),
  );
  expect(hello).toMatchObject({ ok: true, value: { transport: 'browser' } });
});

test('another site cannot open the WebSocket, read a page, or frame the dashboard, even with the cookie in the jar', async ({ page, portscope }) => {
  const site = await foreignSite();
  try {
    // Log in first, so the browser holds a valid cookie: the Origin check alone must stop the rest
    // (127.0.0.1 on another port is the *same site* for SameSite purposes, so the cookie is sent).
    await page.goto(portscope.url);
    await page.goto(site.origin);
    const attempt = await page.evaluate(async (target) => {
      const ws = await new Promise<string>((resolve) => {
        const socket = new WebSocket(`ws://${target.host}/ws`);
        socket.onopen = () => resolve('opened');
        socket.onerror = () => resolve('refused');
      });
      let read: string;
      try {
        const res = await fetch(`${target.origin}/`, { credentials: 'include' });
        read = `read ${res.status}`;
      } catch {
        read = 'blocked';
      }
      return { ws, read };
    }, { host: new URL(portscope.origin).host, origin: portscope.origin });
    expect(attempt).toEqual({ ws: 'refused', read: 'blocked' });

    // Chromium hands the dashboard's cookie to the other port (cookies ignore ports). Replayed
    // from a client without an Origin, or with a forged one, it opens no WebSocket: only the
    // credential in the dashboard origin's sessionStorage does, and this site cannot read it.
    await page.goto(`${site.origin}/again`);
    const stolen = site.cookies.find((c) => c.includes(`portscope_session_${portscope.port}=`));
    expect(stolen).toBeTruthy();
    expect(await replay(portscope.port, { cookie: stolen! })).toBe(403);
    expect(await replay(portscope.port, { cookie: stolen!, origin: portscope.origin })).toBe(401);
    expect(await page.evaluate(() => (globalThis as unknown as InPage).sessionStorage.getItem('portscope.session'))).toBeNull();

    // Framing: the dashboard's CSP (frame-ancestors 'none') and X-Frame-Options keep it out. The
    // frame request itself carries the cookie (same site, and no Origin on a navigation), so it is
    // the browser's enforcement of those headers that leaves an error page in its place.
    await page.setContent(`<iframe src="${portscope.origin}/"></iframe>`);
    await expect.poll(() => page.frames().length).toBe(2);
    const frame = page.frames()[1]!;
    await frame.waitForLoadState().catch(() => {});
    const where = await frame.evaluate(() => (globalThis as unknown as PageGlobals).location.href).catch(() => 'not scriptable');
    expect(where).not.toBe(`${portscope.origin}/`);
  } finally {
    await site.close();
  }
});

test('a DNS-rebinding name pointing at 127.0.0.1 is refused, token or not', async ({ portscope }) => {
  // A browser of its own whose resolver maps an outside name to loopback, as a rebinding attack does.
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP rebind.portscope.test 127.0.0.1'],
  });
  try {
    const page = await browser.newPage();
    const response = await page.goto(`http://rebind.portscope.test:${portscope.port}/?token=${portscope.token}`);
    expect(response?.status()).toBe(403);
    await expect(page.locator('body')).toContainText('Host');
    const ws = await page.evaluate(
      (port) =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(`ws://rebind.portscope.test:${port}/ws?token=x`);
          socket.onopen = () => resolve('opened');
          socket.onerror = () => resolve('refused');
        }),
      portscope.port,
    );
    expect(ws).toBe('refused');
  } finally {
    await browser.close();
  }
});
