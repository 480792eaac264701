import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHost } from '../../electron/host/server';
import { FakeLink } from './support/fake-link';
import { connectWs, loginSession } from './support/http';

describe('a dashboard that stops reading', () => {
  it('misses deltas instead of making the server buffer them all, then catches up with a visible seq gap', async () => {
    const link = new FakeLink();
    const host = await startHost({ link, rendererDir: await mkdtemp(path.join(tmpdir(), 'portscope-bp-')), port: 0, fanout: { softLimitBytes: 256 * 1024 } });
    try {
      const c = await connectWs(host.port, '/ws', {}, host.origin, (await loginSession(host.port, host.token)).protocols);
      if (!c.ok) throw new Error('refused');
      const seqs: number[] = [];
      c.ws.on('message', (data) => {
        const msg = JSON.parse(data.toString()) as { type: string; payload?: { seq: number } };
        if (msg.type === 'event') seqs.push(msg.payload!.seq);
      });
      await c.messages.next((m) => m.type === 'hello');
      c.ws.send(JSON.stringify({ type: 'subscribe', name: 'sockets.delta' }));
      await expect.poll(() => link.subscriberCount('sockets.delta')).toBe(1);

      // The client stops reading; the engine keeps producing 64 KiB deltas (20 MiB in all).
      c.ws.pause();
      const filler = 'x'.repeat(64 * 1024);
      const total = 320;
      for (let seq = 1; seq <= total; seq++) link.emit('sockets.delta', { seq, previousSeq: seq - 1, filler });

      c.ws.resume();
      // Everything the server did queue arrives; then the next delta is delivered again.
      await expect.poll(() => seqs.length, { timeout: 10_000 }).toBeGreaterThan(0);
      let settled = -1;
      await expect.poll(() => (settled === seqs.length ? true : ((settled = seqs.length), false)), { timeout: 10_000, interval: 200 }).toBe(true);
      link.emit('sockets.delta', { seq: total + 1, previousSeq: total, filler: '' });
      await expect.poll(() => seqs.at(-1), { timeout: 10_000 }).toBe(total + 1);

      // Some were skipped (bounded buffering), the first ones came in order, and the last one's
      // previousSeq (320) differs from the last seq the client applied before it: the resync signal.
      expect(seqs.length).toBeLessThan(total);
      expect(seqs.slice(0, 3)).toEqual([1, 2, 3]);
      expect(seqs.at(-2)).toBeLessThan(total);
      c.ws.close();
    } finally {
      await host.close();
    }
  });
});
