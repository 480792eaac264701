import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PortResult, ScanDone, ScanFound, ScanProgress, ScanRequest, ScanResult, ScanStartResponse } from '../../../shared/contract';
import { ContractError } from '../../../shared/contract/errors';
import { isLargeScanRefusal } from '../../../shared/contract/scan';
import type { RendererClient } from '../../contract/types';
import { errorMessage } from '../../format/errors';
import { loadHistory, saveHistory, type HistoryStorage } from './persist';
import { currentLang } from '../../i18n/current';
import { plainT } from '../../i18n/plain';

export interface ScanRecord {
  scanId: string;
  request: ScanRequest;
  result: ScanResult;
}

export type ScanPhase = 'idle' | 'starting' | 'needs-authorization' | 'running' | 'cancelling' | 'done' | 'error';

export interface ScanStoreState {
  phase: ScanPhase;
  request: ScanRequest | null;
  /** What `scan.start` answered: the hosts it resolved, the probe count. */
  started: ScanStartResponse | null;
  progress: ScanProgress | null;
  /** Open ports as they are found, before the final result. */
  found: PortResult[];
  result: ScanResult | null;
  error: string | null;
  /** The engine's words when it refused a public target, or a large scan, without confirmation. */
  authorizationMessage: string | null;
  /** What the refusal asks to confirm: a public target (`authorized`) or a large scan (`force`). */
  confirmation: 'public' | 'large' | null;
  /** Finished scans, newest first, kept across reloads when the store has a storage. */
  history: ScanRecord[];

  start(request: ScanRequest): Promise<void>;
  /** Retries the refused request with `authorized: true` (or `force: true` for a large scan) after the user confirmed. */
  authorize(): Promise<void>;
  declineAuthorization(): void;
  cancel(): Promise<void>;
}

export type ScanStore = StoreApi<ScanStoreState>;

export const HISTORY_LIMIT = 20;

/**
 * One scan at a time, driven by the contract: `scan.start` answers with an id, then progress,
 * found ports and the final result arrive as events for that id. Events can overtake the start
 * answer, so those with an unknown id are held until it arrives.
 */
export function createScanStore(client: RendererClient, storage: HistoryStorage | null = null): ScanStore {
  let unsubscribe: Array<() => void> = [];
  let early: Array<{ kind: 'progress' | 'found' | 'done'; payload: ScanProgress | ScanFound | ScanDone }> = [];

  const store = createStore<ScanStoreState>()((set, get) => {
    function stopListening(): void {
      for (const off of unsubscribe) off();
      unsubscribe = [];
      early = [];
    }

    function mine(scanId: string): boolean {
      return get().started?.scanId === scanId;
    }

    function onProgress(p: ScanProgress): void {
      if (get().started === null) early.push({ kind: 'progress', payload: p });
      else if (mine(p.scanId)) set({ progress: p });
    }

    function onFound(f: ScanFound): void {
      if (get().started === null) early.push({ kind: 'found', payload: f });
      else if (mine(f.scanId)) set({ found: [...get().found, f.result] });
    }

    function onDone(d: ScanDone): void {
      if (get().started === null) {
        early.push({ kind: 'done', payload: d });
        return;
      }
      if (!mine(d.scanId)) return;
      finish(d.result, d.error);
    }

    function finish(result: ScanResult | null, error: string | null): void {
      stopListening();
      const request = get().request;
      if (!result) {
        set({ phase: 'error', error: error ?? plainT(currentLang())('ui.scan.noResult') });
        return;
      }
      const history = request ? [{ scanId: result.scanId, request, result }, ...get().history].slice(0, HISTORY_LIMIT) : get().history;
      set({ phase: 'done', result, error, history });
      saveHistory(storage, history);
    }

    async function run(request: ScanRequest): Promise<void> {
      stopListening();
      set({ phase: 'starting', request, started: null, progress: null, found: [], result: null, error: null, authorizationMessage: null, confirmation: null });
      unsubscribe = [
        client.on('scan.progress', onProgress),
        client.on('scan.found', onFound),
        client.on('scan.done', onDone),
        // Events sent while the link was down are lost: ask for the result instead.
        client.onReconnect(() => {
          const id = get().started?.scanId;
          if (!id || (get().phase !== 'running' && get().phase !== 'cancelling')) return;
          void client.call('scan.result', { scanId: id }).then((r) => {
            if (r && mine(r.scanId)) finish(r, null);
          });
        }),
      ];
      try {
        const started = await client.call('scan.start', request);
        if (get().request !== request) return;
        set({ started, phase: 'running' });
        const held = early;
        early = [];
        for (const e of held) {
          if (e.kind === 'progress') onProgress(e.payload as ScanProgress);
          else if (e.kind === 'found') onFound(e.payload as ScanFound);
          else onDone(e.payload as ScanDone);
        }
      } catch (err) {
        stopListening();
        // A large scan is confirmed separately from a public target: saying yes to one never grants the other.
        if (err instanceof ContractError && err.code === 'denied' && isLargeScanRefusal(err.message) && !request.force) {
          set({ phase: 'needs-authorization', authorizationMessage: err.message, confirmation: 'large' });
        } else if (err instanceof ContractError && err.code === 'denied' && !request.authorized) {
          set({ phase: 'needs-authorization', authorizationMessage: err.message, confirmation: 'public' });
        } else {
          set({ phase: 'error', error: errorMessage(err) });
        }
      }
    }

    return {
      phase: 'idle',
      request: null,
      started: null,
      progress: null,
      found: [],
      result: null,
      error: null,
      authorizationMessage: null,
      confirmation: null,
      history: loadHistory(storage),
      start: run,
      async authorize() {
        const { request, confirmation } = get();
        if (request) await run(confirmation === 'large' ? { ...request, force: true } : { ...request, authorized: true });
      },
      declineAuthorization() {
        set({ phase: 'idle', authorizationMessage: null, confirmation: null });
      },
      async cancel() {
        const id = get().started?.scanId;
        if (!id || get().phase !== 'running') return;
        set({ phase: 'cancelling' });
        try {
          await client.call('scan.cancel', { scanId: id });
        } catch (err) {
          set({ phase: 'running', error: errorMessage(err) });
        }
      },
    };
  });
  return store;
}
