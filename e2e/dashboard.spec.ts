import { spawn } from 'node:child_process';
import { once } from 'node:events';
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
