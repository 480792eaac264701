import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryEventRecord, TrackedSocket } from '../../electron/engine/history/events';
import { queryEvents } from '../../electron/engine/history/query';
import { applyRetention } from '../../electron/engine/history/retention';
import { parseSince } from '../../electron/engine/history/since';
import { HistoryStore, WRITER_STALE_MS } from '../../electron/engine/history/store';
import { tempDataDir } from './support';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function open(dir?: string): HistoryStore {
  let d = dir;
  if (!d) {
    const t = tempDataDir();
    cleanups.push(t.remove);
    d = t.dir;
  }
  const s = HistoryStore.open(d, { create: true });
  cleanups.unshift(() => s.close());
  return s;
}

function socket(over: Partial<TrackedSocket> = {}): TrackedSocket {
  return {
    key: `k${Math.random()}`,
    listener: false,
    protocol: 'tcp',
    family: 4,
    localAddress: '127.0.0.1',
    localPort: 40000 + Math.floor(Math.random() * 20000),
    remoteAddress: '127.0.0.1',
    remotePort: 8080,
    servicePort: 8080,
    state: 'ESTABLISHED',
    exposure: 'loopback',
    risky: false,
    owner: { pid: 1234, name: 'curl', exe: '/usr/bin/curl', user: 'me', startTime: null, status: 'known' },
    ...over,
  };
}

const ev = (at: number, kind: HistoryEventRecord['kind'], s: TrackedSocket): HistoryEventRecord => ({ at, kind, socket: s, previous: null, note: null });

describe('history store', () => {
  it('groups short connections to one endpoint from one process into one row per minute', () => {
    const store = open();
    expect(store.tryAcquireWriter('test')).toBe(true);
    const t0 = Date.UTC(2026, 0, 1, 12, 0, 0);
    // 40 connections a second for 30 s, each opened and closed within the second.
    for (let i = 0; i < 30; i++) {
      const batch = Array.from({ length: 40 }, () => socket());
      store.writeTick([...batch.map((s) => ev(t0 + i * 1000, 'opened', s)), ...batch.map((s) => ev(t0 + i * 1000, 'closed', s))], t0 + i * 1000);
    }
    const rows = queryEvents(store.db, { since: new Date(t0 - 1).toISOString(), port: 8080 }).events;
    expect(rows.map((r) => [r.kind, r.count])).toEqual([
      ['opened', 1200],
      ['closed', 1200],
    ]);
    expect(rows[0]!.localPort).toBe(0); // the ephemeral side is not kept for a group
    // A new minute starts a new group row.
    store.writeTick([ev(t0 + 61_000, 'opened', socket())], t0 + 61_000);
    expect(queryEvents(store.db, { port: 8080 }).events).toHaveLength(3);
  });

  it('compacts events past the retention age into hourly summaries instead of dropping them', () => {
    const store = open();
    store.tryAcquireWriter('test');
    const now = Date.UTC(2026, 5, 1);
    const old = now - 40 * 86_400_000;
    const l = socket({ listener: true, localPort: 8080, remotePort: 0, remoteAddress: '0.0.0.0', state: 'LISTEN', owner: { pid: 9, name: 'web', exe: null, user: null, startTime: null, status: 'known' } });
    store.writeTick([ev(old, 'opened', l), ev(old + 60_000, 'closed', l)], old + 60_000);
    store.writeTick([ev(now - 1000, 'opened', { ...l, key: 'new' })], now - 1000);
    const r = applyRetention(store.db, { retentionDays: 30, maxSizeMb: 500 }, now);
    expect(r.compactedEvents).toBe(2);
    const q = queryEvents(store.db, { port: 8080 });
    expect(q.events).toHaveLength(1);
    expect(q.summaries).toEqual([expect.objectContaining({ localPort: 8080, processName: 'web', opened: 1, closed: 1, listener: true })]);
    const log = store.db.prepare('SELECT message FROM retention_log').all() as Array<{ message: string }>;
    expect(log[0]!.message).toMatch(/compacted 2 events .* into hourly summaries \(older than 30 days\)/);
  });

  it('keeps under the size cap by compacting the oldest days first', () => {
    const store = open();
    store.tryAcquireWriter('test');
    const now = Date.UTC(2026, 5, 1);
    // ~20 days of distinct connection rows (opened and closed), enough to pass a 10 MB cap.
    for (let day = 20; day > 0; day--) {
      const at = now - day * 86_400_000;
      const batch: HistoryEventRecord[] = [];
      for (let i = 0; i < 4000; i++) batch.push(ev(at + i, i % 2 ? 'closed' : 'opened', socket({ remoteAddress: `10.0.${day}.${i % 50}`, remotePort: 1000 + (i % 40), servicePort: 1000 + (i % 40), owner: { pid: i, name: `p${i % 20}`, exe: `/opt/a/very/long/path/to/program-${i}`, user: 'u', startTime: null, status: 'known' } })));
      store.writeTick(batch, at);
    }
    const r = applyRetention(store.db, { retentionDays: 30, maxSizeMb: 10 }, now);
    expect(r.bytesBefore).toBeGreaterThan(10 * 1024 * 1024);
    expect(r.bytesAfter).toBeLessThanOrEqual(10 * 1024 * 1024);
    const oldest = store.db.prepare('SELECT min(at) AS at FROM events').get() as { at: number };
    // The oldest days went into summaries; the newest are still there, event by event.
    expect(oldest.at).toBeGreaterThan(now - 20 * 86_400_000);
    expect(oldest.at).toBeLessThan(now - 86_400_000 + 4000);
    expect((store.db.prepare('SELECT count(*) AS n FROM hourly').get() as { n: number }).n).toBeGreaterThan(0);
  }, 60_000);

  it('gives the writer lease to one store at a time, and to another once the holder is stale', () => {
    const t = tempDataDir();
    cleanups.push(t.remove);
    const a = open(t.dir);
    const b = open(t.dir);
    const now = Date.now();
    expect(a.tryAcquireWriter('a', now)).toBe(true);
    expect(b.tryAcquireWriter('b', now)).toBe(false);
    expect(() => b.writeTick([], now)).toThrow(/writer lease/);
    expect(b.tryAcquireWriter('b', now + WRITER_STALE_MS + 1)).toBe(true);
    expect(a.heartbeat(now + WRITER_STALE_MS + 2)).toBe(false);
  });

  it('refuses to invent a database when only reading', () => {
    const t = tempDataDir();
    cleanups.push(t.remove);
    expect(() => HistoryStore.open(`${t.dir}/none`, { create: false })).toThrow(/no history has been recorded/);
  });
});

describe('--since', () => {
  const now = Date.UTC(2026, 11, 1, 12, 0, 0);
  it('reads spans, day words, boot and ISO times, and rejects the rest', () => {
    expect(parseSince('2h', now)).toBe(now - 7_200_000);
    expect(parseSince('30m', now)).toBe(now - 1_800_000);
    expect(parseSince('7d', now)).toBe(now - 7 * 86_400_000);
    const y = new Date(parseSince('yesterday', now)!);
    expect([y.getHours(), y.getMinutes(), (now - y.getTime()) / 3_600_000 >= 24]).toEqual([0, 0, true]);
    expect(parseSince('boot', now, 123)).toBe(123);
    expect(parseSince('2026-11-30T22:00:00Z', now)).toBe(Date.UTC(2026, 10, 30, 22));
    expect(parseSince('1', now)).toBeNull();
    expect(parseSince('March', now)).toBeNull();
    expect(parseSince('2h ago', now)).toBeNull();
  });
});
