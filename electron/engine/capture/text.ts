import net from 'node:net';
import type { Family } from '../../../shared/contract/sockets';
import { portForName } from './portNames';

/** Splits text into lines without their CR (Windows captures end lines with CRLF). */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
  }
  return lines;
}

/** Whitespace-separated tokens of a line, with where each starts (for rest-of-line columns). */
export function tokensWithOffsets(line: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

export interface Endpoint {
  address: string;
  port: number;
  scopeId: string | null;
  /** The capture printed a name (host or service) rather than a number. */
  resolved: boolean;
  /** An address that is neither an IP nor a plausible host name (cut short by a column width). */
  suspect: boolean;
}

const HOST_NAME = /^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?$/;

/**
 * Normalises an address token: `*` is the any-address of the family, `localhost` its loopback,
 * `fe80::1%12` has its scope split off. Host names are kept as printed and marked `resolved`.
 */
export function normaliseAddress(raw: string, family: Family | null): { address: string; family: Family; scopeId: string | null; resolved: boolean; suspect: boolean } {
  let address = raw;
  let scopeId: string | null = null;
  const pct = address.indexOf('%');
  if (pct >= 0) {
    scopeId = address.slice(pct + 1) || null;
    address = address.slice(0, pct);
  }
  if (address === '*' || address === '') {
    const fam = family ?? 4;
    return { address: fam === 6 ? '::' : '0.0.0.0', family: fam, scopeId, resolved: false, suspect: false };
  }
  const kind = net.isIP(address);
  if (kind === 4 || kind === 6) return { address: kind === 6 ? address.toLowerCase() : address, family: kind, scopeId, resolved: false, suspect: false };
  if (address.toLowerCase() === 'localhost') {
    const fam = family ?? 4;
    return { address: fam === 6 ? '::1' : '127.0.0.1', family: fam, scopeId, resolved: true, suspect: false };
  }
  const plausible = HOST_NAME.test(address) && !address.includes(':');
  return { address, family: family ?? (address.includes(':') ? 6 : 4), scopeId, resolved: plausible, suspect: !plausible };
}

/** A port token: digits, `*` (any, 0), or a service name looked up in IANA's registry. */
export function parsePort(raw: string, protocol: 'tcp' | 'udp'): { port: number; resolved: boolean } | null {
  if (raw === '*' || raw === '') return { port: 0, resolved: false };
  if (/^\d{1,5}$/.test(raw)) {
    const n = Number(raw);
    return n <= 65535 ? { port: n, resolved: false } : null;
  }
  const byName = portForName(raw, protocol);
  return byName === null ? null : { port: byName, resolved: true };
}

/**
 * `host:port` as netstat (Windows), ss and lsof print it: `[v6]:port`, `v4:port`, `:::111`
 * (old ss), `0.0.0.0%virbr0:67`, `*:*`. The port is after the last colon outside brackets.
 */
export function parseColonEndpoint(raw: string, protocol: 'tcp' | 'udp', family: Family | null = null): Endpoint | null {
  let host: string;
  let portText: string;
  if (raw.startsWith('[')) {
    // `[fe80::1%eth0]:123`, and ss's `[fe80::1]%eth0:123` with the scope outside the brackets.
    const m = /^\[([^\]]+)\](%[^:]+)?:([^:]*)$/.exec(raw);
    if (!m) return null;
    host = m[1]! + (m[2] ?? '');
    portText = m[3]!;
    family = family ?? 6;
  } else {
    const colon = raw.lastIndexOf(':');
    if (colon < 0) return null;
    host = raw.slice(0, colon);
    portText = raw.slice(colon + 1);
  }
  const port = parsePort(portText, protocol);
  if (!port) return null;
  const a = normaliseAddress(host, family ?? (host.includes(':') ? 6 : null));
  return { address: a.address, port: port.port, scopeId: a.scopeId, resolved: a.resolved || port.resolved, suspect: a.suspect };
}

/** Family of an endpoint pair: IPv6 if either side is. */
export function familyOf(...addresses: string[]): Family {
  return addresses.some((a) => a.includes(':')) ? 6 : 4;
}

/** Collects one warning per kind instead of one per line. */
export class WarningTally {
  private readonly counts = new Map<string, { n: number; example: string }>();

  add(kind: string, example = ''): void {
    const hit = this.counts.get(kind);
    if (hit) hit.n++;
    else this.counts.set(kind, { n: 1, example });
  }

  lines(): string[] {
    return [...this.counts].map(([kind, { n, example }]) => `${kind}${n > 1 ? ` (${n} lines)` : ''}${example ? `, e.g. line ${example}` : ''}`);
  }
}
