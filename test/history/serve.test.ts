import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import type net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN } from '../support/cli';
import { SocketBag } from '../support/sockets';
import { historyJson, sleep, tempDataDir, waitUntil } from './support';

const bag = new SocketBag();
const cleanups: Array<() => void> = [];
afterEach(async () => {
  await bag.closeAll();
  for (const c of cleanups.splice(0)) c();
});

function serve(args: string[]) {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  cleanups.unshift(() => child.kill('SIGKILL'));
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  return { child, url: () => out.split('\n')[0] };
}

describe('portscope serve records history', () => {
  it('records while serving, with no browser connected', async () => {
    const { dir, remove } = tempDataDir();
    cleanups.push(remove);
    const s = serve(['--data-dir', dir]);
    await waitUntil('URL', () => s.url()?.startsWith('http'));
    await waitUntil('database', () => existsSync(path.join(dir, 'history.sqlite')));
    await sleep(1500);
    const server = await bag.listen('127.0.0.1');
    const p = String((server.address() as net.AddressInfo).port);
    const e = await waitUntil('recorded', () => historyJson(dir, ['--port', p]).find((x) => x.kind === 'opened'), 20_000);
    expect(e.owner.pid).toBe(process.pid);
    s.child.kill('SIGTERM');
    await once(s.child, 'exit');
  });

  it('--no-history records nothing', async () => {
    const { dir, remove } = tempDataDir();
    cleanups.push(remove);
    const s = serve(['--no-history', '--data-dir', dir]);
    await waitUntil('URL', () => s.url()?.startsWith('http'));
    await sleep(2000);
    expect(existsSync(path.join(dir, 'history.sqlite'))).toBe(false);
  });
});
