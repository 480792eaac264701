import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinary } from './support/electron-binary';
import { expect, test } from './support/fixtures';
import { repoRoot } from './support/serve';

/**
 * Saving reports in the desktop app: the Save dialog (stubbed in the main process, so no person
 * is needed to click it) and the PDF printed from the HTML report. Runs wherever the Electron
 * binary is installed; elsewhere it prints why and is skipped (the same glue is tested in plain
 * Node by test/app/report-save.test.ts).
 */
const binary = electronBinary();
const why = 'reason' in binary ? binary.reason : process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY ? 'no display (run under xvfb-run)' : null;

let app: ElectronApplication;
let win: Page;
let dir: string;

test.describe('saving reports in the Electron app', () => {
  test.beforeEach(async () => {
    if (why) console.log(`reports-electron.spec.ts: skipped: ${why}`);
    test.skip(why !== null, why ?? '');
    if (app) return;
    dir = await mkdtemp(path.join(tmpdir(), 'portscope-e2e-save-'));
    app = await electron.launch({
      executablePath: (binary as { path: string }).path,
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), path.join(repoRoot, 'dist/electron/main.cjs')],
      cwd: repoRoot,
    });
    win = await app.firstWindow();
    await win.waitForLoadState('domcontentloaded');
    await win.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Reports' }).click();
  });

  test.afterAll(async () => {
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Makes the next Save dialog answer with `file`, as if the user had chosen it. */
  async function answerDialogWith(file: string) {
    await app.evaluate(({ dialog }, chosen) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: chosen })) as typeof dialog.showSaveDialog;
    }, file);
  }

  test('the preload adds one named save function beside the contract', async () => {
    const keys = await win.evaluate(() => Object.keys((globalThis as unknown as { portscopeReports: object }).portscopeReports));
    expect(keys).toEqual(['save']);
  });

  test('saves the HTML report where the dialog says', async () => {
    const file = path.join(dir, 'machine.html');
    await answerDialogWith(file);
    await win.getByLabel('Format').selectOption({ label: 'HTML' });
    await win.getByRole('button', { name: 'Save…' }).click();
    await expect(win.getByRole('status').filter({ hasText: `Saved to ${file}` })).toBeVisible();
    expect(await readFile(file, 'utf8')).toMatch(/^<!doctype html>/i);
  });

  test('prints the report to PDF', async () => {
    const file = path.join(dir, 'machine.pdf');
    await answerDialogWith(file);
    await win.getByLabel('Format').selectOption({ label: 'PDF' });
    await win.getByRole('button', { name: 'Save…' }).click();
    await expect(win.getByRole('status').filter({ hasText: `Saved to ${file}` })).toBeVisible({ timeout: 30_000 });
    const pdf = await readFile(file);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);
  });
});
