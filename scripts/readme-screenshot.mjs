// `npm run screenshot`: the README's dashboard picture (docs/dashboard.png), taken the way a person
// sees it: a real `portscope serve` on loopback, opened in Debian's Chromium (or PORTSCOPE_CHROMIUM)
// through Playwright, once the live tables have rows. Run it after UI changes and look at the file.
// As root on Linux it runs in a network namespace of its own (unshare -n), so the picture shows
// the listeners it opens (a web server, a database, DNS) rather than whatever else the machine runs.
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import { once } from 'node:events';
import { existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs/dashboard.png');
const chromiumPath = process.env.PORTSCOPE_CHROMIUM ?? '/usr/bin/chromium';

if (process.platform === 'linux' && process.getuid?.() === 0 && !process.env.PORTSCOPE_SCREENSHOT_NETNS) {
  const r = spawnSync('unshare', ['-n', 'sh', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, fileURLToPath(import.meta.url)], {
    stdio: 'inherit',
    env: { ...process.env, PORTSCOPE_SCREENSHOT_NETNS: '1' },
  });
  process.exit(r.status ?? 1);
}

// Listeners of our own, as a developer's machine might have them. In the namespace they are the
// only ones; outside it they are added to the machine's.
const inNamespace = Boolean(process.env.PORTSCOPE_SCREENSHOT_NETNS);
const tcp = [
  ['0.0.0.0', inNamespace ? 8080 : 0],
  ['127.0.0.1', inNamespace ? 5432 : 0],
  ['::1', inNamespace ? 6379 : 0],
  ['127.0.0.1', inNamespace ? 3000 : 0],
].map(([host, port]) => net.createServer((c) => c.on('error', () => {})).listen(port, host));
await Promise.all(tcp.map((s) => once(s, 'listening')));
const udp = dgram.createSocket('udp4');
udp.bind(inNamespace ? 5353 : 0, '0.0.0.0');
await once(udp, 'listening');
// A few connections, so the Connections table has rows too.
const clients = await Promise.all(
  tcp.slice(0, 3).map((s) => {
    const { address, port } = s.address();
    const c = net.connect(port, address === '0.0.0.0' ? '127.0.0.1' : address);
    return once(c, 'connect').then(() => c);
  }),
);
const listener = { close: () => [...tcp, udp].forEach((s) => s.close()) };

const serve = spawn(process.execPath, [path.join(root, 'bin/portscope.js'), 'serve', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
const [url] = await once(createInterface({ input: serve.stdout }), 'line');
const browser = await chromium.launch({
  ...(existsSync(chromiumPath) ? { executablePath: chromiumPath } : {}),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  await page.goto(String(url));
  await page.getByRole('table', { name: 'Listening ports' }).getByRole('row').nth(1).waitFor();
  // Let the charts draw a few samples.
  await page.waitForTimeout(12_000);
  mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`portscope: wrote ${path.relative(root, out)}`);
} finally {
  await browser.close();
  serve.kill('SIGTERM');
  for (const c of clients) c.destroy();
  listener.close();
}
