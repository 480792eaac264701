import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { AgentNamespace, netnsUnavailable, type AgentProcess } from '../test/fleet/support/agent-ns';
import { screen } from './screens';
import { expect, test } from './support/fixtures';
import { startServe, type ServeHandle } from './support/serve';

/**
 * Remote machines in browser mode: a real agent in a network namespace this spec creates
 * (reached over veth, TLS, a token), a real `portscope serve` with its own data folder, and the
 * page adding the agent (fingerprint shown and confirmed), switching to it, and seeing a listener
 * opened in the namespace within 3 s. The page talks only to its own host; the host talks to the
 * agent.
 */

const why = netnsUnavailable();
test.skip(why !== null, `needs network namespaces: ${why}`);

let ns: AgentNamespace;
let agent: AgentProcess;
let serve: ServeHandle;
let dataDir: string;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  ns = new AgentNamespace();
  agent = await ns.startAgent();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-fleet-e2e-'));
  serve = await startServe({ args: ['--data-dir', dataDir, '--no-history'] });
});

test.afterAll(async () => {
  await serve?.stop();
  await agent?.stop();
  ns?.destroy();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const machine = (page: Page) => page.getByRole('combobox', { name: 'Machine' });
const listening = (page: Page) => page.getByRole('table', { name: 'Listening ports' });

async function openAddMachine(page: Page) {
  await machine(page).selectOption({ label: 'Add machine…' });
  const dialog = page.getByRole('dialog', { name: 'Add machine' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a wrong pasted fingerprint is refused and nothing is added', async ({ page }) => {
  await page.goto(serve.url);
  const dialog = await openAddMachine(page);
  await dialog.getByLabel('Address').fill(`${ns.agentAddr}:9480`);
  await dialog.getByLabel('Token').fill(ns.token);
  await dialog.getByLabel(/^Fingerprint/).fill(agent.fingerprint.replace(/^[0-9A-F]{2}/, (h) => (h === '00' ? '11' : '00')));
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog.getByRole('alert')).toContainText(`presents fingerprint ${agent.fingerprint}`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(fs.existsSync(path.join(dataDir, 'machines.json'))).toBe(false);
});

test('add the agent (fingerprint confirmed), switch to it, and see a fresh listener there within 3 s', async ({ page }) => {
  await page.goto(serve.url);
  const dialog = await openAddMachine(page);
  await dialog.getByLabel('Address').fill(`${ns.agentAddr}:9480`);
  await dialog.getByLabel('Token').fill(ns.token);
  await dialog.getByLabel(/^Name/).fill('lab agent');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  // The fingerprint the agent printed is the one the page shows.
  await expect(dialog.getByLabel('Presented fingerprint')).toHaveText(agent.fingerprint);
  await screen(page, 'fleet-add-machine-fingerprint');
  await dialog.getByRole('button', { name: 'The fingerprints match: add it' }).click();
  await expect(dialog).toBeHidden();
  expect(fs.statSync(path.join(dataDir, 'machines.json')).mode & 0o777).toBe(0o600);

  // Added and selected; back to this machine, then switch to it again.
  await expect(page.getByText('read-only', { exact: true })).toBeVisible();
  await machine(page).selectOption({ label: 'This machine' });
  await expect(page.getByText('read-only', { exact: true })).toBeHidden();
  const id = await machine(page).locator('option', { hasText: 'lab agent' }).getAttribute('value');
  await machine(page).selectOption(id!);
  await expect(page.getByText('read-only', { exact: true })).toBeVisible();

  // The agent's own listener, on its veth address: this is the namespace's table.
  await page.getByLabel('Search sockets').fill('9480');
  await expect(listening(page).getByRole('cell', { name: ns.agentAddr, exact: true })).toBeVisible();

  await page.getByLabel('Search sockets').fill('7555');
  await expect(listening(page)).toHaveAttribute('aria-rowcount', '1');
  const listener = await ns.listen(7555);
  try {
    const opened = Date.now();
    const row = listening(page).getByRole('row').filter({ has: page.getByRole('cell', { name: '7555', exact: true }) });
    await expect(row).toBeVisible({ timeout: 3000 });
    const took = Date.now() - opened;
    console.log(`fleet: a listener in the namespace appeared in the page after ${took} ms`);
    expect(took).toBeLessThan(3000);
    await screen(page, 'fleet-remote-listener');

    // Its process panel: the agent is read-only, so End process is not offered.
    await row.click();
    const panel = page.getByRole('complementary', { name: 'Process details' });
    await expect(panel).toContainText(`pid ${listener.pid}`);
    await expect(panel.getByRole('button', { name: 'End process…' })).toHaveCount(0);
    await expect(panel).toContainText('read-only');
  } finally {
    listener.stop();
  }
});

test('the choice survives a reload; a stopped agent is shown as unreachable, then live again; removed in another tab, this machine', async ({ page, context }) => {
  test.setTimeout(90_000);
  await page.goto(serve.url);
  // The previous test added "lab agent" and left it selected, and the host remembered it; run
  // alone, this test adds it first (the printed fingerprint pasted).
  await expect(machine(page).locator('option', { hasText: 'This machine' })).toHaveCount(1);
  await page.waitForTimeout(500); // the list's first answer, and the reopening it starts
  if ((await machine(page).locator('option', { hasText: 'lab agent' }).count()) === 0) {
    const dialog = await openAddMachine(page);
    await dialog.getByLabel('Address').fill(`${ns.agentAddr}:9480`);
    await dialog.getByLabel('Token').fill(ns.token);
    await dialog.getByLabel(/^Name/).fill('lab agent');
    await dialog.getByLabel(/^Fingerprint/).fill(agent.fingerprint);
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(machine(page).locator('option:checked')).toContainText('lab agent');
  await expect(page.getByText('read-only', { exact: true })).toBeVisible();
  await page.reload();
  await expect(machine(page).locator('option:checked')).toContainText('lab agent');
  await page.getByLabel('Search sockets').fill('9480');
  await expect(listening(page).getByRole('cell', { name: ns.agentAddr, exact: true })).toBeVisible();

  // The agent goes away: its name, reconnecting, when it was last seen; not a live-looking table.
  await agent.stop();
  const banner = page.getByRole('alert').filter({ hasText: 'lab agent is unreachable' });
  await expect(banner).toBeVisible({ timeout: 6000 });
  await expect(banner).toContainText('reconnecting…');
  await expect(banner).toContainText(/Last seen \S+/);
  await screen(page, 'fleet-agent-unreachable');
  agent = await ns.startAgent();
  await expect(banner).toBeHidden({ timeout: 20_000 });
  // A fresh snapshot: the restarted agent's own listener (its new pid; the old one shows as gone).
  await expect(listening(page).getByRole('cell', { name: String(agent.child.pid), exact: true })).toBeVisible();

  // Reloaded while the agent is down: this machine, with a note saying why (never an empty page).
  await agent.stop();
  await page.reload();
  const note = page.getByRole('alert').filter({ hasText: 'Could not reopen lab agent:' });
  await expect(note).toBeVisible({ timeout: 15_000 });
  await expect(note).toContainText('Showing this machine.');
  await expect(machine(page)).toHaveValue('');
  await page.getByLabel('Search sockets').fill('');
  await expect(listening(page).getByRole('row').nth(1)).toBeVisible(); // this machine's own table
  await screen(page, 'fleet-reopen-failed');
  agent = await ns.startAgent();
  const id = await machine(page).locator('option', { hasText: 'lab agent' }).getAttribute('value');
  await machine(page).selectOption(id!);
  await expect(page.getByText('read-only', { exact: true })).toBeVisible();

  // Another tab removes it: this one goes back to this machine and says why.
  const other = await context.newPage();
  await other.goto(serve.url);
  await expect(machine(other).locator('option:checked')).toContainText('lab agent');
  other.once('dialog', (d) => void d.accept());
  await other.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'lab agent was removed from the machine list in another window or tab' })).toBeVisible({ timeout: 5000 });
  await expect(machine(page)).toHaveValue('');
  await expect(listening(page).getByRole('cell', { name: ns.agentAddr, exact: true })).toHaveCount(0);
  await screen(page, 'fleet-removed-elsewhere');
  await other.close();
});

test('an agent with --allow-control offers End process, and it ends the process in the namespace', async ({ page }) => {
  const controlDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-fleet-control-'));
  const controlled = await ns.startAgent(['--allow-control'], 9481, controlDir);
  const listener = await ns.listen(7666);
  try {
    await page.goto(serve.url);
    const dialog = await openAddMachine(page);
    await dialog.getByLabel('Address').fill(`${ns.agentAddr}:9481`);
    await dialog.getByLabel('Token').fill(ns.token);
    await dialog.getByLabel(/^Name/).fill('controlled agent');
    // The printed fingerprint pasted up front: the host compares, no second step.
    await dialog.getByLabel(/^Fingerprint/).fill(controlled.fingerprint);
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await expect(dialog).toBeHidden();
    await expect(machine(page).locator('option:checked')).toContainText('controlled agent');
    await expect(page.getByText('read-only', { exact: true })).toBeHidden();

    await page.getByLabel('Search sockets').fill('7666');
    const row = listening(page).getByRole('row').filter({ has: page.getByRole('cell', { name: '7666', exact: true }) });
    await row.click();
    const panel = page.getByRole('complementary', { name: 'Process details' });
    await expect(panel).toContainText(`pid ${listener.pid}`);
    await panel.getByRole('button', { name: 'End process…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /^End / }).click();
    await expect(panel).toContainText(/ended|exited/i, { timeout: 10_000 });
    await expect.poll(() => {
      try {
        process.kill(listener.pid, 0);
        return 'running';
      } catch {
        return 'gone';
      }
    }).toBe('gone');
  } finally {
    listener.stop();
    await controlled.stop();
    fs.rmSync(controlDir, { recursive: true, force: true });
  }
});
