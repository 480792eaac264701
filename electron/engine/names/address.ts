import net from 'node:net';

/** An IP literal reduced to one spelling, so `::FFFF:10.0.0.1`, `0:0::1` and a hosts file's `::0001` meet the rows' addresses. */
export interface NormalAddress {
  /** Canonical text: IPv4 dotted quad, or IPv6 compressed lowercase (an IPv4-mapped v6 address becomes its v4 address). */
  address: string;
  family: 4 | 6;
  /** The zone of a scoped v6 literal (`fe80::1%eth0` -> `eth0`), or null. */
  scope: string | null;
}

const MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/;

/** Null for anything that is not an IP literal (names, ports, garbage): those get no name. */
export function normalizeAddress(text: string): NormalAddress | null {
  const at = text.indexOf('%');
  const bare = at >= 0 ? text.slice(0, at) : text;
  const scope = at >= 0 ? text.slice(at + 1) : null;
  if (scope !== null && !/^[A-Za-z0-9_.:-]{1,64}$/.test(scope)) return null;
  // net.isIP refuses leading zeros (`010.0.0.1`, octal to some parsers), so a v4 literal is already canonical.
  const family = net.isIP(bare);
  if (family === 4) return scope === null ? { address: bare, family: 4, scope: null } : null;
  if (family !== 6) return null;
  // SocketAddress formats through inet_ntop: the RFC 5952 spelling the kernel's rows use.
  const canonical = new net.SocketAddress({ address: bare, family: 'ipv6' }).address.toLowerCase();
  const mapped = MAPPED.exec(canonical);
  if (mapped) return { address: mapped[1]!, family: 4, scope: null };
  return { address: canonical, family: 6, scope };
}

/** 127.0.0.0/8 and ::1: this machine, whatever interface list the OS reports. */
export function isLoopback(a: NormalAddress): boolean {
  return a.family === 4 ? a.address.startsWith('127.') : a.address === '::1';
}

/** 0.0.0.0 and ::, a listener's "every interface". */
export function isUnspecified(a: NormalAddress): boolean {
  return a.address === '0.0.0.0' || a.address === '::';
}

/**
 * Addresses no DNS server could name for us: link-local (169.254/16, fe80::/10; mDNS, not DNS,
 * knows those), multicast and broadcast. Asking would only cost a timeout per address.
 */
export function isOutsideDns(a: NormalAddress): boolean {
  if (a.family === 4) {
    const first = Number(a.address.split('.')[0]);
    return a.address.startsWith('169.254.') || (first >= 224 && first <= 255) || first === 0;
  }
  return /^fe[89ab][0-9a-f]:/.test(a.address) || a.address.startsWith('ff');
}
