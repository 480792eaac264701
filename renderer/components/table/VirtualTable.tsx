import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import { copyText as copyToClipboard } from '../../format/clipboard';
import { useT } from '../../i18n/useT';
import { contentWidths, gridTracks, MIN_WIDTH } from './columnWidths';
import type { Column, SortState } from './types';

export interface VirtualTableProps<T> {
  /** The accessible name, e.g. "Listening ports". */
  label: string;
  items: readonly T[];
  columns: readonly Column<T>[];
  getKey: (item: T) => string;
  /** TCPView-style row colour: 'new' | 'changed' | 'closing' | null. */
  getMark?: (item: T) => string | null;
  onActivate?: (item: T) => void;
  /** Ctrl+C / Cmd+C on the active row copies this text (CurrPorts users expect it). */
  copyText?: (item: T) => string;
  sort?: SortState;
  onSort?: (key: string) => void;
  /** Shown in place of rows when there are none (loading, error, nothing matches). */
  empty?: ReactNode;
  rowHeight?: number;
  className?: string;
  /** Extra classes for a row (e.g. sockets of unidentified owners). */
  getRowClass?: (item: T) => string | undefined;
  /** Column widths set by hand (px), by column id; others size to their content. */
  widths?: Readonly<Record<string, number>>;
  /** Dragging a column's edge ends here; null (double-click) returns it to its content's width. */
  onResize?: (columnId: string, width: number | null) => void;
}

const NO_WIDTHS: Readonly<Record<string, number>> = {};

const HEADER_HEIGHT = 24;
const SORT_MARK = { asc: '▲', desc: '▼' } as const;

/**
 * A virtualized table with real table semantics: role=table/rowgroup/row/columnheader/cell,
 * aria-rowcount for the whole set and aria-rowindex on the rows that exist in the DOM, so a
 * screen reader knows it is on row 5,012 of 10,000 while only ~40 rows are rendered.
 * Keyboard: arrows, Page Up/Down, Home/End move between rows; Enter or Space opens the row.
 */
export function VirtualTable<T>(props: VirtualTableProps<T>) {
  const { label, items, columns, getKey, getMark, onActivate, copyText, sort, onSort, empty, rowHeight = 22, className, getRowClass, widths = NO_WIDTHS, onResize } = props;
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const focusPending = useRef(false);

  // Stable callbacks matter: the virtualizer recomputes every row's position whenever
  // getItemKey changes identity, which would be 10,000 rows on every scroll frame.
  const getItemKey = useCallback((index: number) => getKey(items[index] as T), [items, getKey]);
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  const getScrollElement = useCallback(() => scrollRef.current, []);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement,
    estimateSize,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    getItemKey,
    // jsdom and first paint have no layout: render a first screenful anyway.
    initialRect: { width: 800, height: 600 },
  });

  // Columns fit their content. Widths only grow while the same columns are shown, so a tick
  // does not make the table jump; choosing other columns measures afresh.
  const columnKey = columns.map((c) => c.id).join(',');
  const fitted = useRef<{ key: string; widths: Map<string, number> }>({ key: '', widths: new Map() });
  const content = useMemo(() => {
    const measured = contentWidths(columns, items);
    const before = fitted.current.key === columnKey ? fitted.current.widths : new Map<string, number>();
    let grew = before.size !== measured.size;
    const next = new Map(before);
    for (const [id, w] of measured) {
      if ((before.get(id) ?? 0) < w) {
        next.set(id, w);
        grew = true;
      }
    }
    if (grew || fitted.current.key !== columnKey) fitted.current = { key: columnKey, widths: next };
    return fitted.current.widths;
  }, [columns, columnKey, items]);
  // A column being dragged shows its new width at once; the store hears of it when the drag ends.
  const [dragging, setDragging] = useState<{ id: string; width: number } | null>(null);
  const manual = useMemo(() => (dragging ? { ...widths, [dragging.id]: dragging.width } : widths), [widths, dragging]);
  const gridTemplateColumns = useMemo(() => gridTracks(columns, manual, content), [columns, manual, content]);

  const startResize = (e: ReactPointerEvent<HTMLElement>, id: string) => {
    if (!onResize) return;
    e.preventDefault();
    e.stopPropagation();
    const cell = (e.currentTarget as HTMLElement).parentElement;
    const startX = e.clientX;
    const startWidth = cell?.getBoundingClientRect().width ?? 100;
    const handle = e.currentTarget;
    handle.setPointerCapture?.(e.pointerId);
    let width = startWidth;
    const move = (ev: PointerEvent) => {
      width = Math.max(MIN_WIDTH, startWidth + ev.clientX - startX);
      setDragging({ id, width });
    };
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
      setDragging(null);
      onResize(id, width);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  };
  const activeIndex = useMemo(() => (activeKey === null ? -1 : items.findIndex((it) => getKey(it) === activeKey)), [activeKey, items, getKey]);

  const moveTo = useCallback(
    (index: number) => {
      if (items.length === 0) return;
      const clamped = Math.max(0, Math.min(items.length - 1, index));
      setActiveKey(getKey(items[clamped] as T));
      focusPending.current = true;
      virtualizer.scrollToIndex(clamped, { align: 'auto' });
    },
    [items, getKey, virtualizer],
  );

  // Focus follows the active row once it is rendered (it may have been scrolled into view).
  useEffect(() => {
    if (!focusPending.current || activeKey === null) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(activeKey)}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      focusPending.current = false;
    }
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((e.target as HTMLElement).closest('[role="columnheader"]')) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / rowHeight) - 1);
    const from = activeIndex < 0 ? -1 : activeIndex;
    let next: number;
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c' && copyText && activeIndex >= 0) {
      e.preventDefault();
      void copyToClipboard(copyText(items[activeIndex] as T));
      return;
    }
    switch (e.key) {
      case 'ArrowDown':
        next = from + 1;
        break;
      case 'ArrowUp':
        next = Math.max(0, from - 1);
        break;
      case 'PageDown':
        next = from + page;
        break;
      case 'PageUp':
        next = from - page;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = items.length - 1;
        break;
      case 'Enter':
      case ' ':
        if (activeIndex >= 0 && onActivate) {
          e.preventDefault();
          onActivate(items[activeIndex] as T);
        }
        return;
      default:
        return;
    }
    e.preventDefault();
    moveTo(next);
  };

  const virtualRows = virtualizer.getVirtualItems();
  // One object for all rows, so memoized rows compare equal between renders.
  const rowStyleBase = useMemo<CSSProperties>(() => ({ gridTemplateColumns, height: rowHeight }), [gridTemplateColumns, rowHeight]);

  return (
    <div
      ref={scrollRef}
      role="table"
      aria-label={label}
      aria-rowcount={items.length + 1}
      aria-colcount={columns.length}
      className={`vt ${className ?? ''}`}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        // Entering the table with Tab lands on the table; the first arrow key picks a row.
        if (e.target === scrollRef.current && activeIndex >= 0) moveTo(activeIndex);
      }}
    >
      <div role="rowgroup" className="vt-head" style={{ height: HEADER_HEIGHT }}>
        <div role="row" aria-rowindex={1} className="vt-row vt-header-row" style={{ gridTemplateColumns, height: HEADER_HEIGHT }}>
          {columns.map((c, i) => {
            const sorted = sort && c.sortKey === sort.key ? sort.dir : null;
            return (
              <div
                key={c.id}
                role="columnheader"
                aria-colindex={i + 1}
                aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : c.sortKey ? 'none' : undefined}
                className={`vt-cell vt-th ${c.align === 'end' ? 'end' : ''}`}
              >
                {c.sortKey && onSort ? (
                  <button type="button" className="vt-sort" onClick={() => onSort(c.sortKey as string)}>
                    {c.label}
                    <span aria-hidden="true" className="vt-sort-mark">
                      {sorted ? SORT_MARK[sorted] : null}
                    </span>
                  </button>
                ) : (
                  c.label
                )}
                {onResize ? (
                  // Pointer only, as in TCPView; the keyboard has the column chooser, and a Tab
                  // stop per column edge would put 9 more stops before the rows.
                  <span
                    className="vt-resize"
                    aria-hidden="true"
                    title={t('ui.common.table.resize', { column: c.label })}
                    data-column={c.id}
                    onPointerDown={(e) => startResize(e, c.id)}
                    onDoubleClick={() => onResize(c.id, null)}
                  />
                ) : null}
              </div>
            );
          })}
        </div>
      </div>
      {items.length === 0 ? (
        <div role="rowgroup">
          <div role="row" aria-rowindex={2} className="vt-empty-row">
            <div role="cell" aria-colspan={columns.length} className="vt-empty">
              {empty ?? t('ui.common.table.empty')}
            </div>
          </div>
        </div>
      ) : (
        <div role="rowgroup" className="vt-body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualRows.map((v) => {
            const item = items[v.index] as T;
            const key = getKey(item);
            return (
              <TableRow
                key={key}
                rowKey={key}
                item={item}
                index={v.index}
                top={v.start - HEADER_HEIGHT}
                baseStyle={rowStyleBase}
                columns={columns}
                mark={getMark?.(item) ?? null}
                rowClass={getRowClass?.(item)}
                active={key === activeKey}
                onActivate={onActivate}
                onPick={setActiveKey}
              />
            );
          })}
        </div>
      )}
    </div>
  );
}

interface RowProps<T> {
  rowKey: string;
  item: T;
  index: number;
  top: number;
  baseStyle: CSSProperties;
  columns: readonly Column<T>[];
  mark: string | null;
  rowClass: string | undefined;
  active: boolean;
  onActivate?: (item: T) => void;
  onPick: (key: string) => void;
}

// Memoized on the row's object identity: a tick that touches ten rows re-renders ten rows.
const TableRow = memo(function TableRow<T>({ rowKey, item, index, top, baseStyle, columns, mark, rowClass, active, onActivate, onPick }: RowProps<T>) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-current={active ? 'true' : undefined}
      data-key={rowKey}
      data-mark={mark ?? undefined}
      tabIndex={-1}
      className={`vt-row vt-data-row ${index % 2 ? 'odd' : ''} ${mark ? `mark-${mark}` : ''} ${active ? 'active' : ''} ${rowClass ?? ''}`}
      style={{ ...baseStyle, transform: `translateY(${top}px)` }}
      onClick={() => {
        onPick(rowKey);
        onActivate?.(item);
      }}
    >
      {columns.map((c, i) => (
        <div key={c.id} role="cell" aria-colindex={i + 1} className={`vt-cell ${c.align === 'end' ? 'end' : ''}`}>
          {c.render(item)}
        </div>
      ))}
    </div>
  );
}) as <T>(props: RowProps<T>) => ReactNode;
