import ipaddr from 'ipaddr.js';

export function v4String(value: number): string {
  return `${Math.floor(value / 16777216) % 256}.${Math.floor(value / 65536) % 256}.${Math.floor(value / 256) % 256}.${value % 256}`;
}

export function v6String(value: bigint): string {
  const parts: number[] = [];
  for (let i = 7; i >= 0; i--) parts.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  return ipaddr.IPv6.parse(parts.map((p) => p.toString(16)).join(':')).toString();
}

/** The canonical text of an address value (dotted quad, or RFC 5952 IPv6). */
export function addressString(family: 4 | 6, value: bigint): string {
  return family === 4 ? v4String(Number(value)) : v6String(value);
}
