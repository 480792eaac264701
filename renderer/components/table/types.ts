import type { ReactNode } from 'react';

export interface Column<T> {
  id: string;
  label: string;
  /** A CSS grid track: `5rem`, `minmax(8rem, 1fr)`. */
  width: string;
  render: (item: T) => ReactNode;
  /** Sortable columns name the key the parent sorts by. */
  sortKey?: string;
  align?: 'start' | 'end';
}

export interface SortState {
  key: string;
  dir: 'asc' | 'desc';
}
