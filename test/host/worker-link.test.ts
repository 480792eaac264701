import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract';
import type { EngineLink } from '../../electron/host/engine-link';
import { locateEngineWorker } from '../../electron/host/worker/locate';
import { createWorkerLink } from '../../electron/host/worker/worker-link';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('the engine in a worker thread (real engine, from source)', () => {
  let link: EngineLink;

  beforeAll(async () => {
    const entry = locateEngineWorker(new URL('../../electron/host/worker/locate.ts', import.meta.url).href);
    link = createWorkerLink({ entry, engine: { transport: 'browser' } });
  });

  afterAll(async () => {
    await link?.close();
  });

  it('answers calls across the thread boundary as JSON text', async () => {
    const hello = JSON.parse(await link.call('contract.hello', { version: '1.0.0' }));
    expect(hello).toMatchObject({ transport: 'browser', platform: process.platform });
    expect(hello.hostname).toEqual(expect.any(String));
  });

  it('carries engine error codes back', async () => {
    await expect(link.call('contract.hello', { version: '99.0.0' })).rejects.toMatchObject({ code: 'bad-request' });
    await expect(link.call('contract.hello', { version: '99.0.0' })).rejects.toBeInstanceOf(ContractError);
  });

  it('streams socket deltas from the worker: a new listener shows up', async () => {
    await link.call('monitor.configure', { intervalMs: 250 });
    const other = createServer();
    const seen = new Promise<void>((resolve) => {
      const off = link.on('sockets.delta', (json) => {
        const delta = JSON.parse(json) as { added: Array<{ localPort: number; state: string }> };
        if (delta.added.some((r) => r.state === 'LISTEN' && r.localPort === (other.address() as { port: number } | null)?.port)) {
          off();
          resolve();
        }
      });
    });
    // The first refresh is the baseline; open the new listener after it.
    await new Promise((r) => setTimeout(r, 600));
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    await seen;
    other.close();
  });
});

describe('worker crashes', () => {
  it('fails the calls in flight with unavailable, restarts, and re-subscribes', async () => {
    const logs: string[] = [];
    const link = createWorkerLink({ entry: { file: path.join(here, 'fixtures/crashy-worker.mjs') }, engine: { transport: 'browser' }, restartDelayMs: 50, log: (m) => logs.push(m) });
    try {
      expect(JSON.parse(await link.call('contract.hello', { version: '1' }))).toEqual({ echo: { version: '1' } });
      const events: string[] = [];
      link.on('monitor.error', (json) => events.push(json));
      await expect(link.call('process.details', { pid: 1 })).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('exit code 7') });
      // After the restart the subscription is renewed (the fake emits once per subscribe).
      await new Promise((r) => setTimeout(r, 800));
      expect(events.length).toBe(2);
      expect(JSON.parse(await link.call('contract.hello', { version: '2' }))).toEqual({ echo: { version: '2' } });
      expect(logs.some((l) => l.includes('restarting'))).toBe(true);
    } finally {
      await link.close();
    }
    await expect(link.call('contract.hello', { version: '1' })).rejects.toMatchObject({ code: 'unavailable' });
  });
});

describe('worker output', () => {
  it('never reaches stdout (it goes to stderr), so `serve` keeps stdout for its URL', async () => {
    const { spawnSync } = await import('node:child_process');
    const script = `
      import { createWorkerLink } from './electron/host/worker/worker-link.ts';
      const link = createWorkerLink({ entry: { file: ${JSON.stringify(path.join(here, 'fixtures/chatty-worker.mjs'))} }, engine: { transport: 'cli' } });
      await link.call('contract.hello', {});
      await new Promise((r) => setTimeout(r, 200));
      await link.close();
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('chatter from the engine');
  });
});
