import { afterEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/contract';
import { connectSocketFeed, type LiveFeed } from '../../renderer/stores/sockets/feed';
import { createSocketStore } from '../../renderer/stores/sockets/store';
import { FakeClient, makeDelta, makeRow, makeSnapshot } from './fixtures';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('live feed', () => {
  let feed: LiveFeed | null = null;
  afterEach(() => feed?.dispose());

  it('subscribes before the snapshot and applies deltas that arrive while it is in flight', async () => {
    const a = makeRow({ localPort: 22 });
    const b = makeRow({ localPort: 80 });
    const client = new FakeClient();
    let release: (s: Snapshot) => void = () => {};
    client.handle('sockets.snapshot', () => new Promise<Snapshot>((r) => (release = r)));
    const store = createSocketStore();
    feed = connectSocketFeed(client, store);
    expect(client.listenerCount('sockets.delta')).toBe(1);
    expect(store.getState().status).toBe('loading');
    // The delta overtakes the snapshot answer: it is held, then applied after it.
    client.emit('sockets.delta', makeDelta(4, { added: [b] }, 2));
    release(makeSnapshot([a], 3));
    await flush();
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.table.seq).toBe(4);
    expect(s.table.rows.get(b.id)?.mark).toBe('new');
    expect(s.history.length).toBe(2);
  });

  it('re-snapshots after a gap in the sequence and after a reconnect', async () => {
    const a = makeRow({ localPort: 22 });
    const client = new FakeClient();
    let seq = 1;
    client.handle('sockets.snapshot', () => makeSnapshot([a], seq));
    const store = createSocketStore();
    feed = connectSocketFeed(client, store);
    await flush();
    expect(store.getState().table.seq).toBe(1);
    seq = 7;
    client.emit('sockets.delta', makeDelta(7, {}, 1)); // previousSeq 6 != 1: events were lost
    await flush();
    expect(store.getState().table.seq).toBe(7);
    seq = 12;
    client.reconnect();
    await flush();
    expect(store.getState().table.seq).toBe(12);
    expect(client.calls.filter((c) => c.name === 'sockets.snapshot').length).toBe(3);
  });

  it('re-snapshots when the row count disagrees with the engine', async () => {
    const client = new FakeClient();
    let seq = 1;
    client.handle('sockets.snapshot', () => makeSnapshot([makeRow()], seq));
    const store = createSocketStore();
    feed = connectSocketFeed(client, store);
    await flush();
    seq = 2;
    client.emit('sockets.delta', makeDelta(2, {}, 5));
    await flush();
    expect(client.calls.filter((c) => c.name === 'sockets.snapshot').length).toBe(2);
  });

  it('pause freezes the table and tells the engine; resume catches up with a snapshot', async () => {
    const a = makeRow({ localPort: 22 });
    const b = makeRow({ localPort: 80 });
    const client = new FakeClient();
    let rows = [a];
    let seq = 1;
    client.handle('sockets.snapshot', () => makeSnapshot(rows, seq));
    client.handle('monitor.configure', (req) => ({ intervalMs: 1000, paused: req.paused ?? false }));
    const store = createSocketStore();
    feed = connectSocketFeed(client, store);
    await flush();
    await feed.pause();
    expect(client.calls.at(-1)).toEqual({ name: 'monitor.configure', request: { paused: true } });
    client.emit('sockets.delta', makeDelta(2, { added: [b] }, 2));
    expect(store.getState().table.rows.has(b.id)).toBe(false);
    rows = [b];
    seq = 5;
    await feed.resume();
    const t = store.getState().table;
    expect(store.getState().paused).toBe(false);
    expect(t.rows.get(b.id)?.mark).toBe('new');
    expect(t.rows.get(a.id)?.mark).toBe('closing');
  });

  it('shows an error while no table could be loaded, and retries', async () => {
    const client = new FakeClient();
    let fail = true;
    client.handle('sockets.snapshot', () => {
      if (fail) throw new Error('engine unavailable');
      return makeSnapshot([makeRow()], 1);
    });
    const store = createSocketStore();
    feed = connectSocketFeed(client, store, { retryMs: 10 });
    await flush();
    expect(store.getState().status).toBe('error');
    expect(store.getState().error).toBe('engine unavailable');
    fail = false;
    await new Promise((r) => setTimeout(r, 40));
    expect(store.getState().status).toBe('ready');
  });
});
