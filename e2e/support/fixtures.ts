/**
 * Playwright fixtures for browser mode. Import `test` and `expect` from here instead of
 * '@playwright/test':
 *
 *   import { test, expect } from './support/fixtures';
 *
 *   test('the listener appears', async ({ dashboard, portscope, listener, shot }) => {
 *     // `dashboard` is a Page already on the dashboard: it opened portscope.url (the tokened
 *     // URL), got the session cookie and was redirected to `/`.
 *     await expect(dashboard.getByRole('row', { name: new RegExp(`\\b${listener.port}\\b`) })).toBeVisible();
 *     await shot(dashboard, 'listener-appears'); // -> artifacts/e2e/listener-appears.png
 *   });
 *
 * Fixtures:
 * - `portscope` (one per Playwright worker): a real `portscope serve --port 0` started from the
 *   built dist/ (the global setup runs the build), bound to 127.0.0.1 with the engine in its
 *   worker thread. Gives `url` (with token), `origin`, `port`, `token`, `pid`, `stderr()`, `stop()`.
 *   Need a server of your own (other flags, a fresh token)? Call `startServe()` from ./serve and
 *   stop it in a `finally`.
 * - `dashboard`: the test's `page`, navigated to `portscope.url`. Each test has a fresh browser
 *   context, hence a fresh cookie jar; `page.goto(portscope.origin)` without the token gets a 401.
 * - `listener`: a TCP listener on 127.0.0.1 (free port) owned by this test process, closed after
 *   the test. `openTcpListener` / `openUdpSocket` from ./listeners open more.
 * - `shot(page, name)`: a full-page screenshot saved under artifacts/e2e/ (kept after the run,
 *   for people to look at) and attached to the test report.
 *
 * The browser is Debian's Chromium (/usr/bin/chromium, or $PORTSCOPE_CHROMIUM) with the flags in
 * ./browser.ts and a fresh profile per launch; see playwright.config.ts.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { openTcpListener, type OpenListener } from './listeners';
import { repoRoot, startServe, type ServeHandle } from './serve';

export interface PortscopeFixtures {
  dashboard: Page;
  listener: OpenListener;
  shot: (page: Page, name: string) => Promise<string>;
}

export interface PortscopeWorkerFixtures {
  portscope: ServeHandle;
}

export const ARTIFACTS_DIR = path.join(repoRoot, 'artifacts', 'e2e');

export const test = base.extend<PortscopeFixtures, PortscopeWorkerFixtures>({
  portscope: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      const server = await startServe();
      await use(server);
      const code = await server.stop();
      if (code !== 0) throw new Error(`portscope serve exited with ${code} at shutdown:\n${server.stderr()}`);
    },
    { scope: 'worker' },
  ],
  dashboard: async ({ page, portscope }, use) => {
    const response = await page.goto(portscope.url);
    if (!response || !response.ok()) throw new Error(`the dashboard did not load: HTTP ${response?.status()}`);
    await use(page);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  listener: async ({}, use) => {
    const listener = await openTcpListener();
    await use(listener);
    await listener.close();
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  shot: async ({}, use, testInfo) => {
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    await use(async (page, name) => {
      const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(name, { path: file, contentType: 'image/png' });
      return file;
    });
  },
});

export { expect } from '@playwright/test';
export { startServe, type ServeHandle } from './serve';
export { openTcpListener, openUdpSocket, type OpenListener } from './listeners';
