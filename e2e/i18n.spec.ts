import type { Page } from '@playwright/test';
import { screen } from './screens';
import { expect, test } from './support/fixtures';

/**
 * Issue 13 against a real `portscope serve`: with the browser's language set to German or Dutch
 * (the context's locale sets navigator.languages and Accept-Language, as a German or Dutch
 * Chromium does), the dashboard, the scan page and the process panel speak it without any
 * setting; the switch in the settings overrides it and is remembered. German runs about 30%
 * longer than English, so each page is photographed at 1280×800 and 1024×640 for a person to
 * check that nothing is clipped or overlaps (artifacts/screenshots/i18n-*.png).
 */

interface Words {
  locale: string;
  lang: string;
  nav: string;
  dashboard: string;
  scan: string;
  diagnose: string;
  listening: string;
  connections: string;
  search: string;
  settings: string;
  language: string;
  panel: string;
  connectionPanel: string;
  traffic: string;
  commandLine: string;
  endProcess: string;
  targets: string;
  ports: string;
  startScan: string;
  results: string;
  diagnosePort: string;
  loopbackOnly: string;
  runDiagnose: string;
  checklist: string;
  verdict: string;
  localOnly: string;
}

const GERMAN: Words = {
  locale: 'de-DE',
  lang: 'de',
  nav: 'Seiten',
  dashboard: 'Übersicht',
  scan: 'Scan',
  diagnose: 'Diagnose',
  listening: 'Lauschende Ports',
  connections: 'Verbindungen',
  search: 'Sockets durchsuchen',
  settings: 'Einstellungen',
  language: 'Sprache',
  panel: 'Prozessdetails',
  connectionPanel: 'Verbindungsdetails',
  traffic: 'Datenverkehr',
  commandLine: 'Befehlszeile',
  endProcess: 'Prozess beenden…',
  targets: 'Ziele',
  ports: 'Ports',
  startScan: 'Scan starten',
  results: 'Scan-Ergebnisse',
  diagnosePort: 'Port auf diesem Rechner',
  loopbackOnly: 'Nur Loopback',
  runDiagnose: 'Diagnose starten',
  checklist: 'Prüfliste',
  verdict: 'Ergebnis',
  localOnly: 'Nur dieser Rechner',
};

const DUTCH: Words = {
  locale: 'nl-NL',
  lang: 'nl',
  nav: 'Pagina’s',
  dashboard: 'Dashboard',
  scan: 'Scan',
  diagnose: 'Diagnose',
  listening: 'Luisterende poorten',
  connections: 'Verbindingen',
  search: 'Sockets zoeken',
  settings: 'Instellingen',
  language: 'Taal',
  panel: 'Procesgegevens',
  connectionPanel: 'Verbindingsgegevens',
  traffic: 'Verkeer',
  commandLine: 'Opdrachtregel',
  endProcess: 'Proces beëindigen…',
  targets: 'Doelen',
  ports: 'Poorten',
  startScan: 'Scan starten',
  results: 'Scanresultaten',
  diagnosePort: 'Poort op deze computer',
  loopbackOnly: 'Alleen loopback',
  runDiagnose: 'Diagnose starten',
  checklist: 'Controlelijst',
  verdict: 'Oordeel',
  localOnly: 'Alleen deze computer',
};

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
] as const;

async function go(page: Page, w: Words, name: string) {
  const link = page.getByRole('navigation', { name: w.nav }).getByRole('link', { name, exact: true });
  await link.click();
  await expect(link).toHaveAttribute('aria-current', 'page');
}

/** The listener's row, narrowed by the (translated) search box so it is on screen whatever the sort. */
async function listenerRow(page: Page, w: Words, port: number) {
  await page.getByLabel(w.search).fill(String(port));
  const table = page.getByRole('table', { name: w.listening });
  await expect(table).toHaveAttribute('aria-rowcount', '2');
  return table.getByRole('row').filter({ has: page.getByRole('cell', { name: String(port), exact: true }) });
}

/** Photographs the page at both sizes (German and Dutch run longer than English: look at these). */
async function shoot(page: Page, name: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    // Let the charts' ResizeObserver and the virtual table settle at the new size.
    await page.waitForTimeout(300);
    await screen(page, `i18n-${name}-${size.width}x${size.height}`);
  }
}

for (const w of [GERMAN, DUTCH]) {
  test.describe(`in ${w.locale}`, () => {
    test.use({ locale: w.locale });

    test('the dashboard speaks the browser language without any setting', async ({ dashboard }) => {
      await expect(dashboard.locator('html')).toHaveAttribute('lang', w.lang);
      await expect(dashboard.getByRole('navigation', { name: w.nav }).getByRole('link', { name: w.dashboard, exact: true })).toHaveAttribute('aria-current', 'page');
      await expect(dashboard.getByRole('heading', { name: new RegExp(`^${w.listening}`) })).toBeVisible();
      await expect(dashboard.getByRole('heading', { name: new RegExp(`^${w.connections}`) })).toBeVisible();
      await expect(dashboard.getByRole('table', { name: w.listening }).getByRole('row').nth(1)).toBeVisible();
      await expect(dashboard).toHaveTitle(new RegExp(`^${w.dashboard} · Portscope`));
      await shoot(dashboard, `${w.lang}-dashboard`);
    });

    test('the process panel is translated', async ({ dashboard, listener }) => {
      const row = await listenerRow(dashboard, w, listener.port);
      await row.click();
      const panel = dashboard.getByRole('complementary', { name: w.panel });
      await expect(panel).toBeVisible();
      await expect(panel.getByText(w.commandLine, { exact: true })).toBeVisible();
      await expect(panel.getByRole('button', { name: w.endProcess })).toBeVisible();
      // States as the OS prints them stay: the listener is LISTEN in every language.
      await expect(panel.getByRole('table')).toContainText('LISTEN');
      await shoot(dashboard, `${w.lang}-process-panel`);
    });

    test('the connection panel is translated', async ({ dashboard, portscope }) => {
      // This page's own WebSocket to `portscope serve` is an established connection on loopback.
      await dashboard.getByLabel(w.search).fill(`port:${portscope.port} state:established`);
      const table = dashboard.getByRole('table', { name: w.connections });
      // Both ends of it, once the (debounced) search applied: then the rows stay put under the mouse.
      // An earlier test's idle keep-alive connections to the host are established too until the
      // server's keep-alive timeout (5 s) closes them, hence the longer wait.
      await expect(table).toHaveAttribute('aria-rowcount', '3', { timeout: 15_000 });
      await table.getByRole('row').nth(1).click();
      const panel = dashboard.getByRole('complementary', { name: w.connectionPanel });
      await expect(panel).toBeVisible();
      await expect(panel.getByRole('heading', { name: w.traffic, level: 3 })).toBeVisible();
      await expect(panel).toContainText('ESTABLISHED');
      await shoot(dashboard, `${w.lang}-connection-panel`);
    });

    test('the scan page is translated, results included', async ({ dashboard, listener }) => {
      await go(dashboard, w, w.scan);
      await dashboard.getByLabel(w.targets, { exact: true }).fill('127.0.0.1');
      await dashboard.getByLabel(w.ports, { exact: true }).fill(String(listener.port));
      await dashboard.getByRole('button', { name: w.startScan }).click();
      const results = dashboard.getByRole('region', { name: w.results });
      await expect(results.getByRole('row').filter({ hasText: String(listener.port) })).toBeVisible({ timeout: 30_000 });
      await expect(dashboard.locator('.scan-summary')).toBeVisible({ timeout: 30_000 });
      await shoot(dashboard, `${w.lang}-scan`);
    });

    test('the diagnosis speaks it too: steps, verdict and next step', async ({ dashboard, listener }) => {
      // The engine diagnoses from its socket table: wait until the listener is in it.
      await expect(await listenerRow(dashboard, w, listener.port)).toBeVisible();
      await go(dashboard, w, w.diagnose);
      await dashboard.getByLabel(w.diagnosePort).fill(String(listener.port));
      await dashboard.getByRole('checkbox', { name: w.loopbackOnly }).check();
      await dashboard.getByRole('button', { name: w.runDiagnose }).click();
      await expect(dashboard.getByRole('status', { name: w.verdict })).toContainText(w.localOnly, { timeout: 20_000 });
      await expect(dashboard.getByRole('region', { name: w.checklist })).toBeVisible();
      await shoot(dashboard, `${w.lang}-diagnose`);
    });
  });
}

test.describe('the language switch', () => {
  test.use({ locale: 'de-DE' });

  test('English chosen in the settings wins over the browser, and is remembered after a reload', async ({ dashboard }) => {
    await expect(dashboard.getByRole('table', { name: GERMAN.listening })).toBeVisible();
    await dashboard.getByRole('button', { name: GERMAN.settings }).click();
    await dashboard.getByLabel(GERMAN.language).selectOption('en');
    await expect(dashboard.getByRole('table', { name: 'Listening ports' })).toBeVisible();
    await expect(dashboard.locator('html')).toHaveAttribute('lang', 'en');
    await dashboard.reload();
    await expect(dashboard.getByRole('table', { name: 'Listening ports' })).toBeVisible();
    // Back to the system's language: German again, and that is remembered too.
    await dashboard.getByRole('button', { name: 'Settings' }).click();
    await dashboard.getByLabel('Language').selectOption('system');
    await expect(dashboard.getByRole('table', { name: GERMAN.listening })).toBeVisible();
    await dashboard.reload();
    await expect(dashboard.getByRole('table', { name: GERMAN.listening })).toBeVisible();
    await expect(dashboard.locator('html')).toHaveAttribute('lang', 'de');
  });
});
