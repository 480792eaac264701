import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { HistoryEventRecord, TrackedSocket } from '../electron/engine/history/events';
import { HistoryStore } from '../electron/engine/history/store';
import { screen } from './screens';
import { expect, openTcpListener, startServe, test } from './support/fixtures';

/**
 * The History page against a real `portscope serve` recording into its own data folder, seeded
 * with a few hours of synthetic listener history (what a long-running agent would have left) so
 * the timeline has something to show, plus listeners this test really opens.
 */

const HOUR = 3_600_000;

function listener(port: number, name: string, pid: number, address = '127.0.0.1'): TrackedSocket {
  return {
    key: `seed-${port}-${pid}`,
    listener: true,
    protocol: 'tcp',
    family: 4,
    localAddress: address,
    localPort: port,
    remoteAddress: '0.0.0.0',
    remotePort: 0,
    servicePort: port,
    state: 'LISTEN',
    exposure: address === '127.0.0.1' ? 'loopback' : 'all',
    risky: false,
    owner: { pid, name, exe: `/usr/bin/${name}`, user: 'demo', startTime: null, status: 'known' },
  };
}

function seed(dir: string): void {
  const store = HistoryStore.open(dir, { create: true });
  const now = Date.now();
  store.tryAcquireWriter('seed', now - 6 * HOUR);
  const ev = (at: number, kind: HistoryEventRecord['kind'], socket: TrackedSocket): HistoryEventRecord => ({ at, kind, socket, previous: null, note: null });
  const web = listener(8080, 'python3', 4100, '0.0.0.0');
  const db = listener(5432, 'postgres', 900);
  const dev = listener(3000, 'node', 5200);
  const dev2 = { ...listener(3000, 'node', 5300), key: 'seed-3000-b' };
  const events = [
    ev(now - 5.5 * HOUR, 'opened', db),
    ev(now - 4 * HOUR, 'opened', web),
    ev(now - 3 * HOUR, 'opened', dev),
    ev(now - 2.5 * HOUR, 'closed', web),
    ev(now - 2 * HOUR, 'closed', dev),
    ev(now - 1.5 * HOUR, 'opened', dev2),
    ev(now - 1 * HOUR, 'closed', dev2),
    ev(now - 0.5 * HOUR, 'closed', db),
  ];
  for (const e of events) store.writeTick([e], e.at);
  store.close();
}

async function openHistory(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { name: /Listeners over time/ })).toBeVisible();
}

test.describe('History page', () => {
  let dataDir = '';
  test.beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'portscope-e2e-history-'));
    seed(dataDir);
  });
  test.afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  test('shows the timeline, what changed since a baseline, and links a live owner to its process panel', async ({ page }) => {
    const server = await startServe({ args: ['--data-dir', dataDir] });
    const early = await openTcpListener();
    try {
      await openHistory(page, server.url);
      await page.getByLabel('Window').selectOption('6');
      const timeline = page.getByRole('img', { name: /Listeners from/ });
      for (const lane of ['TCP 3000', 'TCP 5432', 'TCP 8080']) await expect(timeline.getByText(lane, { exact: true })).toBeVisible();
      await expect(page.getByText(/Recording into/)).toBeVisible();

      // Mark all as known, then open a listener: it is the one new thing since the baseline.
      await page.getByRole('button', { name: 'Mark all as known' }).click();
      await expect(page.getByText(/listeners marked as known/)).toBeVisible();
      const fresh = await openTcpListener();
      try {
        await expect(async () => {
          await page.getByLabel('What changed since…').selectOption('baseline');
          await expect(page.getByRole('region', { name: 'Changes' }).getByText(`TCP 127.0.0.1:${fresh.port} — node`)).toBeVisible({ timeout: 1500 });
        }).toPass({ timeout: 15_000 });
        // Known since the baseline: not listed as new (other programs on this machine may be).
        await expect(page.getByRole('region', { name: 'Changes' }).getByText(`TCP 127.0.0.1:${early.port} — node`)).toHaveCount(0);
        await page.getByLabel('What changed since…').selectOption('hour');
        const row = page.getByRole('region', { name: 'Events' }).getByRole('row').filter({ hasText: `127.0.0.1:${fresh.port}` }).first();
        await expect(row).toContainText('still open');
        await screen(page, 'history-page', true);
        // Retention and alert rules land in the data folder, where the agent reads them too.
        await page.getByText('Retention and alert rules').click();
        const form = page.getByRole('form', { name: 'History settings' });
        await form.getByRole('spinbutton').first().fill('7');
        await form.getByPlaceholder('22, 5353').fill('5353');
        await form.getByRole('button', { name: 'Save' }).click();
        await expect(form.getByRole('status')).toHaveText('Saved.');
        expect(JSON.parse(readFileSync(path.join(dataDir, 'history-settings.json'), 'utf8'))).toMatchObject({ retentionDays: 7, ignorePorts: [5353] });
        await row.getByRole('button', { name: new RegExp(`node \\(${fresh.pid}\\)`) }).click();
        await expect(page.getByRole('complementary', { name: 'Process details' })).toContainText(String(fresh.pid));
      } finally {
        await fresh.close();
      }
    } finally {
      await early.close();
      await server.stop();
    }
  });

  test('browser mode shows a desktop notification for a new listener on every interface once allowed', async ({ page, context }) => {
    await context.grantPermissions(['notifications']);
    // Record what the page asks the browser to show (the real constructor still runs).
    await page.addInitScript(() => {
      type Ctor = new (title: string, options?: { body?: string }) => object;
      const w = globalThis as unknown as { Notification: Ctor; __shown: Array<{ title: string; body: string }> };
      const Real = w.Notification;
      const shown: Array<{ title: string; body: string }> = [];
      w.__shown = shown;
      class Recording extends Real {
        constructor(title: string, options?: { body?: string }) {
          shown.push({ title, body: options?.body ?? '' });
          super(title, options);
        }
      }
      Object.defineProperty(globalThis, 'Notification', { value: Recording, configurable: true, writable: true });
    });
    const server = await startServe({ args: ['--data-dir', dataDir] });
    try {
      await openHistory(page, server.url);
      await expect(page.getByRole('button', { name: 'Enable desktop notifications' })).toHaveCount(0);
      await expect(page.getByText(/Recording into/)).toBeVisible();
      await page.waitForTimeout(1500);
      // Listening on every interface sends nothing anywhere; it is what "exposed" means.
      const exposed = await openTcpListener(0, '0.0.0.0');
      try {
        await expect.poll(async () => page.evaluate(() => (globalThis as unknown as { __shown: Array<{ body: string }> }).__shown.map((s) => s.body)), { timeout: 15_000 }).toContainEqual(
          expect.stringContaining(`0.0.0.0:${exposed.port} by node`),
        );
        await expect(page.getByRole('region', { name: 'Alerts' })).toContainText(`0.0.0.0:${exposed.port}`);
      } finally {
        await exposed.close();
      }
    } finally {
      await server.stop();
    }
  });
});
