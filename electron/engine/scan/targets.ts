import dns from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { ContractError } from '../../../shared/contract/errors';
import { addressString } from './address';
import { HostSet, withoutDuplicates, type HostRun } from './hostSet';

/**
 * A target spec, checked but not yet resolved. Literal addresses are a run of consecutive
 * addresses (`start`, `count`), never expanded here: a /8 is 16,777,216 hosts, and the scan walks
 * it in batches (see HostSet). Names wait for DNS.
 */
export type ParsedTarget =
  | { kind: 'addresses'; spec: string; family: 4 | 6; start: bigint; count: number; expand: () => string[] }
  | { kind: 'name'; spec: string; name: string };

/** Expanding more than this many hosts from one spec is refused; nmap users split such scans. */
export const MAX_HOSTS = 1 << 24;

function bad(message: string): ContractError {
  return new ContractError('bad-request', message);
}

function run(spec: string, family: 4 | 6, start: bigint, count: number): ParsedTarget {
  return { kind: 'addresses', spec, family, start, count, expand: () => Array.from({ length: count }, (_, i) => addressString(family, start + BigInt(i))) };
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

function parseV6(text: string, spec: string): bigint {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (bare.includes('%')) throw bad(`'${spec}': scoped IPv6 addresses (%interface) are not supported in scans`);
  if (!ipaddr.IPv6.isValid(bare)) throw bad(`'${spec}' is not a valid IPv6 address`);
  let value = 0n;
  for (const part of ipaddr.IPv6.parse(bare).parts) value = (value << 16n) | BigInt(part);
  return value;
}

function cidr(spec: string, base: string, prefixText: string): ParsedTarget {
  if (!/^\d{1,3}$/.test(prefixText)) throw bad(`'${spec}': prefix length '${prefixText}' is not a number`);
  const prefix = Number(prefixText);
  if (base.includes(':')) {
    if (prefix > 128) throw bad(`'${spec}': prefix length ${prefix} is more than 128`);
    const hostBits = 128 - prefix;
    if (hostBits > 24) throw bad(`'${spec}' holds 2^${hostBits} addresses; scan at most ${MAX_HOSTS} hosts at a time (use /104 or longer)`);
    const start = (parseV6(base, spec) >> BigInt(hostBits)) << BigInt(hostBits);
    return run(spec, 6, start, 2 ** hostBits);
  }
  if (prefix > 32) throw bad(`'${spec}': prefix length ${prefix} is more than 32`);
  const hostBits = 32 - prefix;
  if (hostBits > 24) throw bad(`'${spec}' holds 2^${hostBits} addresses; scan at most ${MAX_HOSTS} hosts at a time (use /8 or longer)`);
  const count = 2 ** hostBits;
  const start = Math.floor(parseV4(base, spec) / count) * count;
  return run(spec, 4, BigInt(start), count);
}

/** `192.168.1.10-20` (last octet) or `192.168.1.10-192.168.1.20`. */
function v4Range(spec: string, from: string, to: string): ParsedTarget {
  const start = parseV4(from, spec);
  const end = /^\d{1,3}$/.test(to) ? Math.floor(start / 256) * 256 + Number(to) : parseV4(to, spec);
  if (/^\d{1,3}$/.test(to) && Number(to) > 255) throw bad(`'${spec}': ${to} is more than 255`);
  if (end < start) throw bad(`address range '${spec}' runs backwards`);
  const count = end - start + 1;
  if (count > MAX_HOSTS) throw bad(`'${spec}' holds ${count} addresses; scan at most ${MAX_HOSTS} at a time`);
  return run(spec, 4, BigInt(start), count);
}

/** One item (no commas). */
export function parseTargetItem(spec: string): ParsedTarget {
  const text = spec.trim();
  if (text === '') throw bad('empty target: give an address, a name, a CIDR block or a range');
  const slash = text.indexOf('/');
  if (slash >= 0) return cidr(text, text.slice(0, slash), text.slice(slash + 1));
  if (text.includes(':')) {
    return run(text, 6, parseV6(text, text), 1);
  }
  const dash = /^(\d{1,3}(?:\.\d{1,3}){3})-(\d{1,3}(?:\.\d{1,3}){3}|\d{1,3})$/.exec(text);
  if (dash) return v4Range(text, dash[1]!, dash[2]!);
  if (/^[\d.]+$/.test(text)) {
    return run(text, 4, BigInt(parseV4(text, text)), 1);
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
 * Duplicate addresses are scanned once, in first-seen order. Nothing is expanded: the result is a
 * list of address runs, however many hosts they hold.
 */
export async function resolveTargets(
  targets: readonly ParsedTarget[],
  resolveAll: boolean,
  warnings: string[],
  resolver: Resolver = systemResolver,
): Promise<HostSet> {
  const runs: HostRun[] = [];
  for (const t of targets) {
    if (t.kind === 'addresses') {
      runs.push({ spec: t.spec, name: null, family: t.family, start: t.start, count: t.count });
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
    for (const f of found) {
      const family = f.address.includes(':') ? 6 : 4;
      const bare = f.address.replace(/%.*$/, '');
      runs.push({ spec: t.spec, name: t.name, family, start: family === 6 ? parseV6(bare, t.name) : BigInt(parseV4(bare, t.name)), count: 1 });
    }
  }
  return new HostSet(withoutDuplicates(runs));
}
