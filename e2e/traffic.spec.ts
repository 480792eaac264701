import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { Page } from '@playwright/test';
import { screen } from './screens';
import { expect, test } from './support/fixtures';

/**
 * Traffic in the live dashboard against a real `portscope serve`: a child process holds a
 * loopback server and two clients of it; the busy one sends 200,000 bytes a second (195 KiB/s),
 * the quiet one a byte a second. The columns, the sort, the charts and the connection panel show the busy one,
 * and closing it from its panel (as root, SOCK_DESTROY) leaves the quiet one open.
 */

/** The child: prints {port, busy, quiet} once both clients are connected, then keeps sending. */
const TALKER = `
const net = require('net');
const server = net.createServer((s) => { s.on('data', () => {}); s.on('error', () => {}); });
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const busy = net.connect(port, '127.0.0.1');
  const quiet = net.connect(port, '127.0.0.1');
  let up = 0;
  const ready = () => { if (++up === 2) console.log(JSON.stringify({ port, busy: busy.localPort, quiet: quiet.localPort })); };
  busy.on('connect', ready); quiet.on('connect', ready);
  busy.on('error', (e) => console.log(JSON.stringify({ busyError: e.code })));
  quiet.on('error', (e) => console.log(JSON.stringify({ quietError: e.code })));
  const chunk = Buffer.alloc(20000, 120);
  setInterval(() => { if (!busy.destroyed) busy.write(chunk); }, 100);
  setInterval(() => { if (!quiet.destroyed) quiet.write('.'); }, 1000);
});
`;

interface Talker {
  child: ChildProcess;
  pid: number;
  port: number;
  busy: number;
  quiet: number;
  output(): string;
  stop(): Promise<void>;
}

async function startTalker(): Promise<Talker> {
  const child = spawn(process.execPath, ['-e', TALKER], { stdio: ['ignore', 'pipe', 'inherit'], env: { PATH: process.env.PATH ?? '' } });
  const exited = once(child, 'exit');
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  await expect.poll(() => /"busy":\d+/.test(out), { timeout: 10_000 }).toBe(true);
  const info = JSON.parse(/^\{.*"busy".*\}$/m.exec(out)![0]) as { port: number; busy: number; quiet: number };
  return {
    child,
    pid: child.pid!,
    ...info,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

const connections = (page: Page) => page.getByRole('table', { name: 'Connections' });

/** Narrows both tables to the talker's listener port: its four connection rows (both ends of two). */
async function showTalker(page: Page, t: Talker) {
  await page.getByLabel('Search sockets').fill(String(t.port));
  await expect(connections(page)).toHaveAttribute('aria-rowcount', '5', { timeout: 15_000 });
}

/** The row whose Local cell is 127.0.0.1:`local` (and, given, whose Remote cell is 127.0.0.1:`remote`). */
async function endRow(page: Page, local: number, remote?: number) {
  const headers = await connections(page).getByRole('columnheader').allInnerTexts();
  const cell = (label: string, port: number) =>
    page.locator(`[role="cell"][aria-colindex="${headers.findIndex((h) => h.startsWith(label)) + 1}"]`).filter({ hasText: new RegExp(`^127\\.0\\.0\\.1:${port}$`) });
  let rows = connections(page).locator('[data-key]').filter({ has: cell('Local', local) });
  if (remote !== undefined) rows = rows.filter({ has: cell('Remote', remote) });
  return rows;
}

test('a loopback connection moving bytes: columns, sort by rate, top talkers, panel with RTT and sparkline, close it, names', async ({ dashboard }) => {
  test.setTimeout(120_000);
  const talker = await startTalker();
  try {
    await dashboard.setViewportSize({ width: 1280, height: 800 });
    await showTalker(dashboard, talker);
    const busy = await endRow(dashboard, talker.busy);
    const quiet = await endRow(dashboard, talker.quiet);
    await expect(busy).toBeVisible();

    // Sent grows past what a second of sending leaves (the kernel's bytes_acked).
    const headers = await connections(dashboard).getByRole('columnheader').allInnerTexts();
    const sentIndex = headers.findIndex((h) => h.startsWith('Sent'));
    const receivedIndex = headers.findIndex((h) => h.startsWith('Received'));
    expect(sentIndex).toBeGreaterThan(-1);
    const sentCell = busy.getByRole('cell').nth(sentIndex);
    await expect(sentCell).toHaveText(/^[\d.,]+ (KiB|MiB)$/, { timeout: 15_000 });
    // The server's end of the busy connection receives what the client sent.
    const busyServerEnd = await endRow(dashboard, talker.port, talker.busy);
    await expect(busyServerEnd.getByRole('cell').nth(receivedIndex)).toHaveText(/^[\d.,]+ (KiB|MiB)$/);

    // Sorting by rate (busiest first on the first click) puts the busy connection's two ends on top.
    await connections(dashboard).getByRole('button', { name: /^Rate/ }).click();
    await expect(connections(dashboard).getByRole('columnheader', { name: /^Rate/ })).toHaveAttribute('aria-sort', 'descending');
    const firstRow = connections(dashboard).locator('[data-key]').first();
    await expect(firstRow).toContainText(`127.0.0.1:${talker.busy}`);
    // The figure is the sender's: 200,000 B/s is 195 KiB/s (a tick may catch one 20 kB chunk more or less).
    await expect
      .poll(async () => Number(/↑ ([\d.]+) KiB\/s/.exec(await busy.innerText())?.[1] ?? Number.NaN), { timeout: 15_000 })
      .toBeGreaterThan(170);
    expect(Number(/↑ ([\d.]+) KiB\/s/.exec(await busy.innerText())?.[1])).toBeLessThan(225);
    await expect(connections(dashboard).locator('[data-key]').nth(1)).toContainText(`127.0.0.1:${talker.busy}`);
    // A row whose only change is its counters does not flash yellow: once its green (new) mark
    // has expired, ticks that move its bytes leave it unmarked.
    await expect(busy).not.toHaveAttribute('data-mark', /.*/, { timeout: 10_000 });
    for (let tick = 0; tick < 3; tick++) {
      const sent = await busy.getByRole('cell').nth(sentIndex).innerText();
      await expect(busy.getByRole('cell').nth(sentIndex)).not.toHaveText(sent);
      await expect(busy).not.toHaveAttribute('data-mark', /.*/, { timeout: 100 });
    }

    // Top talkers: the talker process (195 KiB/s out of one end, into the other).
    const talkers = dashboard.getByRole('figure').filter({ hasText: 'Top talkers' });
    await expect(talkers).toContainText(`(${talker.pid})`);
    await expect(talkers.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(dashboard.getByRole('figure').filter({ hasText: 'Machine traffic' }).locator('.recharts-area').first()).toBeVisible();
    await screen(dashboard, 'traffic-dashboard-1280x800');
    await dashboard.setViewportSize({ width: 1024, height: 640 });
    await screen(dashboard, 'traffic-dashboard-1024x640');
    await dashboard.setViewportSize({ width: 1280, height: 800 });

    // The connection panel: RTT, tcp_info, a sparkline with recorded points.
    await busy.click();
    const panel = dashboard.getByRole('complementary', { name: 'Connection details' });
    await expect(panel).toBeVisible();
    await expect(panel).toContainText(`127.0.0.1:${talker.busy}`);
    await expect(panel).toContainText(`127.0.0.1:${talker.port}`);
    await expect(panel).toContainText(`pid ${talker.pid}`);
    await expect(panel.locator('dt', { hasText: 'RTT' }).locator('+ dd')).toHaveText(/[\d.,]+ ms/);
    await expect(panel.locator('dt', { hasText: 'Congestion window' })).toBeVisible();
    await expect.poll(() => panel.locator('.sparkline-body').getAttribute('data-points').then(Number), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    await expect(panel.locator('.sparkline .recharts-line-curve').first()).toBeVisible();
    await screen(dashboard, 'traffic-connection-panel');
    await dashboard.setViewportSize({ width: 1024, height: 640 });
    await screen(dashboard, 'traffic-connection-panel-1024x640');
    await dashboard.setViewportSize({ width: 1280, height: 800 });

    // Close it: the confirmation names the process and both endpoints.
    await panel.getByRole('button', { name: 'Close connection…' }).click();
    const dialog = dashboard.getByRole('dialog', { name: 'Close this connection?' });
    await expect(dialog).toContainText(`pid ${talker.pid}`);
    await expect(dialog).toContainText(`127.0.0.1:${talker.busy}`);
    await expect(dialog).toContainText(`127.0.0.1:${talker.port}`);
    await screen(dashboard, 'traffic-close-confirm');
    await dashboard.setViewportSize({ width: 1024, height: 640 });
    await screen(dashboard, 'traffic-close-confirm-1024x640');
    await dashboard.setViewportSize({ width: 1280, height: 800 });
    await dialog.getByRole('button', { name: 'Close connection' }).click();
    await expect(panel.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'closed', { timeout: 15_000 });
    await expect(panel).toContainText('Connection closed');
    // The client saw the abort; the other connection to the same listener stays established.
    await expect.poll(() => /"busyError":"(ECONNRESET|ECONNABORTED|EPIPE)"/.test(talker.output()), { timeout: 10_000 }).toBe(true);
    await expect(panel).toContainText('This connection has closed');
    await expect(panel.getByRole('heading', { level: 2 })).toContainText('closed');
    // The panel keeps the last picture, sparkline included.
    await expect(panel.locator('.sparkline .recharts-line-curve').first()).toBeVisible();
    await screen(dashboard, 'traffic-closed');
    await dashboard.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(busy).toBeHidden({ timeout: 15_000 });
    await expect(quiet).toBeVisible();
    await expect(quiet).toContainText('ESTABLISHED');
    expect(talker.output()).not.toContain('quietError');

    // Resolve addresses: 127.0.0.1 is this machine (its loopback interface).
    await dashboard.getByRole('switch', { name: 'Resolve addresses' }).check();
    await expect(quiet.locator('.named-endpoint').first()).toContainText('this machine', { timeout: 10_000 });
    await expect(quiet.locator('.named-endpoint').first()).toHaveAttribute('title', `127.0.0.1:${talker.port}`);
    await screen(dashboard, 'traffic-resolved');
    // The panel names both endpoints too, and keeps the address beside the name.
    await quiet.click();
    await expect(panel).toContainText(`this machine (lo) 127.0.0.1:${talker.quiet}`);
    await dashboard.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    // Remembered across a reload.
    await dashboard.reload();
    await expect(dashboard.getByRole('switch', { name: 'Resolve addresses' })).toBeChecked();
  } finally {
    await talker.stop();
  }
});
