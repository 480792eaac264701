import type { CallHandlers, CallName } from '../../shared/contract';

/**
 * Handlers whose module is loaded on first use. A `portscope list` never scans or exports, and
 * loading the scanner and the report renderers (with the Node modules they pull in) cost a
 * short command more than reading the socket table.
 */
export function lazyHandlers<K extends CallName>(names: readonly K[], load: () => Promise<Pick<CallHandlers, K>>): Pick<CallHandlers, K> {
  let loaded: Promise<Pick<CallHandlers, K>> | null = null;
  const out: Partial<Record<K, (request: never) => Promise<unknown>>> = {};
  for (const name of names) {
    out[name] = async (request: never) => {
      loaded ??= load();
      const handlers = await loaded;
      return (handlers[name] as unknown as (r: never) => Promise<unknown>)(request);
    };
  }
  return out as unknown as Pick<CallHandlers, K>;
}
