import os from 'node:os';
import { normalizeAddress } from './address';

export type InterfaceList = () => NodeJS.Dict<os.NetworkInterfaceInfo[]>;

/**
 * This machine's own addresses and the interface holding each, as the OS names them (`eth0`,
 * `docker0`, `lo`; `Wi-Fi`, `Ethernet 2` on Windows). Interfaces come and go (a container
 * starts, a VPN connects), so the list is read again when it is older than `refreshMs`, and not
 * on every call (os.networkInterfaces() walks getifaddrs each time).
 */
export class LocalAddresses {
  private byAddress = new Map<string, string>();
  private loopbackName = 'lo';
  private readAt = -Infinity;

  constructor(
    private readonly list: InterfaceList = os.networkInterfaces,
    private readonly refreshMs = 30_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The interface holding this address (canonical form, with `%zone` for a scoped one), or null. */
  interfaceOf(address: string): string | null {
    this.refresh();
    return this.byAddress.get(address) ?? null;
  }

  /** What the loopback interface is called here: `lo` (Linux), `lo0` (macOS), `Loopback Pseudo-Interface 1` (Windows). */
  get loopback(): string {
    this.refresh();
    return this.loopbackName;
  }

  private refresh(): void {
    const t = this.now();
    if (t - this.readAt < this.refreshMs) return;
    this.readAt = t;
    const next = new Map<string, string>();
    let loopback: string | null = null;
    let interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]>;
    try {
      interfaces = this.list();
    } catch {
      interfaces = {};
    }
    for (const [osName, addrs] of Object.entries(interfaces)) {
      // Windows lets users name adapters at length; the contract carries 64 characters.
      const name = osName.length > 64 ? `${osName.slice(0, 63)}…` : osName;
      for (const info of addrs ?? []) {
        const a = normalizeAddress(info.address);
        if (!a) continue;
        if (info.internal && !loopback) loopback = name;
        // A link-local address is one per interface: keep it under its zone, and bare for the first holder.
        if (a.family === 6 && a.address.startsWith('fe80:')) next.set(`${a.address}%${name}`, name);
        if (!next.has(a.address)) next.set(a.address, name);
      }
    }
    this.byAddress = next;
    this.loopbackName = loopback ?? this.loopbackName;
  }
}
