import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinary } from './support/electron-binary';
import type { PageGlobals } from './support/page-globals';
import { expect, test } from './support/fixtures';
import { repoRoot } from './support/serve';

/**
 * The desktop app, driven through Playwright's Electron support. These run wherever the Electron
 * binary is installed; elsewhere each test prints why and is skipped (the same glue is covered
 * in plain Node by test/app/).
 */
const binary = electronBinary();
const why = 'reason' in binary ? binary.reason : process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY ? 'no display (run under xvfb-run)' : null;

function skipUnlessElectron(): void {
  if (why) console.log(`electron.spec.ts: skipped: ${why}`);
  test.skip(why !== null, why ?? '');
}

let app: ElectronApplication;
let win: Page;

test.describe('the Electron app', () => {
  test.beforeEach(async () => {
    skipUnlessElectron();
    if (app) return;
    app = await electron.launch({
      executablePath: (binary as { path: string }).path,
      // Root in a container: Chromium's setuid sandbox cannot start. The renderer sandbox option stays on.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), path.join(repoRoot, 'dist/electron/main.cjs')],
      cwd: repoRoot,
    });
    win = await app.firstWindow();
    await win.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
  });

  test('the window is sandboxed and isolated, with no Node in the page', async () => {
    // The options themselves are asserted in test/app/main-wiring.test.ts; here, their effect.
    const page = await win.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      return [typeof g.require, typeof g.process];
    });
    expect(page).toEqual(['undefined', 'undefined']);
    expect(win.url()).toBe('portscope-app://app/index.html');
  });

  test('the preload exposes named contract functions only, and they reach the engine', async () => {
    const shape = await win.evaluate(() => {
      const bridge = (globalThis as unknown as PageGlobals).portscope!;
      return { keys: Object.keys(bridge).sort(), calls: Object.keys(bridge.calls), events: Object.keys(bridge.events) };
    });
    expect(shape.keys).toEqual(['calls', 'events', 'version']);
    expect(shape.calls).toContain('sockets.snapshot');
    expect(shape.events).toContain('sockets.delta');
    const hello = await win.evaluate(() =>
      (globalThis as unknown as PageGlobals).portscope!.calls['contract.hello']!({ version: '1.0.0' }),
    );
    expect(hello).toMatchObject({ transport: 'electron' });
    const bad = await win.evaluate(() =>
      (globalThis as unknown as PageGlobals).portscope!.calls['process.details']!({ pid: -1 }).then(
        () => 'resolved',
        (e: Error) => e.message,
      ),
    );
    expect(bad).toMatch(/bad-request/);
  });

  test('navigation away and window.open are refused', async () => {
    expect(await win.evaluate(() => (globalThis as unknown as PageGlobals).open('https://example.com/'))).toBeNull();
    await win.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
    });
    await win.waitForTimeout(500);
    expect(win.url()).toBe('portscope-app://app/index.html');
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('the dashboard renders (screenshot)', async ({ shot }) => {
    await expect(win.locator('body')).not.toBeEmpty();
    await shot(win, 'electron-window');
  });
});
