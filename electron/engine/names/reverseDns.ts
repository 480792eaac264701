import dns from 'node:dns';
import { normalizeAddress, type NormalAddress } from './address';
import { isLocalhostName, validHostname } from './hostname';
import { ExpiringLru } from './lruCache';

export interface ReverseDnsOptions {
  /** DNS servers to ask (`127.0.0.1:5353`, `[::1]:53`); default: the system's (resolv.conf, the Windows adapters'). */
  servers?: string[];
  /** Lookups in flight at once, each a PTR query and its forward check. */
  concurrency?: number;
  /** Wait for one query's answer before trying again (c-ares doubles it per try). */
  timeoutMs?: number;
  tries?: number;
  /** A name is kept for its forward record's TTL, held inside this range. */
  minTtlMs?: number;
  maxTtlMs?: number;
  /** "No name" (NXDOMAIN, no data, a timeout, a name that failed the checks) is kept this long. */
  negativeTtlMs?: number;
  /** Cached answers, positive and negative, at most (least recently used dropped first). */
  maxEntries?: number;
  /** Addresses waiting for a free slot, at most; beyond that a request is refused (asked again later). */
  maxQueue?: number;
  now?: () => number;
}

/** What a finished lookup found: a checked name, or null. */
export type ReverseResult = { address: string; name: string | null };

/** How many PTR names of one address are forward-checked: a zone listing dozens is not served in full. */
const MAX_PTR_NAMES = 4;

const RESOLVER_MAX_AGE_MS = 5 * 60_000;

/**
 * Reverse DNS off the caller's path. `request` queues a lookup and returns at once; at most
 * `concurrency` run, each a PTR query and a forward (A or AAAA) query for the name it gives, and
 * a name counts only if it maps back to the address: whoever holds an address's reverse zone can
 * write any name there ("www.yourbank.example"), but not into that name's own forward zone.
 * Answers, "no name" included, are cached with expiry, so a table refreshed every second asks
 * the network once per address and TTL, not once per refresh.
 */
export class ReverseDns {
  private resolver: dns.promises.Resolver;
  private resolverMadeAt: number;
  private readonly cache: ExpiringLru<string | null>;
  private readonly queue: NormalAddress[] = [];
  /** Addresses queued or in flight. */
  private readonly active = new Set<string>();
  private running = 0;
  private disposed = false;
  private readonly o: Required<Omit<ReverseDnsOptions, 'servers'>>;
  private readonly servers: string[] | null;

  constructor(
    options: ReverseDnsOptions,
    private readonly onResult: (result: ReverseResult) => void,
  ) {
    this.o = {
      concurrency: options.concurrency ?? 8,
      timeoutMs: options.timeoutMs ?? 1000,
      tries: options.tries ?? 2,
      minTtlMs: options.minTtlMs ?? 60_000,
      maxTtlMs: options.maxTtlMs ?? 10 * 60_000,
      negativeTtlMs: options.negativeTtlMs ?? 2 * 60_000,
      maxEntries: options.maxEntries ?? 10_000,
      maxQueue: options.maxQueue ?? 4096,
      now: options.now ?? (() => performance.now()),
    };
    this.servers = options.servers?.length ? options.servers : null;
    this.resolver = this.makeResolver();
    this.resolverMadeAt = this.o.now();
    this.cache = new ExpiringLru(this.o.maxEntries, this.o.now);
  }

  /** The cached answer (a name, or null for "none") and whether it expired; undefined when never answered (or evicted). */
  cached(address: string): { name: string | null; expired: boolean } | undefined {
    const e = this.cache.get(address);
    return e && { name: e.value, expired: e.expired };
  }

  /** Starts a lookup unless one runs. False when the queue is full or this is disposed: no answer will come. */
  request(address: NormalAddress): boolean {
    if (this.active.has(address.address)) return true;
    if (this.disposed || this.queue.length >= this.o.maxQueue) return false;
    this.active.add(address.address);
    this.queue.push(address);
    this.pump();
    return true;
  }

  isPending(address: string): boolean {
    return this.active.has(address);
  }

  dispose(): void {
    this.disposed = true;
    this.queue.length = 0;
    this.resolver.cancel();
  }

  private makeResolver(): dns.promises.Resolver {
    const resolver = new dns.promises.Resolver({ timeout: this.o.timeoutMs, tries: this.o.tries });
    if (this.servers) resolver.setServers(this.servers);
    return resolver;
  }

  private pump(): void {
    // The system's servers are read when a resolver is made, and they change (a VPN connects,
    // the Wi-Fi moves): an idle resolver older than this is replaced before the next lookup.
    if (!this.servers && this.running === 0 && this.o.now() - this.resolverMadeAt > RESOLVER_MAX_AGE_MS) {
      this.resolver = this.makeResolver();
      this.resolverMadeAt = this.o.now();
    }
    while (!this.disposed && this.running < this.o.concurrency && this.queue.length > 0) {
      const next = this.queue.shift()!;
      this.running++;
      void this.lookup(next).then(({ name, ttlMs }) => {
        this.running--;
        this.active.delete(next.address);
        if (this.disposed) return;
        this.cache.set(next.address, name, ttlMs);
        this.onResult({ address: next.address, name });
        this.pump();
      });
    }
  }

  /** Never rejects: every failure is "no name", cached for the negative TTL. */
  private async lookup(address: NormalAddress): Promise<{ name: string | null; ttlMs: number }> {
    const none = { name: null, ttlMs: this.o.negativeTtlMs };
    let ptrNames: string[];
    try {
      ptrNames = await this.resolver.reverse(address.address);
    } catch {
      // ENOTFOUND (NXDOMAIN), ENODATA, ETIMEOUT, ESERVFAIL, ECONNREFUSED, EBADRESP (c-ares refuses
      // a PTR answer holding characters no host name has): all mean no name to show.
      return none;
    }
    for (const raw of ptrNames.slice(0, MAX_PTR_NAMES)) {
      const name = validHostname(raw);
      if (!name || isLocalhostName(name)) continue;
      const ttl = await this.forwardTtl(name, address);
      if (ttl !== null) return { name, ttlMs: Math.min(this.o.maxTtlMs, Math.max(this.o.minTtlMs, ttl * 1000)) };
    }
    return none;
  }

  /** The TTL (seconds) of the forward record that maps `name` back to the address, or null when none does. */
  private async forwardTtl(name: string, address: NormalAddress): Promise<number | null> {
    try {
      const records = address.family === 4 ? await this.resolver.resolve4(name, { ttl: true }) : await this.resolver.resolve6(name, { ttl: true });
      const match = records.filter((r) => normalizeAddress(r.address)?.address === address.address);
      return match.length > 0 ? Math.min(...match.map((r) => r.ttl)) : null;
    } catch {
      return null;
    }
  }
}
