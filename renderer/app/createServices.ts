import type { RendererClient } from '../contract/types';
import { createDiagnoseStore } from '../stores/diagnose';
import { createHistoryStore } from '../stores/history';
import { createNamesStore } from '../stores/names';
import { createProbeStore } from '../stores/probe';
import { createScanStore } from '../stores/scan/store';
import { connectSocketFeed, type FeedOptions } from '../stores/sockets/feed';
import { createSocketStore } from '../stores/sockets/store';
import { createTrafficStore } from '../stores/traffic';
import { createUiStore, type Page } from '../stores/ui';
import { createLanguageStore, defaultLanguageStorage, systemLanguages } from '../i18n/language';
import type { AppServices } from './services';

/** Wires the stores to one client: used by main.tsx and, with a fake client, by the tests. */
export function createServices(client: RendererClient, page: Page = 'dashboard', feedOptions?: FeedOptions): AppServices {
  const sockets = createSocketStore();
  const traffic = createTrafficStore();
  return {
    client,
    sockets,
    traffic,
    names: createNamesStore(client, typeof localStorage === 'undefined' ? null : localStorage),
    feed: connectSocketFeed(client, sockets, { traffic, ...feedOptions }),
    ui: createUiStore(page),
    scans: createScanStore(client, typeof localStorage === 'undefined' ? null : localStorage),
    probes: createProbeStore(client),
    diagnoses: createDiagnoseStore(client),
    history: createHistoryStore(client),
    language: createLanguageStore(typeof window === 'undefined' ? [] : systemLanguages(window), defaultLanguageStorage()),
  };
}
