import type { Exposure, PortClass } from '../contract/sockets';

/** IANA's three ranges: well-known 0–1023, registered 1024–49151, dynamic/private 49152–65535. */
export function portClass(port: number): PortClass {
  if (port <= 1023) return 'well-known';
  if (port <= 49151) return 'registered';
  return 'dynamic';
}

export function isValidPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}

const V4_ANY = '0.0.0.0';
const V6_ANY = '::';

export function isAnyAddress(address: string): boolean {
  return address === V4_ANY || address === V6_ANY;
}

/** 127.0.0.0/8, ::1, and v4-mapped loopback. */
export function isLoopbackAddress(address: string): boolean {
  if (address === '::1') return true;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') && !v4.includes(':');
}

/** Who can reach a socket bound to this local address. */
export function exposureOf(localAddress: string): Exposure {
  if (isAnyAddress(localAddress)) return 'all';
  if (isLoopbackAddress(localAddress)) return 'loopback';
  return 'specific';
}
