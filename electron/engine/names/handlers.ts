import type { CallHandlers } from '../../../shared/contract';
import type { AddressName } from '../../../shared/contract/names';
import { NameResolver, type NameResolverOptions } from './resolver';

/**
 * names.lookup over the engine's one resolver: answers at once, never waiting for DNS (see
 * resolver.ts); names found later leave through `onResolved` (the engine's names.resolved event).
 */
export function namesHandlers(
  options: NameResolverOptions,
  onResolved: (names: AddressName[]) => void,
): { handlers: Pick<CallHandlers, 'names.lookup'>; dispose: () => void } {
  const resolver = new NameResolver(options, onResolved);
  return {
    handlers: { 'names.lookup': async ({ addresses, dns }) => ({ names: resolver.lookup(addresses, dns) }) },
    dispose: () => resolver.dispose(),
  };
}
