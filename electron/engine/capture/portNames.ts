import fs from 'node:fs';
import { findPackageFile } from '../system/packageFiles';

/**
 * Service name -> port, for captures taken without -n/-P (`*:https`, `localhost:irdmi`,
 * `*:bootpc`): from the IANA registry that already ships for port names. Built only when a
 * capture holds a name, so importing numeric output never reads the file.
 */
let byName: Map<string, number> | null = null;

function table(): Map<string, number> {
  if (byName) return byName;
  byName = new Map();
  const file = findPackageFile('assets/iana-services.tsv');
  const text = file ? fs.readFileSync(file, 'utf8') : '';
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const [port, proto, name] = line.split('\t');
    if (!port || !proto || !name) continue;
    const key = `${name.toLowerCase()}/${proto}`;
    if (!byName.has(key)) byName.set(key, Number(port));
  }
  return byName;
}

export function portForName(name: string, protocol: 'tcp' | 'udp'): number | null {
  const t = table();
  const key = name.toLowerCase();
  return t.get(`${key}/${protocol}`) ?? t.get(`${key}/${protocol === 'tcp' ? 'udp' : 'tcp'}`) ?? null;
}
