import { describe, expect, it, vi } from 'vitest';
import type { AddressName, SocketRow, TrafficSummary } from '../../shared/contract';
import { formatBytes, formatBytesShort, formatRate, formatRtt, scaleBytes } from '../../renderer/format/bytes';
import { ratesText, totalRate, trafficReason } from '../../renderer/format/traffic';
import { createNamesStore, nameLabel, RESOLVE_STORAGE_KEY } from '../../renderer/stores/names';
import { sortRows } from '../../renderer/stores/sockets/query';
import { createSocketStore } from '../../renderer/stores/sockets/store';
import { applyDelta, applySnapshot, EMPTY_TABLE, type LiveRow } from '../../renderer/stores/sockets/table';
import { CONNECTION_LIMIT, createTrafficStore, TRAFFIC_WINDOW_MS } from '../../renderer/stores/traffic';
import { sparkPoints } from '../../renderer/components/connection/RateSparkline';
import { topTalkers } from '../../renderer/components/charts/TopTalkersChart';
import { FakeClient, makeDelta, makeRow, makeSnapshot } from './fixtures';

/** An established loopback connection with counters, as the Linux reader gives it. */
function conn(over: Partial<SocketRow> = {}): SocketRow {
  return makeRow({
    localPort: 40000,
    remoteAddress: '127.0.0.1',
    remotePort: 8080,
    state: 'ESTABLISHED',
    bytesSent: 1000,
    bytesReceived: 200,
    sendRate: 100,
    receiveRate: 20,
    rttMs: 0.05,
    tcpInfo: { bytesRetrans: 0, segsIn: 3, segsOut: 4, rttVarMs: 0.01, cwnd: 10, deliveryRate: 1e6 },
    trafficUnavailable: null,
    ...over,
  });
}

describe('byte and rate formatting', () => {
  it('steps through binary units with three significant digits, as the CLI prints them', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1536)).toBe('1.50 KiB');
    expect(formatBytes(43.5 * 1024 * 1024)).toBe('43.5 MiB');
    expect(formatBytes(789 * 1024 ** 3)).toBe('789 GiB');
    expect(formatBytes(1023)).toBe('1,023 B');
    expect(formatBytes(1024)).toBe('1.00 KiB');
    expect(scaleBytes(2e15).unit).toBe('PiB');
    expect(formatRate(1.2 * 1024 * 1024)).toBe('1.20 MiB/s');
    // Axis labels: two significant digits.
    expect(formatBytesShort(1.53 * 1024 * 1024)).toBe('1.5 MiB');
    expect(formatBytesShort(781 * 1024)).toBe('780 KiB');
  });

  it('formats round-trip times from microseconds to seconds', () => {
    expect(formatRtt(0.05)).toBe('0.05 ms');
    expect(formatRtt(12.34)).toBe('12.3 ms');
    expect(formatRtt(240.4)).toBe('240 ms');
    expect(formatRtt(1500)).toBe('1.50 s');
  });

  it('says why a UDP socket has no counters, and shows both rates together', () => {
    const udp = makeRow({ protocol: 'udp', state: 'UNCONN', trafficUnavailable: 'udp-not-counted' });
    expect(trafficReason(udp)).toMatch(/UDP: the kernel keeps no per-socket byte counts/);
    expect(totalRate(udp)).toBeNull();
    expect(ratesText(udp)).toBe('—');
    expect(ratesText({ sendRate: 1.2 * 1024 * 1024, receiveRate: 30 * 1024 })).toBe('↑ 1.20 MiB/s ↓ 30.0 KiB/s');
  });
});

describe('traffic columns in the table', () => {
  const live = (row: SocketRow): LiveRow => ({ row, mark: null });

  it('sorts numerically by rate, busiest first, with rows that have none last either way', () => {
    const slow = live(conn({ localPort: 1, sendRate: 9, receiveRate: 0 }));
    const fast = live(conn({ localPort: 2, sendRate: 100, receiveRate: 900 }));
    const udp = live(makeRow({ localPort: 3, protocol: 'udp', state: 'UNCONN', trafficUnavailable: 'udp-not-counted' }));
    const mid = live(conn({ localPort: 4, sendRate: 0, receiveRate: 80 }));
    expect(sortRows([slow, udp, fast, mid], { key: 'rate', dir: 'desc' }).map((l) => l.row.localPort)).toEqual([2, 4, 1, 3]);
    expect(sortRows([slow, udp, fast, mid], { key: 'rate', dir: 'asc' }).map((l) => l.row.localPort)).toEqual([1, 4, 2, 3]);
    // 10 before 9 as text would put 100 before 9: the sort is numeric.
    const a = live(conn({ localPort: 5, bytesSent: 10 }));
    const b = live(conn({ localPort: 6, bytesSent: 9 }));
    expect(sortRows([a, b], { key: 'sent', dir: 'asc' }).map((l) => l.row.bytesSent)).toEqual([9, 10]);
  });

  it('does not highlight a row whose only change is its counters, rates or RTT', () => {
    const row = conn();
    const t0 = applySnapshot(EMPTY_TABLE, makeSnapshot([row], 1), 0);
    const moved = { ...row, bytesSent: 5000, sendRate: 4000, rttMs: 0.2 };
    const out = applyDelta(t0, makeDelta(2, { changed: [moved] }, 1), 100);
    if (out.kind !== 'applied') throw new Error(out.kind);
    expect(out.state.rows.get(row.id)).toEqual({ row: moved, mark: null });
    expect(out.state.marked.size).toBe(0);
    expect(out.changes).toBe(0);
    // A state change still is a change, with the new counters.
    const closing = { ...moved, state: 'CLOSE_WAIT' as const, bytesSent: 6000 };
    const out2 = applyDelta(out.state, makeDelta(3, { changed: [closing] }, 1), 200);
    if (out2.kind !== 'applied') throw new Error(out2.kind);
    expect(out2.state.rows.get(row.id)).toEqual({ row: closing, mark: 'changed' });
    expect(out2.changes).toBe(1);
  });

  it('keeps a green (new) row green, with its original mark time, when only its counters move', () => {
    const store = createSocketStore();
    store.getState().loadSnapshot(makeSnapshot([], 1), 0);
    const row = conn();
    store.getState().applyDelta(makeDelta(2, { added: [row] }, 1), 1000);
    store.getState().applyDelta(makeDelta(3, { changed: [{ ...row, bytesSent: 9000 }] }, 1), 2000);
    expect(store.getState().table.rows.get(row.id)?.mark).toBe('new');
    expect(store.getState().table.marked.get(row.id)).toBe(1000);
    expect(store.getState().lastTickChanges).toBe(0);
  });
});

const summary = (send: number, receive: number, processes: TrafficSummary['processes'] = []): TrafficSummary => ({
  machine: { bytesSent: 0, bytesReceived: 0, sendRate: send, receiveRate: receive },
  processes,
});

describe('traffic store', () => {
  it('keeps the machine rates over a rolling five-minute window', () => {
    const store = createTrafficStore();
    for (let i = 0; i <= 400; i++) store.getState().record({ added: [], changed: [], removed: [], traffic: summary(i, 2 * i) }, i * 1000);
    const m = store.getState().machine;
    expect(m[m.length - 1]).toEqual({ t: 400_000, send: 400, receive: 800 });
    expect(m[0]!.t).toBeGreaterThanOrEqual(400_000 - TRAFFIC_WINDOW_MS);
    expect(m.length).toBe(301);
    expect(store.getState().summary?.machine.sendRate).toBe(400);
  });

  it('records a connection only when its rates move, and forgets it when it closes', () => {
    const store = createTrafficStore();
    const row = conn();
    store.getState().seed([row, makeRow({ localPort: 22 })], undefined, 0);
    store.getState().record({ added: [], changed: [{ ...row, sendRate: 500 }], removed: [], traffic: summary(1, 1) }, 1000);
    store.getState().record({ added: [], changed: [], removed: [], traffic: summary(1, 1) }, 2000);
    expect(store.getState().historyOf(row.id)).toEqual([
      { t: 0, send: 100, receive: 20 },
      { t: 1000, send: 500, receive: 20 },
    ]);
    // The listener has no rates: nothing is kept for it.
    expect(store.getState().historyOf(makeRow({ localPort: 22 }).id)).toEqual([]);
    // The sparkline holds the last rate until now.
    expect(sparkPoints(store.getState().historyOf(row.id), 3000, { send: 500, receive: 20 }).map((p) => [p.t, p.send])).toEqual([
      [0, 100],
      [1000, 500],
      [3000, 500],
    ]);
    store.getState().record({ added: [], changed: [], removed: [row.id] }, 4000);
    expect(store.getState().historyOf(row.id)).toEqual([]);
  });

  it('bounds how many connections it follows', () => {
    const store = createTrafficStore();
    const rows = Array.from({ length: CONNECTION_LIMIT + 5 }, (_, i) => conn({ id: `c${i}`, localPort: 1000 + i }));
    store.getState().record({ added: rows, changed: [], removed: [] }, 0);
    expect(store.getState().historyOf('c0')).toEqual([]);
    expect(store.getState().historyOf(`c${CONNECTION_LIMIT + 4}`)).toHaveLength(1);
  });

  it('ranks top talkers by send + receive rate and leaves idle processes out', () => {
    const p = (pid: number, sendRate: number, receiveRate: number) => ({ pid, name: `p${pid}`, bytesSent: 0, bytesReceived: 0, sendRate, receiveRate, connections: 1 });
    expect(topTalkers([p(1, 10, 0), p(2, 0, 0), p(3, 5, 50), p(4, 30, 0)]).map((t) => t.pid)).toEqual([3, 4, 1]);
  });
});

describe('names store', () => {
  const answer = (address: string, over: Partial<AddressName> = {}): AddressName => ({ address, name: null, source: null, interface: null, pending: false, ...over });

  function setup(stored: string | null = null) {
    const client = new FakeClient();
    const lookups: string[][] = [];
    client.handle('names.lookup', ({ addresses }) => {
      lookups.push(addresses);
      return { names: addresses.map((a) => (a === '127.0.0.1' ? answer(a, { name: 'this machine', source: 'local', interface: 'lo' }) : answer(a, { pending: true }))) };
    });
    const memory = new Map<string, string>(stored === null ? [] : [[RESOLVE_STORAGE_KEY, stored]]);
    const storage = { getItem: (k: string) => memory.get(k) ?? null, setItem: (k: string, v: string) => void memory.set(k, v) };
    return { client, lookups, memory, store: createNamesStore(client, storage, 50) };
  }

  it('is off by default and asks nothing while off', async () => {
    vi.useFakeTimers();
    try {
      const { store, lookups } = setup();
      expect(store.getState().enabled).toBe(false);
      store.getState().want(['127.0.0.1']);
      await vi.advanceTimersByTimeAsync(100);
      expect(lookups).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('batches the addresses of many ticks into one call, asks each once, and takes later answers from names.resolved', async () => {
    vi.useFakeTimers();
    try {
      const { store, lookups, client, memory } = setup();
      store.getState().setEnabled(true);
      expect(memory.get(RESOLVE_STORAGE_KEY)).toBe('true');
      store.getState().want(['127.0.0.1', '192.0.2.7', '0.0.0.0']);
      store.getState().want(['192.0.2.7', '192.0.2.8']);
      await vi.advanceTimersByTimeAsync(60);
      expect(lookups).toEqual([['127.0.0.1', '192.0.2.7', '192.0.2.8']]);
      expect(client.calls[0]?.request).toMatchObject({ dns: true });
      store.getState().want(['127.0.0.1', '192.0.2.7']);
      await vi.advanceTimersByTimeAsync(60);
      expect(lookups).toHaveLength(1);
      expect(nameLabel(store.getState().names.get('127.0.0.1'))).toBe('this machine (lo)');
      expect(nameLabel(store.getState().names.get('192.0.2.7'))).toBeNull();
      client.emit('names.resolved', { names: [answer('192.0.2.7', { name: 'host.example', source: 'dns' })] });
      expect(nameLabel(store.getState().names.get('192.0.2.7'))).toBe('host.example');
      // A later pending answer does not wipe a name already known.
      client.emit('names.resolved', { names: [answer('192.0.2.7', { pending: true })] });
      expect(nameLabel(store.getState().names.get('192.0.2.7'))).toBe('host.example');
      store.getState().setEnabled(false);
      expect(client.listenerCount('names.resolved')).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('remembers the switch', () => {
    expect(setup('true').store.getState().enabled).toBe(true);
    expect(setup('false').store.getState().enabled).toBe(false);
  });
});
