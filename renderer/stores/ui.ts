import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SocketRow } from '../../shared/contract';
import { DEFAULT_FILTER, type RowFilter } from './sockets/query';

export const PAGES = ['dashboard', 'scan', 'probe', 'diagnose', 'reports', 'history'] as const;
export type Page = (typeof PAGES)[number];

/** What the process panel's "probe / diagnose this port" hands to those pages. */
export interface PortTarget {
  host: string;
  port: number;
  protocol: 'tcp' | 'udp';
}

export type TableId = 'listening' | 'connections';

/** One table's columns as the user arranged them: hidden ones, and widths dragged by hand (px). */
export interface ColumnPrefs {
  hidden: string[];
  widths: Record<string, number>;
}

/** The dashboard's layout, remembered across sessions (localStorage). */
export interface LayoutPrefs {
  chartsCollapsed: boolean;
  /** The listening table's share of the height both tables have, 0.15 to 0.85. */
  split: number;
  columns: Record<TableId, ColumnPrefs>;
}

export const DEFAULT_LAYOUT: LayoutPrefs = {
  chartsCollapsed: false,
  split: 0.6,
  columns: { listening: { hidden: [], widths: {} }, connections: { hidden: [], widths: {} } },
};

export const SPLIT_MIN = 0.15;
export const SPLIT_MAX = 0.85;

export interface UiState {
  page: Page;
  /** The socket whose process panel is open. */
  selected: SocketRow | null;
  /** The connection whose panel is open (traffic, RTT, close); one panel at a time. */
  connection: SocketRow | null;
  probeTarget: PortTarget | null;
  diagnoseTarget: PortTarget | null;
  /** The dashboard's search and filters: kept here, so they survive a visit to another page. */
  filter: RowFilter;
  layout: LayoutPrefs;
  navigate(page: Page): void;
  select(row: SocketRow | null): void;
  openConnection(row: SocketRow | null): void;
  probe(target: PortTarget): void;
  diagnose(target: PortTarget): void;
  setFilter(patch: Partial<RowFilter>): void;
  setChartsCollapsed(collapsed: boolean): void;
  setSplit(split: number): void;
  setColumnHidden(table: TableId, column: string, hidden: boolean): void;
  setColumnWidth(table: TableId, column: string, width: number | null): void;
}

export type UiStore = StoreApi<UiState>;

export function pageFromHash(hash: string): Page {
  const name = hash.replace(/^#\/?/, '');
  return (PAGES as readonly string[]).includes(name) ? (name as Page) : 'dashboard';
}

/** localStorage when there is one (not in every test, nor when the browser refuses it). */
function defaultStorage(): StateStorage {
  try {
    if (typeof localStorage !== 'undefined') return localStorage;
  } catch {
    // storage disabled: remember nothing
  }
  const memory = new Map<string, string>();
  return { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v), removeItem: (k) => void memory.delete(k) };
}

/** A stored layout from an older or hand-edited version must not break the page. */
function sanitizeLayout(stored: unknown): LayoutPrefs {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<LayoutPrefs>;
  const columns = (id: TableId): ColumnPrefs => {
    const c = s.columns?.[id];
    const hidden = Array.isArray(c?.hidden) ? c.hidden.filter((x): x is string => typeof x === 'string') : [];
    const widths: Record<string, number> = {};
    for (const [k, v] of Object.entries(c?.widths ?? {})) if (typeof v === 'number' && Number.isFinite(v) && v >= 24 && v <= 2000) widths[k] = v;
    return { hidden, widths };
  };
  const split = typeof s.split === 'number' && Number.isFinite(s.split) ? Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, s.split)) : DEFAULT_LAYOUT.split;
  return { chartsCollapsed: s.chartsCollapsed === true, split, columns: { listening: columns('listening'), connections: columns('connections') } };
}

export const LAYOUT_STORAGE_KEY = 'portscope.dashboard.layout';

export function createUiStore(initialPage: Page = 'dashboard', storage: StateStorage = defaultStorage()): UiStore {
  return createStore<UiState>()(
    persist(
      (set) => ({
        page: initialPage,
        selected: null,
        connection: null,
        probeTarget: null,
        diagnoseTarget: null,
        filter: DEFAULT_FILTER,
        layout: DEFAULT_LAYOUT,
        navigate: (page) => set({ page }),
        select: (selected) => set({ selected, connection: null }),
        openConnection: (connection) => set({ connection, selected: null }),
        probe: (probeTarget) => set({ probeTarget, page: 'probe', selected: null, connection: null }),
        diagnose: (diagnoseTarget) => set({ diagnoseTarget, page: 'diagnose', selected: null, connection: null }),
        setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
        setChartsCollapsed: (chartsCollapsed) => set((s) => ({ layout: { ...s.layout, chartsCollapsed } })),
        setSplit: (split) => set((s) => ({ layout: { ...s.layout, split: Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, split)) } })),
        setColumnHidden: (table, column, hidden) =>
          set((s) => {
            const prefs = s.layout.columns[table];
            const rest = prefs.hidden.filter((c) => c !== column);
            return { layout: { ...s.layout, columns: { ...s.layout.columns, [table]: { ...prefs, hidden: hidden ? [...rest, column] : rest } } } };
          }),
        setColumnWidth: (table, column, width) =>
          set((s) => {
            const prefs = s.layout.columns[table];
            const widths = { ...prefs.widths };
            if (width === null) delete widths[column];
            else widths[column] = Math.round(Math.min(2000, Math.max(24, width)));
            return { layout: { ...s.layout, columns: { ...s.layout.columns, [table]: { ...prefs, widths } } } };
          }),
      }),
      {
        name: LAYOUT_STORAGE_KEY,
        version: 1,
        storage: createJSONStorage(() => storage),
        // Only the layout is remembered; the search and the open panel last as long as the window.
        partialize: (s) => ({ layout: s.layout }),
        merge: (stored, current) => ({ ...current, layout: sanitizeLayout((stored as { layout?: unknown } | undefined)?.layout) }),
      },
    ),
  );
}
