import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SocketRow } from '../../shared/contract';

export const PAGES = ['dashboard', 'scan', 'probe', 'diagnose', 'reports', 'history'] as const;
export type Page = (typeof PAGES)[number];

/** What the process panel's "probe / diagnose this port" hands to those pages. */
export interface PortTarget {
  host: string;
  port: number;
  protocol: 'tcp' | 'udp';
}

export interface UiState {
  page: Page;
  /** The socket whose process panel is open. */
  selected: SocketRow | null;
  probeTarget: PortTarget | null;
  diagnoseTarget: PortTarget | null;
  navigate(page: Page): void;
  select(row: SocketRow | null): void;
  probe(target: PortTarget): void;
  diagnose(target: PortTarget): void;
}

export type UiStore = StoreApi<UiState>;

export function pageFromHash(hash: string): Page {
  const name = hash.replace(/^#\/?/, '');
  return (PAGES as readonly string[]).includes(name) ? (name as Page) : 'dashboard';
}

export function createUiStore(initialPage: Page = 'dashboard'): UiStore {
  return createStore<UiState>()((set) => ({
    page: initialPage,
    selected: null,
    probeTarget: null,
    diagnoseTarget: null,
    navigate: (page) => set({ page }),
    select: (selected) => set({ selected }),
    probe: (probeTarget) => set({ probeTarget, page: 'probe', selected: null }),
    diagnose: (diagnoseTarget) => set({ diagnoseTarget, page: 'diagnose', selected: null }),
  }));
}
