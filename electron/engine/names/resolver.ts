import type { AddressName } from '../../../shared/contract/names';
import { isLoopback, isOutsideDns, isUnspecified, normalizeAddress, type NormalAddress } from './address';
import { HostsFile } from './hostsFile';
import { LocalAddresses, type InterfaceList } from './interfaces';
import { ReverseDns, type ReverseDnsOptions, type ReverseResult } from './reverseDns';

export interface NameResolverOptions {
  /** The hosts file to read (default: the OS's); tests pass their own. */
  hostsPath?: string;
  /** How often the hosts file's mtime is looked at, at most. */
  hostsCheckMs?: number;
  /** Where this machine's interfaces come from (default os.networkInterfaces). */
  interfaces?: InterfaceList;
  interfacesRefreshMs?: number;
  dns?: ReverseDnsOptions;
  /** Names from background lookups are sent at most once per this many milliseconds. */
  batchMs?: number;
}

/** The `interface` of 0.0.0.0 and `::`: a socket bound to every interface. (No Linux interface can be called "all".) */
export const ALL_INTERFACES = 'all';
export const THIS_MACHINE = 'this machine';

/** The contract's event limit: a bigger batch goes out as several events. */
const MAX_PER_EVENT = 4096;

/**
 * Names for addresses, one per engine. What is known locally answers at once, in this order:
 * this machine's own addresses (with their interface), the hosts file, then the reverse DNS
 * cache. Addresses without an answer get a background lookup when the caller asks for DNS; its
 * results go to `onResolved` in batches, never more often than every `batchMs`.
 */
export class NameResolver {
  private readonly local: LocalAddresses;
  private readonly hosts: HostsFile;
  private dnsLookups: ReverseDns | null = null;
  /** For each address being looked up, the spellings callers asked with (`::ffff:10.0.0.1` and `10.0.0.1`). */
  private readonly askedAs = new Map<string, Set<string>>();
  private batch: AddressName[] = [];
  private timer: NodeJS.Timeout | null = null;
  private disposed = false;

  constructor(
    private readonly options: NameResolverOptions,
    private readonly onResolved: (names: AddressName[]) => void,
  ) {
    this.local = new LocalAddresses(options.interfaces, options.interfacesRefreshMs);
    this.hosts = new HostsFile(options.hostsPath, options.hostsCheckMs);
  }

  lookup(addresses: readonly string[], dns: boolean): AddressName[] {
    return addresses.map((text) => this.one(text, dns));
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.batch = [];
    this.dnsLookups?.dispose();
  }

  private one(text: string, dns: boolean): AddressName {
    const none: AddressName = { address: text, name: null, source: null, interface: null, pending: false };
    const a = normalizeAddress(text);
    if (!a) return none;
    const scoped = a.scope === null ? null : `${a.address}%${a.scope}`;
    const local = (iface: string): AddressName => ({ ...none, name: THIS_MACHINE, source: 'local', interface: iface });
    if (isUnspecified(a)) return local(ALL_INTERFACES);
    const iface = (scoped && this.local.interfaceOf(scoped)) || this.local.interfaceOf(a.address);
    if (iface) return local(iface);
    if (isLoopback(a)) return local(this.local.loopback);
    const fromHosts = (scoped && this.hosts.lookup(scoped)) || this.hosts.lookup(a.address);
    if (fromHosts) return { ...none, name: fromHosts, source: 'hosts' };
    if (isOutsideDns(a)) return none;
    const cached = this.dnsLookups?.cached(a.address);
    const named = (name: string | null, pending: boolean): AddressName => ({ ...none, name, source: name === null ? null : 'dns', pending });
    if (cached && !cached.expired) return named(cached.name, false);
    if (!dns && !this.dnsLookups?.isPending(a.address)) return none;
    // An expired name is shown while it is asked again, so a table does not lose it every TTL.
    const stale = cached?.name ?? null;
    return this.startLookup(a, text) ? named(stale, true) : none;
  }

  private startLookup(a: NormalAddress, text: string): boolean {
    if (this.disposed) return false;
    this.dnsLookups ??= new ReverseDns(this.options.dns ?? {}, (r) => this.resolved(r));
    if (!this.dnsLookups.request(a)) return false;
    let spellings = this.askedAs.get(a.address);
    if (!spellings) this.askedAs.set(a.address, (spellings = new Set()));
    // Bounded: a lookup in flight collects the spellings of one address (a handful at most).
    if (spellings.size < 8) spellings.add(text);
    return true;
  }

  private resolved({ address, name }: ReverseResult): void {
    const spellings = this.askedAs.get(address) ?? new Set([address]);
    this.askedAs.delete(address);
    for (const text of spellings) {
      this.batch.push({ address: text, name, source: name === null ? null : 'dns', interface: null, pending: false });
    }
    this.timer ??= setTimeout(() => this.flush(), this.options.batchMs ?? 250);
    // The batch timer alone must not keep a finished CLI command alive.
    this.timer.unref();
  }

  private flush(): void {
    this.timer = null;
    const out = this.batch;
    this.batch = [];
    for (let i = 0; i < out.length && !this.disposed; i += MAX_PER_EVENT) this.onResolved(out.slice(i, i + MAX_PER_EVENT));
  }
}
