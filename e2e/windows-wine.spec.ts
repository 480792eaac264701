import { readFileSync } from 'node:fs';
// @ts-expect-error plain JS helper shared with the Wine suite, .ci/run and the benchmark
import { prepareWindowsNode, startWindowsNode } from '../scripts/wine/windows-node.mjs';
import { screen } from './screens';
import { expect, openTcpListener, test } from './support/fixtures';

/**
 * The dashboard in Chromium, served by `portscope serve` running in the official Windows Node.js
 * under Wine: the table is the Windows engine's view (IP Helper API through koffi).
 */
const notReady: string | null = prepareWindowsNode();

test.skip(notReady !== null, `Windows build under Wine: ${notReady}`);

test("the dashboard shows the Windows engine's sockets and says what Wine does not show", async ({ page }) => {
  test.setTimeout(180_000);
  const listener = await openTcpListener();
  const { child, outFile } = startWindowsNode(['bin/portscope.js', 'serve', '--port', '0']);
  try {
    let url = '';
    for (let i = 0; i < 900 && !url; i++) {
      const line = readFileSync(outFile, 'utf8').split(/\r?\n/)[0] ?? '';
      if (line.startsWith('http://')) url = line;
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    await page.goto(url);
    const table = page.getByRole('table', { name: 'Listening ports' });
    await page.getByLabel('Search sockets').fill(String(listener.port));
    await expect(table).toHaveAttribute('aria-rowcount', '2', { timeout: 60_000 });
    const row = table.getByRole('row').filter({ has: page.getByRole('cell', { name: String(listener.port), exact: true }) });
    await expect(row.getByRole('cell', { name: '127.0.0.1', exact: true })).toBeVisible();
    await expect(page.getByRole('note', { name: 'What this system does not show' })).toContainText('Wine does not name the owners of TCP sockets');
    await expect(page).toHaveTitle(/Portscope/);
    await screen(page, 'dashboard-windows-under-wine');
  } finally {
    child.kill('SIGKILL');
    await listener.close();
  }
});
