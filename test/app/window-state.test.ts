import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BoundsTracker, DEFAULT_SIZE, parseWindowState, restoreBounds, WindowStateStore, type WindowState } from '../../electron/app/window-state';

const screen = { x: 0, y: 0, width: 1920, height: 1040 };
const state = (x: number, y: number, width = 1000, height = 700, maximized = false): WindowState => ({ bounds: { x, y, width, height }, maximized });

describe('parseWindowState', () => {
  it('reads a good file and refuses corrupt or absurd ones', () => {
    expect(parseWindowState(JSON.stringify(state(10, 20)))).toEqual(state(10, 20));
    for (const text of ['', '{', 'null', '[]', '{"bounds":{}}', '{"bounds":{"x":0,"y":0,"width":"1","height":1}}', '{"bounds":{"x":1e9,"y":0,"width":900,"height":600}}', '{"bounds":{"x":0,"y":0,"width":10,"height":10}}']) {
      expect(parseWindowState(text)).toBeNull();
    }
  });
});

describe('restoreBounds', () => {
  it('restores bounds that are on a display', () => {
    expect(restoreBounds(state(100, 100), [screen])).toEqual({ bounds: { x: 100, y: 100, width: 1000, height: 700 }, maximized: false });
  });

  it('falls back to the default size, centered, when the display is gone', () => {
    expect(restoreBounds(state(3000, 100), [screen])).toEqual({ bounds: DEFAULT_SIZE, maximized: false });
    expect(restoreBounds(null, [screen])).toEqual({ bounds: DEFAULT_SIZE, maximized: false });
  });

  it('uses a second display when the window was there, and clamps to its size', () => {
    const second = { x: 1920, y: 0, width: 1280, height: 1000 };
    expect(restoreBounds(state(2000, 50, 4000, 3000, true), [screen, second])).toEqual({ bounds: { x: 2000, y: 50, width: 1280, height: 1000 }, maximized: true });
  });

  it('a window hanging mostly off the edge but still grabbable is kept', () => {
    expect(restoreBounds(state(1700, 900), [screen]).bounds.x).toBe(1700);
    expect(restoreBounds(state(1850, 1000), [screen]).bounds.x).toBeUndefined();
  });
});

describe('WindowStateStore and BoundsTracker', () => {
  it('round-trips through the JSON file in userData', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'portscope-ws-'));
    const store = new WindowStateStore(path.join(dir, 'nested', 'window-state.json'));
    expect(await store.load()).toBeNull();
    await store.save(state(5, 6, 900, 600, true));
    expect(await store.load()).toEqual(state(5, 6, 900, 600, true));
    await writeFile(path.join(dir, 'nested', 'window-state.json'), 'garbage');
    expect(await store.load()).toBeNull();
  });

  it('saves after moves settle and at once on flush, skipping unchanged states', async () => {
    const saved: WindowState[] = [];
    let current = state(1, 1);
    const tracker = new BoundsTracker({ save: async (s) => void saved.push(s) }, () => current, 30);
    tracker.changed();
    current = state(2, 2);
    tracker.changed();
    await new Promise((r) => setTimeout(r, 80));
    expect(saved).toEqual([state(2, 2)]);
    await tracker.flush();
    expect(saved).toHaveLength(1);
    current = state(3, 3);
    await tracker.flush();
    expect(saved).toEqual([state(2, 2), state(3, 3)]);
  });

  it('a failing disk is reported, not thrown', async () => {
    const errors: unknown[] = [];
    const tracker = new BoundsTracker({ save: () => Promise.reject(new Error('EROFS')) }, () => state(1, 1), 10, (e) => errors.push(e));
    await tracker.flush();
    expect(errors).toHaveLength(1);
  });

  it('writes atomically (no temp file left behind)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'portscope-ws-'));
    const file = path.join(dir, 'window-state.json');
    await new WindowStateStore(file).save(state(1, 2));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(state(1, 2));
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(dir)).toEqual(['window-state.json']);
  });
});
