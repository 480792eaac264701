import { execFile } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openTcpListener, test } from './support/fixtures';
import { repoRoot } from './support/serve';
import { HOSTILE_ARGS, HOSTILE_NAME, startHostileServer } from '../test/report/support/hostile';

/**
 * Reports in browser mode, against a real `portscope serve` and listeners this test opens on
 * loopback: every format downloads with the numbers the app shows; the HTML report renders in
 * Chromium; a saved JSON report opens read-only with what changed since; a real `nmap -oX` file
 * opens with the scan page's table and charts. Screenshots go to artifacts/screenshots/.
 */

/**
 * Saves a screenshot under artifacts/screenshots/. The app scrolls inside its page area, not the
 * document, so a whole-page picture grows the viewport to the page area's content first.
 */
async function screenshot(page: Page, name: string, whole = true): Promise<string> {
  const dir = path.join(repoRoot, 'artifacts', 'screenshots');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  const before = page.viewportSize();
  if (whole && before) {
    const extra = await page.evaluate(() => {
      const main = (globalThis as unknown as { document: { querySelector(s: string): { scrollHeight: number; clientHeight: number } | null } }).document.querySelector('main');
      return main ? main.scrollHeight - main.clientHeight : 0;
    });
    if (extra > 0) await page.setViewportSize({ width: before.width, height: Math.min(before.height + extra + 8, 6000) });
  }
  await page.screenshot({ path: file, fullPage: whole });
  if (before) await page.setViewportSize(before);
  return file;
}

/** The engine reads the socket table once a second: wait until the dashboard shows the port. */
async function waitForListener(page: Page, port: number) {
  const search = page.getByLabel('Search sockets');
  await search.fill(String(port));
  await expect(page.getByRole('table', { name: 'Listening ports' }).getByRole('cell', { name: String(port), exact: true })).toBeVisible();
  await search.fill('');
}

async function openReports(page: Page) {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { name: 'Export', level: 2 })).toBeVisible();
}

/** Chooses a format and contents, clicks Download, and returns the file's name and text. */
async function download(page: Page, options: { format: string; contents?: string; table?: string }) {
  await page.getByLabel('Format').selectOption({ label: options.format });
  if (options.contents) await page.getByLabel('Contents').selectOption({ label: options.contents });
  if (options.table) await page.getByLabel('Table', { exact: true }).selectOption({ label: options.table });
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
  const text = await readFile((await file.path())!, 'utf8');
  await expect(page.getByRole('status').filter({ hasText: `Downloaded ${file.suggestedFilename()}` })).toBeVisible();
  return { name: file.suggestedFilename(), text };
}

test('exports the listening ports as CSV, JSON, HTML and Markdown downloads', async ({ dashboard, listener, browser }) => {
  await waitForListener(dashboard, listener.port);
  await openReports(dashboard);

  const csv = await download(dashboard, { format: 'CSV (one table)', contents: 'Listening ports', table: 'Listening ports' });
  expect(csv.name).toMatch(/^portscope-.+\.csv$/);
  const line = csv.text.split('\r\n').find((l) => l.includes(`,${listener.port},`));
  expect(line, `the CSV has a row for port ${listener.port}:\n${csv.text.slice(0, 2000)}`).toBeDefined();
  expect(line).toContain(`,${listener.pid},`);
  expect(line).toContain('127.0.0.1');

  const json = await download(dashboard, { format: 'JSON' });
  expect(json.name).toMatch(/\.json$/);
  const report = JSON.parse(json.text) as { schema: string; version: number; listeners: Array<{ localPort: number; pid: number | null }>; connections: unknown };
  expect(report).toMatchObject({ schema: 'portscope.report', version: 1, connections: null });
  expect(report.listeners.find((r) => r.localPort === listener.port)?.pid).toBe(listener.pid);

  const md = await download(dashboard, { format: 'Markdown' });
  expect(md.name).toMatch(/\.md$/);
  expect(md.text).toContain(`| 127.0.0.1:${listener.port} | LISTEN |`);

  const html = await download(dashboard, { format: 'HTML', contents: 'Listening ports' });
  expect(html.name).toMatch(/\.html$/);
  expect(html.text).not.toMatch(/<script/i);
  await screenshot(dashboard, 'reports-export', false);

  // The HTML report as a person opens it: in the browser, self-contained, no scripts.
  const viewer = await browser.newPage({ javaScriptEnabled: false });
  await viewer.setContent(html.text, { waitUntil: 'load' });
  await expect(viewer.getByText(`127.0.0.1:${listener.port}`).first()).toBeVisible();
  expect(await viewer.locator('svg').count()).toBeGreaterThan(0);
  await screenshot(viewer, 'reports-html-report');
  await viewer.emulateMedia({ media: 'print' });
  await screenshot(viewer, 'reports-html-report-print');
  // What the desktop app's printToPDF makes of it (the same Chromium printing, A4 from the report's CSS).
  const pdf = await viewer.pdf({ preferCSSPageSize: true, printBackground: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await writeFile(path.join(repoRoot, 'artifacts', 'screenshots', 'reports-html-report.pdf'), pdf);
  await viewer.close();
});

test('opens a saved JSON report read-only, with what changed since', async ({ dashboard, listener }) => {
  await waitForListener(dashboard, listener.port);
  await openReports(dashboard);
  // Listening ports: a report with the connections of a busy machine can outgrow what browser mode opens.
  const saved = await download(dashboard, { format: 'JSON', contents: 'Listening ports' });

  // Change the live state: one listener goes, another comes.
  const added = await openTcpListener();
  await listener.close();
  try {
    await dashboard.getByLabel(/saved Portscope report/).setInputFiles({ name: 'before.json', mimeType: 'application/json', buffer: Buffer.from(saved.text) });
    const view = dashboard.getByRole('region', { name: 'Saved report' });
    await expect(view.getByText('saved report · read-only')).toBeVisible();
    await expect(view.getByRole('heading', { name: /before\.json/ })).toBeVisible();

    // The report's own tables, with the dashboard's columns.
    await view.getByLabel('Search the report').fill(String(listener.port));
    const inReport = view.getByRole('table', { name: 'Listening ports in the report' });
    await expect(inReport.getByRole('cell', { name: String(listener.port), exact: true })).toBeVisible();
    await expect(inReport).toHaveAttribute('aria-rowcount', '2');

    // The diff: the closed listener is gone (red), the new one is listening now (green).
    const changes = view.getByRole('table', { name: 'Changes since the report' });
    const goneRow = changes.getByRole('row').filter({ has: dashboard.getByRole('cell', { name: String(listener.port), exact: true }) });
    const newRow = changes.getByRole('row').filter({ has: dashboard.getByRole('cell', { name: String(added.port), exact: true }) });
    // The engine compares with its latest socket table (read once a second): compare again until it has seen the change.
    await expect(async () => {
      if ((await goneRow.count()) === 0) await view.getByRole('button', { name: 'Compare again' }).click();
      await expect(goneRow).toBeVisible({ timeout: 1000 });
      await expect(newRow).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(goneRow).toContainText('gone');
    await expect(goneRow).toHaveAttribute('data-mark', 'closing');
    await expect(newRow).toContainText('listening now');
    await expect(newRow).toHaveAttribute('data-mark', 'new');
    await expect(view.getByRole('figure').filter({ hasText: 'Sockets by state' })).toBeVisible();
    await view.getByLabel('Search the report').fill('');
    await screenshot(dashboard, 'reports-saved-report');
    await dashboard.emulateMedia({ colorScheme: 'dark' });
    await screenshot(dashboard, 'reports-saved-report-dark');
  } finally {
    await added.close();
  }
});

function runNmap(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('nmap', args, { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
  });
}

/** A loopback listener that shrugs off the resets of a connect scan. */
async function scanTarget(): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((socket) => {
    socket.on('error', () => {});
    socket.end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return { port: (server.address() as AddressInfo).port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test('opens a real nmap -oX scan with the scan view table and charts', async ({ dashboard }) => {
  test.skip(!existsSync('/usr/bin/nmap') && !existsSync('/usr/local/bin/nmap'), 'nmap is not installed (apt-get install nmap)');
  const listener = await scanTarget();
  // Loopback only: the test's own listener, and the port next to it (closed, most likely).
  const closed = listener.port === 65535 ? listener.port - 1 : listener.port + 1;
  const xml = await runNmap(['-sT', '-Pn', '-n', '-p', `${listener.port},${closed}`, '-oX', '-', '127.0.0.1']).finally(() => listener.close());
  expect(xml).toContain('<nmaprun');

  await openReports(dashboard);
  await dashboard.getByLabel(/nmap XML/).setInputFiles({ name: 'loopback-scan.xml', mimeType: 'text/xml', buffer: Buffer.from(xml) });
  const section = dashboard.getByRole('region', { name: 'nmap scan from loopback-scan.xml' });
  await expect(section).toBeVisible();
  await expect(section.getByText(/^nmap/).first()).toBeVisible();
  const results = section.getByRole('table', { name: 'Scan results' });
  const row = results.getByRole('row').filter({ has: dashboard.getByRole('cell', { name: String(listener.port), exact: true }) });
  await expect(row).toContainText('open');
  await expect(row).toContainText('127.0.0.1');
  await expect(section.getByRole('status')).toContainText(/1 open/);
  await expect(section.getByRole('figure').filter({ hasText: 'States per host' })).toBeVisible();
  await screenshot(dashboard, 'reports-nmap-import');

  // Into the scan view: the Scan page shows the imported scan with its own table and charts.
  await section.getByRole('button', { name: 'Open in the Scan page' }).click();
  await expect(dashboard.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Scan' })).toHaveAttribute('aria-current', 'page');
  await expect(dashboard.getByText('Imported from loopback-scan.xml (nmap')).toBeVisible();
  await expect(dashboard.getByRole('table', { name: 'Scan results' }).getByRole('cell', { name: String(listener.port), exact: true })).toBeVisible();
  await screenshot(dashboard, 'reports-nmap-in-scan-page');
});

test('says clearly when a file is neither a report nor nmap XML', async ({ dashboard }) => {
  await openReports(dashboard);
  await dashboard.getByLabel(/saved Portscope report/).setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
  await expect(dashboard.getByRole('alert')).toContainText('Could not open it');
  await expect(dashboard.getByRole('region', { name: 'Saved report' })).toHaveCount(0);

  // A large file (2 MiB) crosses the WebSocket whole and gets the engine's own verdict, the
  // connection kept (files beyond what browser mode carries are refused before sending: unit test).
  const big = JSON.stringify({ schema: 'portscope.report', padding: 'x'.repeat(2 * 1024 * 1024) });
  await dashboard.getByLabel(/saved Portscope report/).setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(big) });
  await expect(dashboard.getByRole('alert')).toContainText('big.json has no report version');
  await screenshot(dashboard, 'reports-open-error', false);
  await dashboard.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(dashboard.getByRole('table', { name: 'Listening ports' }).getByRole('row').nth(1)).toBeVisible();
});

test('hostile process names and command lines stay text in the saved report view', async ({ dashboard }) => {
  const hostile = await startHostileServer();
  try {
    await waitForListener(dashboard, hostile.tcpPort);
    await openReports(dashboard);
    const csv = await download(dashboard, { format: 'CSV (one table)', contents: 'Listening ports', table: 'Listening ports' });
    // A spreadsheet would run it as a formula: the cell is marked with a leading apostrophe.
    expect(csv.text).toContain(`'${HOSTILE_NAME.replace(/"/g, '""')}`);
    const saved = await download(dashboard, { format: 'JSON', contents: 'Listening ports' });
    await dashboard.getByLabel(/saved Portscope report/).setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(saved.text) });
    const view = dashboard.getByRole('region', { name: 'Saved report' });
    await view.getByLabel('Search the report').fill(String(hostile.tcpPort));
    const row = view.getByRole('table', { name: 'Listening ports in the report' }).getByRole('row').filter({ has: dashboard.getByRole('cell', { name: String(hostile.tcpPort), exact: true }) });
    await expect(row.getByRole('cell', { name: HOSTILE_NAME, exact: true })).toBeVisible();
    const processes = view.getByRole('table', { name: 'Processes in the report' });
    await expect(processes).toContainText(HOSTILE_ARGS[0]!);
    // Nothing of it became markup: no injected image, bold or script element anywhere in the app.
    await expect(dashboard.locator('main img, main b, main script')).toHaveCount(0);
    await screenshot(dashboard, 'reports-saved-report-hostile');
  } finally {
    await hostile.stop();
  }
});
