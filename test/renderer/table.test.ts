import { describe, expect, it } from 'vitest';
import { applyDelta, applySnapshot, CLOSING_MS, EMPTY_TABLE, expireMarks, MARK_MS, type TableState } from '../../renderer/stores/sockets/table';
import { makeDelta, makeRow, makeSnapshot } from './fixtures';

function applied(state: TableState, ...args: Parameters<typeof applyDelta> extends [TableState, ...infer R] ? R : never): TableState {
  const outcome = applyDelta(state, ...args);
  if (outcome.kind !== 'applied') throw new Error(`expected applied, got ${outcome.kind}`);
  return outcome.state;
}

describe('socket table deltas', () => {
  const a = makeRow({ localPort: 22 });
  const b = makeRow({ localPort: 80 });
  const c = makeRow({ localPort: 443 });

  it('shows a first snapshot without marks', () => {
    const t = applySnapshot(EMPTY_TABLE, makeSnapshot([a, b], 5), 0);
    expect(t.seq).toBe(5);
    expect([...t.rows.values()].map((r) => r.mark)).toEqual([null, null]);
    expect(t.liveCount).toBe(2);
  });

  it('marks added rows new, changed rows changed, removed rows closing, and leaves others untouched', () => {
    const t0 = applySnapshot(EMPTY_TABLE, makeSnapshot([a, b], 1), 0);
    const bChanged = { ...b, state: 'CLOSE_WAIT' as const };
    const t1 = applied(t0, makeDelta(2, { added: [c], removed: [a.id], changed: [bChanged] }, 2), 100);
    expect(t1.rows.get(c.id)?.mark).toBe('new');
    expect(t1.rows.get(b.id)).toEqual({ row: bChanged, mark: 'changed' });
    expect(t1.rows.get(a.id)?.mark).toBe('closing');
    expect(t1.liveCount).toBe(2);
    expect(t1.rows.size).toBe(3);
    // Untouched rows keep their object so memoized table rows skip re-rendering.
    const t2 = applied(t1, makeDelta(3, { added: [makeRow({ localPort: 9 })] }, 3), 200);
    expect(t2.rows.get(c.id)).toBe(t1.rows.get(c.id));
  });

  it('drops closing rows after CLOSING_MS and clears marks after MARK_MS', () => {
    const t0 = applySnapshot(EMPTY_TABLE, makeSnapshot([a, b], 1), 0);
    const t1 = applied(t0, makeDelta(2, { added: [c], removed: [a.id] }, 2), 1000);
    expect(expireMarks(t1, 1000 + Math.min(MARK_MS, CLOSING_MS) - 1)).toBe(t1);
    const t2 = expireMarks(t1, 1000 + Math.max(MARK_MS, CLOSING_MS));
    expect(t2.rows.has(a.id)).toBe(false);
    expect(t2.rows.get(c.id)?.mark).toBeNull();
    expect(t2.marked.size).toBe(0);
    // b was never marked: same object.
    expect(t2.rows.get(b.id)).toBe(t1.rows.get(b.id));
  });

  it('refuses stale deltas and reports gaps', () => {
    const t0 = applySnapshot(EMPTY_TABLE, makeSnapshot([a], 4), 0);
    expect(applyDelta(t0, makeDelta(4, {}, 1), 0).kind).toBe('stale');
    expect(applyDelta(t0, makeDelta(6, {}, 1), 0).kind).toBe('gap');
    expect(applyDelta(t0, makeDelta(5, {}, 1), 0).kind).toBe('applied');
  });

  it('a row that comes back while closing is alive again', () => {
    const t0 = applySnapshot(EMPTY_TABLE, makeSnapshot([a], 1), 0);
    const t1 = applied(t0, makeDelta(2, { removed: [a.id] }, 0), 0);
    const t2 = applied(t1, makeDelta(3, { added: [a] }, 1), 10);
    expect(t2.rows.get(a.id)?.mark).toBe('new');
    expect(t2.liveCount).toBe(1);
  });

  it('reconciles a later snapshot with what is on screen', () => {
    const t0 = applySnapshot(EMPTY_TABLE, makeSnapshot([a, b], 1), 0);
    const t1 = applySnapshot(t0, makeSnapshot([{ ...b, pid: 7 }, c], 9), 50);
    expect(t1.rows.get(a.id)?.mark).toBe('closing');
    expect(t1.rows.get(b.id)?.mark).toBe('changed');
    expect(t1.rows.get(c.id)?.mark).toBe('new');
    expect(t1.liveCount).toBe(2);
  });
});
