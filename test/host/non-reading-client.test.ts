import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SocketBag } from '../support/sockets';
import { loginSession } from './support/http';
import { maskedTextFrame, rawWsConnect, readUntilClose } from './support/raw-ws';
import { openSession, spawnServe } from './support/session';

/**
 * A client that keeps asking for `sockets.snapshot` and never reads the answers, against a real
 * `portscope serve` (engine in its worker), its memory read from /proc/<pid>/status. The server
 * must drop it with a close code that says why, stay small meanwhile, and give the memory back.
 */

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let serve: Awaited<ReturnType<typeof spawnServe>>;
const bag = new SocketBag();

beforeAll(async () => {
  // Enough sockets that a snapshot answer is a few hundred KiB, as on a busy server.
  const server = await bag.listen('127.0.0.1');
  const { port } = server.address() as { port: number };
  for (let i = 0; i < 400; i++) await bag.connect('127.0.0.1', port);
  serve = await spawnServe();
}, 60_000);

afterAll(async () => {
  if (serve && serve.child.exitCode === null) {
    serve.child.kill('SIGTERM');
    await once(serve.child, 'exit');
  }
  await bag.closeAll();
});

describe('a client that stops reading its answers', () => {
  it('is dropped with 4008 "Not reading", the server stays bounded and gives the memory back', async () => {
    const warm = await openSession(serve.port, serve.token);
    const first = await warm.call<{ ok: boolean; value: { rows: unknown[] } }>('sockets.snapshot', {});
    const answerBytes = JSON.stringify(first.value).length;
    warm.close();
    expect(first.value.rows.length).toBeGreaterThan(400);
    await sleep(500);
    const before = rssMiB(serve.child.pid!);

    const { protocols } = await loginSession(serve.port, serve.token);
    const raw = await rawWsConnect(serve.port, protocols);
    const batch = Buffer.concat(Array.from({ length: 200 }, (_, i) => maskedTextFrame(JSON.stringify({ type: 'call', id: i + 1, name: 'sockets.snapshot', payload: {} }))));
    let peak = before;
    let sentCalls = 0;
    const started = Date.now();
    const dropped = () => serve.stderr().includes('not reading');
    while (!dropped() && Date.now() - started < 10_000) {
      if (raw.socket.writableLength < 1024 * 1024 && !raw.socket.destroyed) {
        raw.socket.write(batch);
        sentCalls += 200;
      }
      peak = Math.max(peak, rssMiB(serve.child.pid!));
      await sleep(20);
    }
    const droppedAfterMs = Date.now() - started;
    // Told why: the close frame waits behind what was queued, so read now, within the grace.
    const close = await readUntilClose(raw);
    // Answers already asked of the engine (at most the in-flight cap) still arrive after the drop:
    // keep watching for 5 s, and take the lowest figure of the last 2 s as "after".
    let after = Infinity;
    for (let t = 0; t < 5000; t += 50) {
      const now = rssMiB(serve.child.pid!);
      peak = Math.max(peak, now);
      if (t >= 3000) after = Math.min(after, now);
      await sleep(50);
    }
    console.log(
      `non-reading client: answer ${(answerBytes / 1024).toFixed(0)} KiB, ${sentCalls} calls sent, dropped after ${droppedAfterMs} ms; ` +
        `server VmRSS before ${before.toFixed(1)} MiB, peak ${peak.toFixed(1)} MiB, 3-5 s after ${after.toFixed(1)} MiB`,
    );

    expect(dropped()).toBe(true);
    expect(close).toMatchObject({ code: 4008 });
    expect(close!.reason).toContain('Not reading');
    // The budget is 16 MiB of unsent answers per connection, plus the answers in flight and
    // garbage not yet collected; the unfixed server grew by 1.2 GB and more here, and kept it.
    expect(peak - before).toBeLessThan(250);
    expect(after - before).toBeLessThan(120);

    // And it still serves everyone else.
    const next = await openSession(serve.port, serve.token);
    expect(await next.call('contract.hello', { version: '1.0.0' })).toMatchObject({ ok: true });
    next.close();
  }, 60_000);
});
