/** Debian's Chromium, or another one named by PORTSCOPE_CHROMIUM. */
export function chromiumPath(): string {
  return process.env.PORTSCOPE_CHROMIUM ?? '/usr/bin/chromium';
}

/**
 * Flags for a quiet, reproducible headless Chromium: no sandbox (the tests run as root in a
 * container, where Chromium's setuid sandbox cannot start), no GPU, and no traffic of its own
 * (component updates, safe browsing, first-run pings) so only the test's requests hit the wire.
 * Playwright gives every launch a fresh temporary profile (user-data-dir).
 */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
