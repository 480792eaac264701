import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { repoRoot } from './support/serve';
import { screen } from './screens';

/**
 * Opening another machine's captures in the app (browser mode, real `portscope serve`): a German
 * `netstat -ano` that PowerShell wrote as UTF-16 reaches the engine as bytes, and shows as the
 * same read-only report view as a saved report. The captures are the shared corpus's real files,
 * read in place (../shared/corpus beside the repository).
 */
const corpus = path.resolve(repoRoot, '../shared/corpus');
const present = existsSync(path.join(corpus, 'PROVENANCE.md'));

test('opens a UTF-16 German netstat -ano capture as a read-only view of that machine', async ({ dashboard }) => {
  test.skip(!present, `the capture corpus is not at ${corpus}`);
  await dashboard.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Reports' }).click();
  const bytes = readFileSync(path.join(corpus, 'windows-netstat/de-DE-netstat-ano-utf16le-bom-full.txt'));
  await dashboard.getByLabel(/netstat, ss, lsof/).setInputFiles({ name: 'netstat_output.txt', mimeType: 'text/plain', buffer: bytes });
  const view = dashboard.getByRole('region', { name: 'Saved report' });
  await expect(view).toBeVisible();
  await expect(view.getByText('Windows netstat -ano capture · read-only')).toBeVisible();
  await expect(view.locator('dd').getByText('(utf-16le)')).toBeVisible();
  const listening = view.getByRole('table', { name: 'Listening ports in the report' });
  const row = listening.getByRole('row').filter({ has: dashboard.getByRole('cell', { name: '3000', exact: true }) }).first();
  await expect(row).toContainText('36352');
  await expect(view.getByText(/pid 4 \(System\) holds 13 listener/)).toBeVisible();
  // Nothing to compare with: the capture is from another machine.
  await expect(view.getByText('Could not compare with the live state.')).toHaveCount(0);
  await expect(view.getByRole('figure').filter({ hasText: 'Exposure' })).toBeVisible();
  await screen(dashboard, 'reports-capture-netstat-de', true);

  // An OEM code page capture (cp866 Russian would need the corpus's UTF-8 one re-encoded: unit test);
  // a lone tasklist shows its processes.
  const tasklist = readFileSync(path.join(corpus, 'windows-powershell/zh-CN-tasklist-table-gbk.txt'));
  await dashboard.getByLabel(/netstat, ss, lsof/).setInputFiles({ name: 'tasklist_output.txt', mimeType: 'text/plain', buffer: tasklist });
  await expect(view.getByText('Windows tasklist capture · read-only')).toBeVisible();
  await expect(view.getByRole('table', { name: 'Processes in the report' }).getByRole('row').filter({ hasText: 'Registry' })).toBeVisible();
  await expect(view.locator('dd').getByText('(gbk)')).toBeVisible();

  // A file in no known format: one line naming what is accepted.
  await dashboard.getByLabel(/netstat, ss, lsof/).setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('just some notes\n') });
  await expect(dashboard.getByRole('alert')).toContainText('notes.txt is not in a format Portscope reads (accepted:');
});
