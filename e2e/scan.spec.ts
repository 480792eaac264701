import type { Page } from '@playwright/test';
import { screen } from './screens';
import { expect, openTcpListener, openUdpSocket, test } from './support/fixtures';

/**
 * Scan, Probe and Diagnose pages against the real engine, on loopback only, with listeners the
 * test opens (and ports it has just closed, which are certainly closed).
 */

async function closedPort(): Promise<number> {
  const l = await openTcpListener();
  await l.close();
  return l.port;
}

async function go(page: Page, name: 'Scan' | 'Probe' | 'Diagnose' | 'Dashboard') {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
}

async function scan(page: Page, ports: string) {
  await page.getByLabel('Targets').fill('127.0.0.1');
  await page.getByLabel('Ports', { exact: true }).fill(ports);
  await page.getByRole('button', { name: 'Start scan' }).click();
  await expect(page.locator('.scan-summary')).toBeVisible({ timeout: 30_000 });
}

test('a loopback scan shows the open port, with charts', async ({ dashboard, listener }) => {
  const closed = await closedPort();
  await go(dashboard, 'Scan');
  await scan(dashboard, `${listener.port},${closed}`);
  const results = dashboard.getByRole('table', { name: 'Scan results' });
  const openRow = results.getByRole('row').filter({ has: dashboard.getByRole('cell', { name: String(listener.port), exact: true }) });
  await expect(openRow.getByRole('cell', { name: 'open', exact: true })).toBeVisible();
  const closedRow = results.getByRole('row').filter({ has: dashboard.getByRole('cell', { name: String(closed), exact: true }) });
  await expect(closedRow.getByRole('cell', { name: 'closed', exact: true })).toBeVisible();
  await expect(dashboard.locator('.scan-summary')).toContainText('1 open, 1 closed');
  await expect(dashboard.getByRole('figure').filter({ hasText: 'States per host' }).locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(dashboard.getByRole('figure').filter({ hasText: 'Round-trip times' }).locator('.recharts-bar-rectangle').first()).toBeVisible();
  await screen(dashboard, 'scan-loopback', true);
});

test('a large scan shows its closed ports, and its few open ports stand out in States per host', async ({ dashboard }) => {
  const listeners = await Promise.all(Array.from({ length: 6 }, () => openTcpListener()));
  try {
    await dashboard.setViewportSize({ width: 1280, height: 900 });
    await go(dashboard, 'Scan');
    await scan(dashboard, `20000-29999,${listeners.map((l) => l.port).join(',')}`);
    const panel = dashboard.getByRole('region', { name: 'Scan results' });
    // Open only unticked: every closed port is a row, as in a small scan.
    await expect(panel.getByRole('heading')).toContainText(/Results 10,0\d\d/);
    await expect(panel).not.toContainText('not shown');
    const chart = dashboard.getByRole('figure').filter({ hasText: 'States per host' });
    const openBar = chart.locator('path.recharts-rectangle[fill="#2f9e44"]').first();
    const closedBar = chart.locator('path.recharts-rectangle[fill="#868e96"]').first();
    const openBox = (await openBar.boundingBox())!;
    const closedBox = (await closedBar.boundingBox())!;
    expect(openBox.height).toBeGreaterThan(8);
    expect(closedBox.height).toBeGreaterThan(openBox.height);
    await screen(dashboard, 'scan-large-states', true);
  } finally {
    await Promise.all(listeners.map((l) => l.close()));
  }
});

test('two scans of this session are compared port by port', async ({ dashboard }) => {
  const l = await openTcpListener();
  await go(dashboard, 'Scan');
  await scan(dashboard, String(l.port));
  await l.close();
  await dashboard.getByRole('button', { name: 'Start scan' }).click();
  const history = dashboard.getByRole('region', { name: 'Scan history' });
  await expect(history.getByRole('table', { name: 'Recent scans' }).getByRole('row')).toHaveCount(3);
  const diff = history.getByRole('table', { name: 'Differences between the two scans' });
  await expect(diff.getByRole('row').nth(1)).toContainText(`${l.port}/tcp`);
  await expect(diff.getByRole('row').nth(1)).toContainText('open');
  await expect(diff.getByRole('row').nth(1)).toContainText('closed');
  await history.scrollIntoViewIfNeeded();
  await screen(dashboard, 'scan-history-diff');
});

test('the probe page charts round-trip times', async ({ dashboard, listener }) => {
  await go(dashboard, 'Probe');
  await dashboard.getByLabel('Host').fill('127.0.0.1');
  await dashboard.getByLabel('Port', { exact: true }).fill(String(listener.port));
  await dashboard.getByLabel('Attempts').fill('8');
  await dashboard.getByLabel('Interval (ms)').fill('100');
  await dashboard.getByRole('button', { name: 'Start probe' }).click();
  await expect(dashboard.locator('.probe-status')).toContainText('8 of 8 attempts answered', { timeout: 20_000 });
  const chart = dashboard.getByRole('figure').filter({ hasText: 'Round-trip time' });
  await expect(chart.locator('.recharts-line-curve').first()).toBeVisible();
  await expect(chart.locator('.recharts-line-dot')).toHaveCount(8);
  await expect(dashboard.getByText('Loss')).toBeVisible();
  await screen(dashboard, 'probe-rtt-chart', true);
});

test('a probe of a closed port says it was refused', async ({ dashboard }) => {
  const closed = await closedPort();
  await go(dashboard, 'Probe');
  await dashboard.getByLabel('Port', { exact: true }).fill(String(closed));
  await dashboard.getByLabel('Attempts').fill('3');
  await dashboard.getByLabel('Interval (ms)').fill('50');
  await dashboard.getByRole('button', { name: 'Start probe' }).click();
  await expect(dashboard.locator('.probe-status')).toContainText('0 of 3 attempts answered', { timeout: 20_000 });
  await expect(dashboard.getByRole('region', { name: 'Attempts' })).toContainText(/refused/i);
  await screen(dashboard, 'probe-refused', true);
});

test('"Diagnose this port" from the process panel shows the checklist', async ({ dashboard, listener }) => {
  await dashboard.getByLabel('Search sockets').fill(String(listener.port));
  const row = dashboard
    .getByRole('table', { name: 'Listening ports' })
    .getByRole('row')
    .filter({ has: dashboard.getByRole('cell', { name: String(listener.port), exact: true }) });
  await row.click();
  await dashboard.getByRole('button', { name: 'Diagnose this port' }).click();
  await expect(dashboard.getByRole('link', { name: 'Diagnose', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(dashboard.getByLabel('Port on this machine')).toHaveValue(String(listener.port));
  const checklist = dashboard.getByRole('region', { name: 'Checklist' });
  await expect(checklist.getByRole('listitem').first()).toContainText('listening', { timeout: 20_000 });
  await expect(dashboard.getByRole('status', { name: 'Verdict' })).toContainText('This machine only', { timeout: 20_000 });
  await screen(dashboard, 'diagnose-checklist', true);
});

test('"Probe this port" from the process panel fills the probe form', async ({ dashboard, listener }) => {
  await dashboard.getByLabel('Search sockets').fill(String(listener.port));
  await dashboard
    .getByRole('table', { name: 'Listening ports' })
    .getByRole('row')
    .filter({ has: dashboard.getByRole('cell', { name: String(listener.port), exact: true }) })
    .click();
  await dashboard.getByRole('button', { name: 'Probe this port' }).click();
  await expect(dashboard.getByLabel('Host')).toHaveValue('127.0.0.1');
  await expect(dashboard.getByLabel('Port', { exact: true })).toHaveValue(String(listener.port));
});

test('a running scan shows live progress and can be cancelled', async ({ dashboard }) => {
  // UDP at the polite rate (20 probes/s) on loopback ports this test has just freed: slow enough
  // to watch, and nothing else on the machine is probed.
  const ports = new Set<number>();
  while (ports.size < 150) {
    const s = await openUdpSocket();
    ports.add(s.port);
    await s.close();
  }
  await go(dashboard, 'Scan');
  await dashboard.getByLabel('Targets').fill('127.0.0.1');
  await dashboard.getByLabel('Ports', { exact: true }).fill([...ports].join(','));
  await dashboard.getByRole('radio', { name: 'UDP' }).check();
  await dashboard.getByLabel('Timing').selectOption('polite');
  await dashboard.getByRole('button', { name: 'Start scan' }).click();
  const progress = dashboard.getByRole('group', { name: 'Scan progress' });
  // Under way: a percentage (not yet "Finished") and some probes done.
  await expect(progress).toContainText(/\d+% · [1-9]\d* \/ 150 probes/, { timeout: 15_000 });
  await screen(dashboard, 'scan-progress');
  await dashboard.getByRole('button', { name: 'Cancel' }).click();
  await expect(dashboard.locator('.scan-summary')).toContainText('Cancelled.', { timeout: 15_000 });
  await screen(dashboard, 'scan-cancelled');
});

test('a scan of 127.0.0.0/8 asks for confirmation with an estimate, then runs and cancels', async ({ dashboard }) => {
  await go(dashboard, 'Scan');
  await dashboard.getByLabel('Targets').fill('127.0.0.0/8');
  await dashboard.getByLabel('Ports', { exact: true }).fill('1');
  await dashboard.getByRole('button', { name: 'Start scan' }).click();
  const dialog = dashboard.getByRole('dialog');
  await expect(dialog).toContainText('Large scan: start it?');
  await expect(dialog).toContainText(/16,777,216 probes to 16,777,216 hosts would take about \d+/);
  await screen(dashboard, 'scan-large-confirm');
  await dialog.getByRole('checkbox', { name: /scan this large/ }).check();
  await dialog.getByRole('button', { name: 'Scan' }).click();
  const progress = dashboard.getByRole('group', { name: 'Scan progress' });
  await expect(progress).toContainText(/[1-9][\d,]* \/ 16,777,216 probes · 16,777,216 hosts × 1 port/, { timeout: 15_000 });
  await dashboard.getByRole('button', { name: 'Cancel' }).click();
  await expect(dashboard.locator('.scan-summary')).toContainText('Cancelled.', { timeout: 15_000 });
});
