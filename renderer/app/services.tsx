import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { RendererClient } from '../contract/types';
import type { DiagnoseStore, DiagnoseStoreState } from '../stores/diagnose';
import type { HistoryStore } from '../stores/history';
import type { ProbeStore, ProbeStoreState } from '../stores/probe';
import type { ScanStore, ScanStoreState } from '../stores/scan/store';
import type { NamesStore, NamesStoreState } from '../stores/names';
import type { LiveFeed } from '../stores/sockets/feed';
import type { SocketStore, SocketStoreState } from '../stores/sockets/store';
import type { TrafficStore, TrafficStoreState } from '../stores/traffic';
import type { UiState, UiStore } from '../stores/ui';
import { I18nProvider } from '../i18n/I18nProvider';
import type { LanguageState, LanguageStore } from '../i18n/language';

/** Everything the UI shares: one contract client, its stores, the live feed. */
export interface AppServices {
  client: RendererClient;
  sockets: SocketStore;
  feed: LiveFeed;
  ui: UiStore;
  scans: ScanStore;
  probes: ProbeStore;
  diagnoses: DiagnoseStore;
  /** History page state, and the app's alerts (with browser-mode notifications). */
  history: HistoryStore;
  /** Machine and per-connection rates over the last minutes, recorded from the live feed. */
  traffic: TrafficStore;
  /** Names for remote addresses (the "Resolve addresses" switch). */
  names: NamesStore;
  /** The language chosen in the settings (or the system's), remembered. */
  language: LanguageStore;
}

const ServicesContext = createContext<AppServices | null>(null);

export function ServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return (
    <ServicesContext.Provider value={services}>
      <I18nProvider language={services.language}>{children}</I18nProvider>
    </ServicesContext.Provider>
  );
}

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}

export function useSockets<T>(selector: (state: SocketStoreState) => T): T {
  return useStore(useServices().sockets, selector);
}

export function useUi<T>(selector: (state: UiState) => T): T {
  return useStore(useServices().ui, selector);
}

export function useScans<T>(selector: (state: ScanStoreState) => T): T {
  return useStore(useServices().scans, selector);
}

export function useProbes<T>(selector: (state: ProbeStoreState) => T): T {
  return useStore(useServices().probes, selector);
}

export function useDiagnoses<T>(selector: (state: DiagnoseStoreState) => T): T {
  return useStore(useServices().diagnoses, selector);
}

export function useTraffic<T>(selector: (state: TrafficStoreState) => T): T {
  return useStore(useServices().traffic, selector);
}

export function useNames<T>(selector: (state: NamesStoreState) => T): T {
  return useStore(useServices().names, selector);
}

export function useLanguage<T>(selector: (state: LanguageState) => T): T {
  return useStore(useServices().language, selector);
}
