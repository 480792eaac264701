import type { ReactNode } from 'react';

export interface Column<T> {
  id: string;
  label: string;
  /** A CSS grid track, used until the column is sized to its content or by hand: `5rem`. */
  width: string;
  render: (item: T) => ReactNode;
  /**
   * The cell's text, to size the column to its content (its widest value among the first rows).
   * Without it the column keeps `width`.
   */
  text?: (item: T) => string;
  /** Extra pixels a cell needs beyond its text (a badge's border, an icon). */
  extra?: number;
  /** Sortable columns name the key the parent sorts by. */
  sortKey?: string;
  /** The direction of the first click on this column's header: 'desc' for figures (busiest first). */
  firstSort?: 'asc' | 'desc';
  align?: 'start' | 'end';
}

export interface SortState {
  key: string;
  dir: 'asc' | 'desc';
}
