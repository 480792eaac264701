import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 800, height: 520 };
/** How much of the window must lie on some display to restore it where it was. */
const MIN_VISIBLE = { width: 160, height: 80 };

/** Reads a saved state, or null for anything missing, corrupt or absurd (a hand-edited file). */
export function parseWindowState(text: string): WindowState | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const r = raw as { bounds?: Partial<Record<keyof Rect, unknown>>; maximized?: unknown } | null;
  const b = r?.bounds;
  if (!b) return null;
  const nums = [b.x, b.y, b.width, b.height];
  if (!nums.every((n) => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) < 100_000)) return null;
  const [x, y, width, height] = nums.map((n) => Math.round(n as number)) as [number, number, number, number];
  if (width < 100 || height < 100) return null;
  return { bounds: { x, y, width, height }, maximized: r?.maximized === true };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/**
 * Where to open the window: the saved bounds when enough of them is on a display that exists now
 * (a monitor unplugged since last time must not leave the window off-screen), clamped to that
 * display's size; otherwise the default size, centered by Electron (no x/y).
 */
export function restoreBounds(saved: WindowState | null, workAreas: readonly Rect[]): { bounds: Partial<Rect> & { width: number; height: number }; maximized: boolean } {
  if (saved) {
    const area = workAreas.find((a) => {
      const o = overlap(saved.bounds, a);
      return o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height;
    });
    if (area) {
      const width = Math.max(MIN_SIZE.width, Math.min(saved.bounds.width, area.width));
      const height = Math.max(MIN_SIZE.height, Math.min(saved.bounds.height, area.height));
      return { bounds: { x: saved.bounds.x, y: saved.bounds.y, width, height }, maximized: saved.maximized };
    }
  }
  return { bounds: { ...DEFAULT_SIZE }, maximized: saved?.maximized ?? false };
}

/** The JSON file in userData that remembers the window; writes are atomic (temp file, rename). */
export class WindowStateStore {
  constructor(private readonly file: string) {}

  async load(): Promise<WindowState | null> {
    try {
      return parseWindowState(await readFile(this.file, 'utf8'));
    } catch {
      return null;
    }
  }

  async save(state: WindowState): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`);
    await rename(tmp, this.file);
  }
}

/**
 * Saves the window's state a moment after it stops moving or resizing, and at once on close.
 * `capture` reads the window (normal bounds, maximized); passed in so this runs without Electron.
 */
export class BoundsTracker {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private last = '';

  constructor(
    private readonly store: Pick<WindowStateStore, 'save'>,
    private readonly capture: () => WindowState,
    private readonly delayMs = 500,
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  changed(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const state = this.capture();
    const text = JSON.stringify(state);
    if (text === this.last) return;
    this.last = text;
    await this.store.save(state).catch(this.onError);
  }
}
