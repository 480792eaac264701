import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './e2e/support/browser';

/**
 * End-to-end suites: browser mode in Debian's Chromium (e2e/*.spec.ts, fixtures in
 * e2e/support/fixtures.ts) and the Electron app where its binary exists (e2e/electron.spec.ts).
 * The global setup builds dist/ once (set PORTSCOPE_E2E_NO_BUILD=1 to test an existing build).
 * One worker: the machines are small and the specs start real servers and listeners.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  globalSetup: './e2e/support/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    browserName: 'chromium',
    launchOptions: {
      // Debian's Chromium when present (Playwright's own browsers cannot be downloaded here).
      ...(existsSync(chromiumPath()) ? { executablePath: chromiumPath() } : {}),
      args: CHROMIUM_ARGS,
    },
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
