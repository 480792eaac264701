import dns from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { ContractError } from '../../../shared/contract/errors';
import type { ScanTarget } from '../../../shared/contract/scan';

/** A target spec, checked but not yet resolved: literal addresses are expanded, names wait for DNS. */
export type ParsedTarget = { kind: 'addresses'; spec: string; count: number; expand: () => string[] } | { kind: 'name'; spec: string; name: string };

/** Expanding more than this many hosts would only exhaust memory; nmap users split such scans. */
export const MAX_HOSTS = 1 << 24;

function bad(message: string): ContractError {
  return new ContractError('bad-request', message);
}

const V4_LITERAL = /^\d{1,3}(\.\d{1,3}){3}$/;
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$/i;

/** Strict dotted quad: ipaddr.js also accepts `0x7f.1` and `127.1`, which nobody means in a scan. */
function parseV4(text: string, spec: string): number {
  if (!V4_LITERAL.test(text)) throw bad(`'${spec}' is not a valid IPv4 address`);
  let value = 0;
  for (const octet of text.split('.')) {
    const n = Number(octet);
    if (n > 255) throw bad(`'${spec}' is not a valid IPv4 address: ${octet} is more than 255`);
    value = value * 256 + n;
  }
  return value;
}

function v4String(value: number): string {
  return `${Math.floor(value / 16777216) % 256}.${Math.floor(value / 65536) % 256}.${Math.floor(value / 256) % 256}.${value % 256}`;
}

function parseV6(text: string, spec: string): bigint {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (bare.includes('%')) throw bad(`'${spec}': scoped IPv6 addresses (%interface) are not supported in scans`);
  if (!ipaddr.IPv6.isValid(bare)) throw bad(`'${spec}' is not a valid IPv6 address`);
  let value = 0n;
  for (const part of ipaddr.IPv6.parse(bare).parts) value = (value << 16n) | BigInt(part);
  return value;
}

function v6String(value: bigint): string {
  const parts: number[] = [];
  for (let i = 7; i >= 0; i--) parts.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  return ipaddr.IPv6.parse(parts.map((p) => p.toString(16)).join(':')).toString();
}

function cidr(spec: string, base: string, prefixText: string): ParsedTarget {
  if (!/^\d{1,3}$/.test(prefixText)) throw bad(`'${spec}': prefix length '${prefixText}' is not a number`);
  const prefix = Number(prefixText);
  if (base.includes(':')) {
    if (prefix > 128) throw bad(`'${spec}': prefix length ${prefix} is more than 128`);
    const hostBits = 128 - prefix;
    if (hostBits > 24) throw bad(`'${spec}' holds 2^${hostBits} addresses; scan at most ${MAX_HOSTS} hosts at a time (use /104 or longer)`);
    const start = (parseV6(base, spec) >> BigInt(hostBits)) << BigInt(hostBits);
    const count = 2 ** hostBits;
    return { kind: 'addresses', spec, count, expand: () => Array.from({ length: count }, (_, i) => v6String(start + BigInt(i))) };
  }
  if (prefix > 32) throw bad(`'${spec}': prefix length ${prefix} is more than 32`);
  const hostBits = 32 - prefix;
  if (hostBits > 24) throw bad(`'${spec}' holds 2^${hostBits} addresses; scan at most ${MAX_HOSTS} hosts at a time (use /8 or longer)`);
  const count = 2 ** hostBits;
  const start = Math.floor(parseV4(base, spec) / count) * count;
  return { kind: 'addresses', spec, count, expand: () => Array.from({ length: count }, (_, i) => v4String(start + i)) };
}

/** `192.168.1.10-20` (last octet) or `192.168.1.10-192.168.1.20`. */
function v4Range(spec: string, from: string, to: string): ParsedTarget {
  const start = parseV4(from, spec);
  const end = /^\d{1,3}$/.test(to) ? Math.floor(start / 256) * 256 + Number(to) : parseV4(to, spec);
  if (/^\d{1,3}$/.test(to) && Number(to) > 255) throw bad(`'${spec}': ${to} is more than 255`);
  if (end < start) throw bad(`address range '${spec}' runs backwards`);
  const count = end - start + 1;
  if (count > MAX_HOSTS) throw bad(`'${spec}' holds ${count} addresses; scan at most ${MAX_HOSTS} at a time`);
  return { kind: 'addresses', spec, count, expand: () => Array.from({ length: count }, (_, i) => v4String(start + i)) };
}

/** One item (no commas). */
export function parseTargetItem(spec: string): ParsedTarget {
  const text = spec.trim();
  if (text === '') throw bad('empty target: give an address, a name, a CIDR block or a range');
  const slash = text.indexOf('/');
  if (slash >= 0) return cidr(text, text.slice(0, slash), text.slice(slash + 1));
  if (text.includes(':')) {
    const value = parseV6(text, text);
    return { kind: 'addresses', spec: text, count: 1, expand: () => [v6String(value)] };
  }
  const dash = /^(\d{1,3}(?:\.\d{1,3}){3})-(\d{1,3}(?:\.\d{1,3}){3}|\d{1,3})$/.exec(text);
  if (dash) return v4Range(text, dash[1]!, dash[2]!);
  if (/^[\d.]+$/.test(text)) {
    const value = parseV4(text, text);
    return { kind: 'addresses', spec: text, count: 1, expand: () => [v4String(value)] };
  }
  if (!HOSTNAME.test(text)) throw bad(`'${text}' is neither an IP address, a CIDR block, a range nor a host name`);
  return { kind: 'name', spec: text, name: text.replace(/\.$/, '') };
}

/** Every spec may itself be a comma-separated list. */
export function parseTargets(specs: readonly string[]): ParsedTarget[] {
  const out: ParsedTarget[] = [];
  for (const spec of specs) for (const item of spec.split(',')) out.push(parseTargetItem(item));
  if (out.length === 0) throw bad('no targets given');
  return out;
}

/** Upper bound of hosts before DNS (a name counts as one address, or a few with resolveAll). */
export function countHosts(targets: readonly ParsedTarget[]): number {
  return targets.reduce((n, t) => n + (t.kind === 'addresses' ? t.count : 1), 0);
}

export type Resolver = (name: string, all: boolean) => Promise<Array<{ address: string; family: number }>>;

const systemResolver: Resolver = async (name, all) => {
  const found = await dns.lookup(name, { all: true, verbatim: true });
  return all ? found : found.slice(0, 1);
};

/**
 * Names go to the system resolver (what the user's other tools see: /etc/hosts, search domains).
 * Duplicate addresses are scanned once, in first-seen order.
 */
export async function resolveTargets(
  targets: readonly ParsedTarget[],
  resolveAll: boolean,
  warnings: string[],
  resolver: Resolver = systemResolver,
): Promise<ScanTarget[]> {
  const seen = new Set<string>();
  const out: ScanTarget[] = [];
  const add = (spec: string, address: string, name: string | null) => {
    if (seen.has(address)) return;
    seen.add(address);
    out.push({ spec, address, family: address.includes(':') ? 6 : 4, name });
  };
  for (const t of targets) {
    if (t.kind === 'addresses') {
      for (const a of t.expand()) add(t.spec, a, null);
      continue;
    }
    let found: Array<{ address: string; family: number }>;
    try {
      found = await resolver(t.name, resolveAll);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      throw bad(`cannot resolve '${t.name}' (${code === 'ENOTFOUND' ? 'no such name' : code})`);
    }
    if (found.length === 0) throw bad(`cannot resolve '${t.name}' (no addresses)`);
    if (!resolveAll && found.length > 1) warnings.push(`${t.name} resolves to ${found.length} addresses; scanning ${found[0]!.address} only (resolve all to scan each).`);
    for (const f of found) add(t.spec, f.address, t.name);
  }
  return out;
}
