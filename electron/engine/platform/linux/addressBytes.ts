import ipaddr from 'ipaddr.js';
import type { Family } from '../../../../shared/contract/sockets';

/**
 * An address as the socket table prints it, in the kernel's byte layout for that family: 4 bytes
 * for IPv4, 16 for IPv6 (an IPv4 address on an IPv6 socket becomes `::ffff:a.b.c.d`, as the
 * kernel keeps it). A zone (`fe80::1%eth0`) is not part of the address bytes.
 */
export function addressBytes(address: string, family: Family): Buffer {
  const bare = address.replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) throw Object.assign(new Error(`'${address}' is not an IP address`), { code: 'EINVAL' });
  const parsed = ipaddr.parse(bare);
  if (family === 4) {
    const v4 = parsed.kind() === 'ipv4' ? (parsed as ipaddr.IPv4) : (parsed as ipaddr.IPv6).isIPv4MappedAddress() ? (parsed as ipaddr.IPv6).toIPv4Address() : null;
    if (!v4) throw Object.assign(new Error(`'${address}' is not an IPv4 address`), { code: 'EINVAL' });
    return Buffer.from(v4.toByteArray());
  }
  const v6 = parsed.kind() === 'ipv6' ? (parsed as ipaddr.IPv6) : (parsed as ipaddr.IPv4).toIPv4MappedAddress();
  return Buffer.from(v6.toByteArray());
}
