import type { Column } from './types';

/** Rows looked at to size a column: the first screenfuls, not all 10,000 (a tick must stay cheap). */
export const SAMPLE_ROWS = 200;
const PADDING = 16; // .vt-cell's padding, both sides
const SORT_MARK = 14; // room for ▲ / ▼ and the resize handle in the header
export const MIN_WIDTH = 36;
const MAX_AUTO_WIDTH = 420;

let measure: ((text: string, bold: boolean) => number) | null = null;

/**
 * Text width in the table's font: a canvas where there is one (browsers), else an estimate of
 * 7 px a character (jsdom has no layout).
 */
function textWidth(text: string, bold = false): number {
  if (!measure) {
    const ctx = typeof document !== 'undefined' ? (document.createElement('canvas').getContext?.('2d') ?? null) : null;
    if (ctx) {
      const family = getComputedStyle(document.documentElement).fontFamily || 'system-ui, sans-serif';
      measure = (t, b) => {
        ctx.font = `${b ? 600 : 400} 13px ${family}`;
        return ctx.measureText(t).width;
      };
    } else {
      measure = (t) => t.length * 7;
    }
  }
  return measure(text, bold);
}

/** The width each column's content needs, from a sample of rows and the header label. */
export function contentWidths<T>(columns: readonly Column<T>[], items: readonly T[]): Map<string, number> {
  const out = new Map<string, number>();
  const sample = items.length > SAMPLE_ROWS ? items.slice(0, SAMPLE_ROWS) : items;
  for (const c of columns) {
    if (!c.text) continue;
    let longest = '';
    for (const item of sample) {
      const t = c.text(item);
      if (t.length > longest.length) longest = t;
    }
    const cell = textWidth(longest) + (c.extra ?? 0);
    const head = textWidth(c.label, true) + SORT_MARK;
    out.set(c.id, Math.ceil(Math.min(MAX_AUTO_WIDTH, Math.max(MIN_WIDTH, cell, head) + PADDING)));
  }
  return out;
}

/**
 * The grid tracks: a width set by hand wins, then the content's width, then the column's
 * default. The last column takes the room left over, so the table fills its box.
 */
export function gridTracks<T>(columns: readonly Column<T>[], manual: Readonly<Record<string, number>>, content: ReadonlyMap<string, number>): string {
  return columns
    .map((c, i) => {
      const px = manual[c.id] ?? content.get(c.id);
      const track = px !== undefined ? `${px}px` : c.width;
      return i === columns.length - 1 && manual[c.id] === undefined ? `minmax(${px !== undefined ? `${px}px` : 'auto'}, 1fr)` : track;
    })
    .join(' ');
}
