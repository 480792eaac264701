import ipaddr from 'ipaddr.js';

/** Ranges a person can be expected to administer: their own machine and private networks. */
const LOCAL_RANGES = new Set(['loopback', 'private', 'linkLocal', 'uniqueLocal', 'unspecified']);

export function needsAuthorization(address: string): boolean {
  try {
    let parsed = ipaddr.parse(address);
    if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
    return !LOCAL_RANGES.has(parsed.range());
  } catch {
    return true;
  }
}

export function isLoopbackTarget(address: string): boolean {
  try {
    let parsed = ipaddr.parse(address);
    if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
    return parsed.range() === 'loopback' || parsed.range() === 'unspecified';
  } catch {
    return false;
  }
}

export const AUTHORIZATION_NOTICE =
  'Scanning hosts you do not administer may be illegal where you live and is often against the rules of your provider. ' +
  'Only targets on loopback, private (RFC 1918), link-local and unique-local networks are scanned without confirmation.';

export function unauthorizedMessage(addresses: readonly string[]): string {
  const shown = addresses.slice(0, 3).join(', ') + (addresses.length > 3 ? ` and ${addresses.length - 3} more` : '');
  return `${shown} ${addresses.length === 1 ? 'is' : 'are'} outside your local networks. ${AUTHORIZATION_NOTICE} Confirm you are allowed to scan them (--i-am-authorized).`;
}
