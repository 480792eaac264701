import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AddressName } from '../../shared/contract';
import type { RendererClient } from '../contract/types';
import { errorMessage } from '../format/errors';
import { currentLang } from '../i18n/current';
import { plainT, type Tr } from '../i18n/plain';

/**
 * Names for remote addresses (TCPView's "Resolve Addresses"), off by default and remembered.
 * The table never waits: cells show the address, and the name when one arrives. Addresses are
 * asked for in batches (a short debounce gathers a tick's worth), each one once per session;
 * reverse lookups the engine starts come back later in `names.resolved`.
 */

export const RESOLVE_STORAGE_KEY = 'portscope.names.resolve';
/** Gathers the addresses of a tick and of a scroll into one call. */
export const LOOKUP_DEBOUNCE_MS = 250;
/** The contract's limit for one call. */
const BATCH = 4096;
/** Names remembered at most; a long session over many peers forgets the oldest. */
const NAME_LIMIT = 20_000;

export interface NamesStoreState {
  enabled: boolean;
  /** Answers by address (name may be null: nothing known). Replaced, not mutated, when it grows. */
  names: ReadonlyMap<string, AddressName>;
  /** The last call's failure, for a tooltip on the switch; null while fine. */
  error: string | null;
  setEnabled(enabled: boolean): void;
  /** Addresses on screen now: the ones never asked for go out in the next batch. */
  want(addresses: Iterable<string>): void;
  dispose(): void;
}

export type NamesStore = StoreApi<NamesStoreState>;

interface Storage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function readEnabled(storage: Storage | null): boolean {
  try {
    return storage?.getItem(RESOLVE_STORAGE_KEY) === 'true';
  } catch {
    return false;
  }
}

/** Addresses that have no name to find: the unconnected side of a socket. */
export function isResolvable(address: string): boolean {
  return address !== '' && address !== '*' && address !== '0.0.0.0' && address !== '::';
}

export function createNamesStore(client: RendererClient, storage: Storage | null, debounceMs = LOOKUP_DEBOUNCE_MS): NamesStore {
  const asked = new Set<string>();
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let off: (() => void) | null = null;
  let offReconnect: (() => void) | null = null;

  const store = createStore<NamesStoreState>()((set, get) => {
    function merge(answers: readonly AddressName[]): void {
      if (answers.length === 0) return;
      const next = new Map(get().names);
      for (const a of answers) {
        // A pending answer with no name yet must not overwrite a name already known.
        if (a.name === null && next.get(a.address)?.name) continue;
        next.delete(a.address);
        next.set(a.address, a);
      }
      while (next.size > NAME_LIMIT) {
        const oldest = next.keys().next().value as string;
        next.delete(oldest);
        asked.delete(oldest);
      }
      set({ names: next });
    }

    async function flush(): Promise<void> {
      timer = null;
      if (!get().enabled || pending.size === 0) return;
      const batch = [...pending].slice(0, BATCH);
      for (const a of batch) pending.delete(a);
      if (pending.size > 0) timer = setTimeout(() => void flush(), debounceMs);
      try {
        const { names } = await client.call('names.lookup', { addresses: batch, dns: true });
        if (get().enabled) merge(names);
        if (get().error) set({ error: null });
      } catch (err) {
        // Asked again on the next want(): a dropped connection must not leave them nameless.
        for (const a of batch) asked.delete(a);
        set({ error: errorMessage(err) });
      }
    }

    function listen(): void {
      off ??= client.on('names.resolved', ({ names }) => {
        if (get().enabled) merge(names);
      });
      // Events sent while the link was down are lost: ask again for what is still pending.
      offReconnect ??= client.onReconnect(() => {
        for (const [address, answer] of get().names) if (answer.pending) asked.delete(address);
      });
    }

    function unlisten(): void {
      off?.();
      offReconnect?.();
      off = offReconnect = null;
    }

    return {
      enabled: false,
      names: new Map(),
      error: null,
      setEnabled(enabled) {
        try {
          storage?.setItem(RESOLVE_STORAGE_KEY, String(enabled));
        } catch {
          // storage refused: the switch still works for this window
        }
        if (enabled) listen();
        else {
          unlisten();
          pending.clear();
          if (timer) clearTimeout(timer);
          timer = null;
        }
        set({ enabled });
      },
      want(addresses) {
        if (!get().enabled) return;
        for (const a of addresses) {
          if (asked.has(a) || !isResolvable(a)) continue;
          asked.add(a);
          pending.add(a);
        }
        if (pending.size > 0 && !timer) timer = setTimeout(() => void flush(), debounceMs);
      },
      dispose() {
        unlisten();
        if (timer) clearTimeout(timer);
      },
    };
  });
  if (readEnabled(storage)) store.getState().setEnabled(true);
  return store;
}

/** What the remote column shows for a name: "this machine (eth0)" for one of our own addresses. */
export function nameLabel(answer: AddressName | undefined, t: Tr = plainT(currentLang())): string | null {
  if (!answer?.name) return null;
  // The engine names this machine's own addresses "this machine" (contract data): said in the reader's language.
  const name = answer.source === 'local' && answer.name === 'this machine' ? t('ui.traffic.thisMachine') : answer.name;
  if (answer.source === 'local' && answer.interface) return t('ui.traffic.nameInterface', { name, interface: answer.interface });
  return name;
}
