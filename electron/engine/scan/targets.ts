import dns from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { ContractError } from '../../../shared/contract/errors';
import { addressString } from './address';
import { HostSet, withoutDuplicates, type HostRun } from './hostSet';
import type { EngineKey } from '../../../shared/i18n/catalogs/engine';
import { localizedMessage } from '../localizedText';

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

/** A bad-request error whose message comes from the engine catalog (English on the wire, the key beside it). */
function bad(key: EngineKey, values?: Record<string, string | number>): ContractError {
  const { message, ...text } = localizedMessage(key, values);
  return new ContractError('bad-request', message, text);
}

function run(spec: string, family: 4 | 6, start: bigint, count: number): ParsedTarget {
  return { kind: 'addresses', spec, family, start, count, expand: () => Array.from({ length: count }, (_, i) => addressString(family, start + BigInt(i))) };
}

const V4_LITERAL = /^\d{1,3}(\.\d{1,3}){3}$/;
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$/i;

/** Strict dotted quad: ipaddr.js also accepts `0x7f.1` and `127.1`, which nobody means in a scan. */
function parseV4(text: string, spec: string): number {
  if (!V4_LITERAL.test(text)) throw bad('engine.targets.ipv4', { spec });
  let value = 0;
  for (const octet of text.split('.')) {
    const n = Number(octet);
    if (n > 255) throw bad('engine.targets.octet', { spec, octet });
    value = value * 256 + n;
  }
  return value;
}

function parseV6(text: string, spec: string): bigint {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (bare.includes('%')) throw bad('engine.targets.scoped', { spec });
  if (!ipaddr.IPv6.isValid(bare)) throw bad('engine.targets.ipv6', { spec });
  let value = 0n;
  for (const part of ipaddr.IPv6.parse(bare).parts) value = (value << 16n) | BigInt(part);
  return value;
}

function cidr(spec: string, base: string, prefixText: string): ParsedTarget {
  if (!/^\d{1,3}$/.test(prefixText)) throw bad('engine.targets.prefixNotNumber', { spec, prefix: prefixText });
  const prefix = Number(prefixText);
  if (base.includes(':')) {
    if (prefix > 128) throw bad('engine.targets.prefixTooLong', { spec, prefix: String(prefix), max: '128' });
    const hostBits = 128 - prefix;
    if (hostBits > 24) throw bad('engine.targets.blockTooLarge', { spec, bits: String(hostBits), max: String(MAX_HOSTS), prefix: '/104' });
    const start = (parseV6(base, spec) >> BigInt(hostBits)) << BigInt(hostBits);
    return run(spec, 6, start, 2 ** hostBits);
  }
  if (prefix > 32) throw bad('engine.targets.prefixTooLong', { spec, prefix: String(prefix), max: '32' });
  const hostBits = 32 - prefix;
  if (hostBits > 24) throw bad('engine.targets.blockTooLarge', { spec, bits: String(hostBits), max: String(MAX_HOSTS), prefix: '/8' });
  const count = 2 ** hostBits;
  const start = Math.floor(parseV4(base, spec) / count) * count;
  return run(spec, 4, BigInt(start), count);
}

/** `192.168.1.10-20` (last octet) or `192.168.1.10-192.168.1.20`. */
function v4Range(spec: string, from: string, to: string): ParsedTarget {
  const start = parseV4(from, spec);
  const end = /^\d{1,3}$/.test(to) ? Math.floor(start / 256) * 256 + Number(to) : parseV4(to, spec);
  if (/^\d{1,3}$/.test(to) && Number(to) > 255) throw bad('engine.targets.rangeOctet', { spec, octet: to });
  if (end < start) throw bad('engine.targets.backwards', { spec });
  const count = end - start + 1;
  if (count > MAX_HOSTS) throw bad('engine.targets.rangeTooLarge', { spec, count: String(count), max: String(MAX_HOSTS) });
  return run(spec, 4, BigInt(start), count);
}

/** One item (no commas). */
export function parseTargetItem(spec: string): ParsedTarget {
  const text = spec.trim();
  if (text === '') throw bad('engine.targets.empty');
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
  if (!HOSTNAME.test(text)) throw bad('engine.targets.unknown', { spec: text });
  return { kind: 'name', spec: text, name: text.replace(/\.$/, '') };
}

/** Every spec may itself be a comma-separated list. */
export function parseTargets(specs: readonly string[]): ParsedTarget[] {
  const out: ParsedTarget[] = [];
  for (const spec of specs) for (const item of spec.split(',')) out.push(parseTargetItem(item));
  if (out.length === 0) throw bad('engine.targets.none');
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
      throw bad('engine.targets.unresolved', { name: t.name, reason: code === 'ENOTFOUND' ? 'none' : String(code) });
    }
    if (found.length === 0) throw bad('engine.targets.noAddresses', { name: t.name });
    if (!resolveAll && found.length > 1) warnings.push(`${t.name} resolves to ${found.length} addresses; scanning ${found[0]!.address} only (resolve all to scan each).`);
    for (const f of found) {
      const family = f.address.includes(':') ? 6 : 4;
      const bare = f.address.replace(/%.*$/, '');
      runs.push({ spec: t.spec, name: t.name, family, start: family === 6 ? parseV6(bare, t.name) : BigInt(parseV4(bare, t.name)), count: 1 });
    }
  }
  return new HostSet(withoutDuplicates(runs));
}
