import ipaddr from 'ipaddr.js';
import type { ErrorText } from '../../../shared/contract/errors';
import { localizedMessage } from '../localizedText';

/**
 * Ranges a person can be expected to administer: their own machine and private networks
 * (loopback, RFC 1918, unique-local fc00::/7, the unspecified address), also as IPv4-mapped IPv6.
 * Link-local is not among them: 169.254.169.254 is a cloud provider's metadata service, and
 * fe80::/10 reaches whatever shares the link. NAT64 (64:ff9b::/96), 6to4 (2002::/16) and every
 * other form count as outside, whatever address they embed.
 */
const LOCAL_V4 = ['0.0.0.0/8', '10.0.0.0/8', '127.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];
const LOCAL_V6 = ['::/128', '::1/128', 'fc00::/7', ...LOCAL_V4.map((c) => `::ffff:${c.split('/')[0]}/${96 + Number(c.split('/')[1])}`)];
const LOOPBACK_V4 = ['127.0.0.0/8', '0.0.0.0/32'];
const LOOPBACK_V6 = ['::1/128', '::/128', '::ffff:127.0.0.0/104', '::ffff:0.0.0.0/128'];

type Interval = [bigint, bigint];

/** An address as a number (IPv4: 32 bits, IPv6: 128 bits). */
export function addressValue(address: string): { family: 4 | 6; value: bigint } {
  const parsed = ipaddr.parse(address);
  let value = 0n;
  if (parsed.kind() === 'ipv4') {
    for (const o of (parsed as ipaddr.IPv4).octets) value = (value << 8n) | BigInt(o);
    return { family: 4, value };
  }
  for (const p of (parsed as ipaddr.IPv6).parts) value = (value << 16n) | BigInt(p);
  return { family: 6, value };
}

function intervals(cidrs: readonly string[]): Interval[] {
  return cidrs
    .map((c): Interval => {
      const [base, prefix] = ipaddr.parseCIDR(c);
      const { family, value } = addressValue(base.toString());
      const size = 1n << BigInt((family === 4 ? 32 : 128) - prefix);
      return [value, value + size];
    })
    .sort((x, y) => (x[0] < y[0] ? -1 : 1));
}

const LOCAL = { 4: intervals(LOCAL_V4), 6: intervals(LOCAL_V6) };
const LOOPBACK = { 4: intervals(LOOPBACK_V4), 6: intervals(LOOPBACK_V6) };

/** True when every address of [start, start + count) lies in the sorted, disjoint intervals. */
function covered(list: readonly Interval[], start: bigint, count: number): boolean {
  let cursor = start;
  const end = start + BigInt(count);
  for (const [a, b] of list) {
    if (b <= cursor) continue;
    if (a > cursor) return false;
    cursor = b;
    if (cursor >= end) return true;
  }
  return cursor >= end;
}

/**
 * Whether a run of consecutive addresses holds any outside the local ranges: exact, and a handful
 * of comparisons whatever the run's size (a /8 is not checked address by address).
 */
export function runNeedsAuthorization(family: 4 | 6, start: bigint, count: number): boolean {
  return !covered(LOCAL[family], start, count);
}

export function needsAuthorization(address: string): boolean {
  try {
    const { family, value } = addressValue(address);
    return runNeedsAuthorization(family, value, 1);
  } catch {
    return true;
  }
}

export function isLoopbackValue(family: 4 | 6, value: bigint): boolean {
  return covered(LOOPBACK[family], value, 1);
}

export function runIsLoopback(family: 4 | 6, start: bigint, count: number): boolean {
  return covered(LOOPBACK[family], start, count);
}

export function isLoopbackTarget(address: string): boolean {
  try {
    const { family, value } = addressValue(address);
    return isLoopbackValue(family, value);
  } catch {
    return false;
  }
}

export const AUTHORIZATION_NOTICE =
  'Scanning hosts you do not administer may be illegal where you live and is often against the rules of your provider. ' +
  'Only targets on loopback, private (RFC 1918) and unique-local networks are scanned without confirmation; link-local ones (169.254.0.0/16, fe80::/10, cloud metadata services) need it too.';

/** The refusal of a scan beyond the local networks, with its catalog key (the notice is part of the message). */
export function unauthorizedText(addresses: readonly string[]): ErrorText & { message: string } {
  return localizedMessage('engine.scan.unauthorized', {
    list: addresses.slice(0, 3).join(', '),
    more: Math.max(0, addresses.length - 3),
    count: addresses.length,
  });
}

export function unauthorizedMessage(addresses: readonly string[]): string {
  return unauthorizedText(addresses).message;
}

/** The refusal of a probe beyond the local networks. */
export function probeUnauthorizedText(shown: string): ErrorText & { message: string } {
  return localizedMessage('engine.probe.unauthorized', { target: shown });
}
