import net from 'node:net';
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

describe('portscope watch across TCP states', () => {
  it('shows a connection closed actively as changed (~) to TIME_WAIT, not as closed and new', async () => {
    const server = await bag.listen('127.0.0.1');
    const port = portOf(server);
    const watch = portscopeAsync(['watch', '--all', '--interval', '250ms', '--port', String(port)]);
    let out = '';
    watch.stdout.on('data', (d: Buffer) => (out += d.toString()));
    watch.stderr.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await waitFor(() => out, /^watching \d+ sockets?/m);
      const client = net.connect({ host: '127.0.0.1', port });
      await new Promise<void>((resolve, reject) => client.once('connect', resolve).once('error', reject));
      const local = `127\\.0\\.0\\.1:${client.localPort} -> 127\\.0\\.0\\.1:${port}`;
      await waitFor(() => out, new RegExp(`^\\S+ \\+ tcp ${local} ESTABLISHED`, 'm'));
      client.destroy();
      await waitFor(() => out, new RegExp(`^\\S+ ~ tcp ${local} TIME_WAIT`, 'm'));
      expect(out).not.toMatch(new RegExp(`^\\S+ - tcp ${local}`, 'm'));
      expect(out.match(new RegExp(`^\\S+ \\+ tcp ${local}`, 'gm'))).toHaveLength(1);
    } finally {
      watch.kill('SIGINT');
    }
  });
});
