import os from 'node:os';
import type { CallHandlers } from '../../../shared/contract';
import type { AddressName } from '../../../shared/contract/names';

/**
 * names.lookup, first cut: this machine's own addresses only (the resolver with /etc/hosts and
 * reverse DNS replaces this; see the names work in progress).
 */
export function namesHandlers(): Pick<CallHandlers, 'names.lookup'> {
  return {
    'names.lookup': async ({ addresses }) => {
      const local = new Map<string, string>();
      for (const [ifname, list] of Object.entries(os.networkInterfaces())) for (const a of list ?? []) local.set(a.address, ifname);
      const names: AddressName[] = addresses.map((address) => {
        const iface = local.get(address);
        return iface ? { address, name: 'this machine', source: 'local', interface: iface, pending: false } : { address, name: null, source: null, interface: null, pending: false };
      });
      return { names };
    },
  };
}
