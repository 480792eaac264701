import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer, type AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { screen } from './screens';
import { expect, openTcpListener, openUdpSocket, startServe, test } from './support/fixtures';

/**
 * The live dashboard against a real `portscope serve`, with listeners this test opens on
 * loopback: they appear, their process shows on click, closing them turns the row red, and a
 * process the test started can be ended from its panel.
 */

const listening = (page: Page) => page.getByRole('table', { name: 'Listening ports' });

/** The row of a listening port: search narrows the table so the row is on screen whatever the sort. */
async function findListener(page: Page, port: number) {
  await page.getByLabel('Search sockets').fill(String(port));
  // Wait for the filter to apply (it is debounced): then the row no longer moves under the mouse.
  await expect(listening(page)).toHaveAttribute('aria-rowcount', '2');
  const row = listening(page).getByRole('row').filter({ has: page.getByRole('cell', { name: String(port), exact: true }) });
  await expect(row).toBeVisible();
  return row;
}

test('a listener the test opens appears in the listening table', async ({ dashboard, listener }) => {
  await expect(listening(dashboard).getByRole('row').nth(1)).toBeVisible();
  const row = await findListener(dashboard, listener.port);
  await expect(row.getByRole('cell', { name: '127.0.0.1', exact: true })).toBeVisible();
  await expect(row.getByText('this machine')).toBeVisible();
  await expect(row.getByRole('cell', { name: String(listener.pid), exact: true })).toBeVisible();
  // Table semantics survive virtualization: counts and indexes are on the elements.
  await expect(listening(dashboard)).toHaveAttribute('aria-rowcount', '2');
  await expect(row).toHaveAttribute('aria-rowindex', '2');
  await screen(dashboard, 'dashboard-listener-found');
});

test('clicking the listener opens its process panel', async ({ dashboard, listener }) => {
  const row = await findListener(dashboard, listener.port);
  await row.click();
  const panel = dashboard.getByRole('complementary', { name: 'Process details' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { level: 2 })).toContainText(`pid ${listener.pid}`);
  await expect(panel.getByText('Command line')).toBeVisible();
  // This Playwright worker is a node process; its sockets include the listener.
  await expect(panel.getByRole('table')).toContainText(`127.0.0.1:${listener.port}`);
  await expect(panel.getByRole('button', { name: 'End process…' })).toBeVisible();
  await screen(dashboard, 'dashboard-process-panel');
  await dashboard.keyboard.press('Escape');
  await expect(panel).toBeHidden();
});

test('new rows show green, closed rows red and then go', async ({ dashboard }) => {
  await expect(listening(dashboard).getByRole('row').nth(1)).toBeVisible();
  const late = await openTcpListener();
  try {
    const row = await findListener(dashboard, late.port);
    await expect(row).toHaveAttribute('data-mark', 'new');
    await screen(dashboard, 'dashboard-row-new');
    await late.close();
    await expect(row).toHaveAttribute('data-mark', 'closing');
    await screen(dashboard, 'dashboard-row-closing');
    await expect(row).toBeHidden({ timeout: 10_000 });
  } finally {
    await late.close().catch(() => undefined);
  }
});

test('the keyboard finds and opens a port', async ({ dashboard, listener }) => {
  await findListener(dashboard, listener.port);
  await listening(dashboard).focus();
  await dashboard.keyboard.press('ArrowDown');
  const active = listening(dashboard).locator('[aria-current="true"]');
  await expect(active).toBeFocused();
  await dashboard.keyboard.press('Enter');
  await expect(dashboard.getByRole('complementary', { name: 'Process details' })).toContainText(`pid ${listener.pid}`);
});

test('a process started by the test can be ended from its panel', async ({ dashboard }) => {
  // A child that listens and reports its port: the only process this test ever signals.
  const child = spawn(process.execPath, ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>console.log(s.address().port));setInterval(()=>{},1e9)"], {
    stdio: ['ignore', 'pipe', 'inherit'],
    // Playwright's loader hooks are for the test runner, not for this plain child.
    env: { PATH: process.env.PATH ?? '' },
  });
  const exited = once(child, 'exit');
  try {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
    await expect.poll(() => /^\d+$/m.test(out), { timeout: 10_000 }).toBe(true);
    const port = Number(/^(\d+)$/m.exec(out)?.[1]);
    const row = await findListener(dashboard, port);
    await row.click();
    const panel = dashboard.getByRole('complementary', { name: 'Process details' });
    await expect(panel).toContainText(`pid ${child.pid}`);
    await panel.getByRole('button', { name: 'End process…' }).click();
    const dialog = dashboard.getByRole('dialog');
    await expect(dialog).toContainText(`(pid ${child.pid})`);
    await screen(dashboard, 'dashboard-end-process-confirm');
    await dialog.getByRole('button', { name: /^End / }).click();
    await expect(panel).toContainText('ended after SIGTERM', { timeout: 15_000 });
    await exited;
    expect(child.signalCode).toBe('SIGTERM');
    await screen(dashboard, 'dashboard-end-process-done');
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});

test('sorting, filters and charts on the whole table, in the dark theme', async ({ dashboard }) => {
  await dashboard.emulateMedia({ colorScheme: 'dark' });
  await expect(listening(dashboard).getByRole('row').nth(1)).toBeVisible();
  await listening(dashboard).getByRole('button', { name: /^Port/ }).click();
  await expect(listening(dashboard).getByRole('columnheader', { name: /^Port/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(dashboard.getByRole('figure').filter({ hasText: 'Sockets by state' }).locator('.recharts-area').first()).toBeVisible();
  await expect(dashboard.getByRole('figure').filter({ hasText: 'Top processes' }).locator('.recharts-bar-rectangle').first()).toBeVisible();
  // A few ticks of history, so the screenshot shows the area chart filling in.
  await dashboard.waitForTimeout(4000);
  await screen(dashboard, 'dashboard-dark');
  await dashboard.emulateMedia({ colorScheme: 'light' });
  await screen(dashboard, 'dashboard-light');
});

test('when the engine goes away the dashboard says so and keeps the last picture', async ({ page }) => {
  // A server of this test's own: stopping the shared one would break the other tests.
  const own = await startServe();
  try {
    await page.goto(own.url);
    await expect(listening(page).locator('[data-key]').first()).toBeVisible();
    await own.stop();
    await expect(page.getByRole('alert').filter({ hasText: 'Lost the connection' })).toBeVisible({ timeout: 15_000 });
    await expect(listening(page).locator('[data-key]').first()).toBeVisible();
    // The banner says it once: the header's machine list (polled every 5 s) does not repeat it.
    await page.waitForTimeout(6000);
    await expect(page.locator('.machine-switcher [role=alert]')).toHaveCount(0);
    await screen(page, 'dashboard-disconnected');
  } finally {
    await own.stop();
  }
});

test('a UDP socket the test binds is listed as listening UDP', async ({ dashboard }) => {
  const udp = await openUdpSocket();
  try {
    const row = await findListener(dashboard, udp.port);
    await expect(row.getByRole('cell', { name: 'UDP', exact: true })).toBeVisible();
    await dashboard.getByLabel('Protocol').selectOption('tcp');
    await expect(row).toBeHidden();
  } finally {
    await udp.close();
  }
});

const connectionsTable = (page: Page) => page.getByRole('table', { name: 'Connections' });

/** Data rows wholly inside the table's scroll box: what the user actually sees. */
async function rowsInView(page: Page, name: string): Promise<number> {
  // No DOM types on the Node side (see support/page-globals.ts): the slice used here.
  type Box = { top: number; bottom: number };
  type El = { getBoundingClientRect(): Box; querySelector(s: string): El | null; querySelectorAll(s: string): Iterable<El> };
  return page.getByRole('table', { name }).evaluate((node) => {
    const el = node as unknown as El;
    const box = el.getBoundingClientRect();
    const head = el.querySelector('[role="columnheader"]')?.getBoundingClientRect().bottom ?? box.top;
    return [...el.querySelectorAll('[data-key]')].filter((r) => {
      const b = r.getBoundingClientRect();
      return b.top >= head - 1 && b.bottom <= box.bottom + 1;
    }).length;
  });
}

test('with the charts collapsed, the listening table shows at least 12 rows at 1024×640 and at 1920×1080, light and dark', async ({ dashboard }) => {
  const extra = await Promise.all(Array.from({ length: 14 }, () => openTcpListener()));
  try {
    await dashboard.setViewportSize({ width: 1024, height: 640 });
    await expect.poll(() => listening(dashboard).getAttribute('aria-rowcount').then(Number), { timeout: 10_000 }).toBeGreaterThan(14);
    await dashboard.getByRole('button', { name: 'Hide charts' }).click();
    await expect(dashboard.getByRole('figure', { name: 'Sockets by state' })).toBeHidden();
    for (const [width, height] of [
      [1024, 640],
      [1920, 1080],
    ] as const) {
      await dashboard.setViewportSize({ width, height });
      for (const scheme of ['light', 'dark'] as const) {
        await dashboard.emulateMedia({ colorScheme: scheme });
        await expect.poll(() => rowsInView(dashboard, 'Listening ports')).toBeGreaterThanOrEqual(12);
        await screen(dashboard, `dashboard-charts-collapsed-${width}x${height}-${scheme}`);
      }
    }
    // Remembered: a reload keeps the charts collapsed.
    await dashboard.reload();
    await expect(listening(dashboard).locator('[data-key]').first()).toBeVisible();
    await expect(dashboard.getByRole('button', { name: 'Show charts' })).toBeVisible();
    await dashboard.getByRole('button', { name: 'Show charts' }).click();
    await dashboard.setViewportSize({ width: 1024, height: 640 });
    await screen(dashboard, 'dashboard-charts-1024x640-light');
  } finally {
    await Promise.all(extra.map((l) => l.close()));
  }
});

test('columns resize by dragging their edge, and the width is remembered', async ({ dashboard }) => {
  await expect(listening(dashboard).locator('[data-key]').first()).toBeVisible();
  const header = listening(dashboard).getByRole('columnheader', { name: /^Address/ });
  const before = (await header.boundingBox())!;
  const handle = header.locator('.vt-resize');
  const grip = (await handle.boundingBox())!;
  await dashboard.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await dashboard.mouse.down();
  await dashboard.mouse.move(grip.x + grip.width / 2 + 120, grip.y + grip.height / 2, { steps: 6 });
  await dashboard.mouse.up();
  await expect.poll(async () => Math.round((await header.boundingBox())!.width - before.width)).toBeGreaterThan(100);
  const cell = listening(dashboard).locator('[data-key]').first().getByRole('cell').nth(1);
  await expect.poll(async () => Math.round((await cell.boundingBox())!.width)).toBe(Math.round((await header.boundingBox())!.width));
  await dashboard.reload();
  const again = listening(dashboard).getByRole('columnheader', { name: /^Address/ });
  await expect.poll(async () => Math.round((await again.boundingBox())!.width - before.width)).toBeGreaterThan(100);
  // Double-click fits it to its content again.
  await again.locator('.vt-resize').dblclick();
  await expect.poll(async () => Math.abs(Math.round((await again.boundingBox())!.width - before.width))).toBeLessThan(4);
});

test('Tab goes from the toolbar to the tables without stopping in the charts; Escape returns to the row', async ({ dashboard, listener }) => {
  await expect(dashboard.getByRole('figure', { name: 'Sockets by state' }).locator('svg').first()).toBeVisible();
  await dashboard.getByLabel('Search sockets').focus();
  const stops: string[] = [];
  for (let i = 0; i < 25; i++) {
    await dashboard.keyboard.press('Tab');
    const where = await dashboard.evaluate(() => {
      const el = (globalThis as unknown as { document: { activeElement: { tagName: string; closest(s: string): unknown; getAttribute(n: string): string | null } | null } }).document.activeElement;
      if (!el) return 'none';
      if (el.closest('.charts')) return `chart:${el.tagName}`;
      return el.getAttribute('role') === 'table' ? `table:${el.getAttribute('aria-label')}` : el.tagName.toLowerCase();
    });
    stops.push(where);
    if (where === 'table:Listening ports') break;
  }
  expect(stops.filter((s) => s.startsWith('chart:'))).toEqual([]);
  expect(stops.at(-1)).toBe('table:Listening ports');

  const row = await findListener(dashboard, listener.port);
  await row.click();
  const panel = dashboard.getByRole('complementary', { name: 'Process details' });
  await expect(panel).toBeVisible();
  await dashboard.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(row).toBeFocused();
  // `/` goes back to the search from the row.
  await dashboard.keyboard.press('/');
  await expect(dashboard.getByLabel('Search sockets')).toBeFocused();
});

test('a connection closed actively stays one row, yellow, as it goes to TIME_WAIT', async ({ dashboard }) => {
  const server = createServer((s) => s.on('error', () => {}));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const client = connect({ host: '127.0.0.1', port });
  try {
    await once(client, 'connect');
    const local = client.localPort!; // gone from the socket once it is destroyed
    await dashboard.getByLabel('Search sockets').fill(`port:${local} port:${port}`);
    // The client's side: its Local cell (the third) is the client's port; the server's side has it as Remote.
    const clientSide = () =>
      connectionsTable(dashboard)
        .locator('[data-key]')
        .filter({ has: dashboard.locator('[role="cell"]:nth-child(3)', { hasText: new RegExp(`^127\\.0\\.0\\.1:${local}$`) }) })
        .filter({ has: dashboard.locator('[role="cell"]:nth-child(4)', { hasText: new RegExp(`^127\\.0\\.0\\.1:${port}$`) }) });
    const row = clientSide();
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('ESTABLISHED');
    const key = await row.getAttribute('data-key');
    // A row still green from its arrival stays green through a change: let the green fade first.
    await expect(row).not.toHaveAttribute('data-mark', /.+/);
    client.destroy();
    const same = connectionsTable(dashboard).locator(`[data-key="${key}"]`);
    await expect(same).toContainText('TIME_WAIT');
    await expect(same).toHaveAttribute('data-mark', 'changed');
    await expect(clientSide()).toHaveCount(1);
    await screen(dashboard, 'dashboard-time-wait-changed');
  } finally {
    client.destroy();
    await new Promise<void>((r) => server.close(() => r()));
  }
});
