import { afterAll, describe, expect, it } from 'vitest';
import { portscopeAsync } from '../support/cli';
import { portOf, SocketBag } from '../support/sockets';

const bag = new SocketBag();
afterAll(() => bag.closeAll());

function waitFor(read: () => string, pattern: RegExp, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (pattern.test(read())) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(poll);
        reject(new Error(`timed out waiting for ${pattern}; got:\n${read()}`));
      }
    }, 50);
  });
}

describe('portscope watch (piped)', () => {
  it('prints new (+) and closed (-) sockets as they come and go, and stops cleanly on SIGINT', async () => {
    const watch = portscopeAsync(['watch', '--interval', '250ms', '--pid', String(process.pid)]);
    let out = '';
    watch.stdout.on('data', (d: Buffer) => (out += d.toString()));
    watch.stderr.on('data', (d: Buffer) => (out += d.toString()));
    await waitFor(() => out, /^watching \d+ sockets every 250 ms$/m);
    const server = await bag.listen('127.0.0.1');
    const port = portOf(server);
    await waitFor(() => out, new RegExp(`^\\d\\d:\\d\\d:\\d\\d \\+ tcp 127\\.0\\.0\\.1:${port} LISTEN loopback ${process.pid}/node$`, 'm'));
    await new Promise<void>((r) => server.close(() => r()));
    await waitFor(() => out, new RegExp(`^\\d\\d:\\d\\d:\\d\\d - tcp 127\\.0\\.0\\.1:${port} LISTEN`, 'm'));
    const exited = new Promise<number | null>((r) => watch.once('exit', (code) => r(code)));
    watch.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('stops by itself after --count refreshes', async () => {
    const watch = portscopeAsync(['watch', '--interval', '250ms', '--count', '2']);
    const code = await new Promise<number | null>((r) => watch.once('exit', (c) => r(c)));
    expect(code).toBe(0);
  });
});
