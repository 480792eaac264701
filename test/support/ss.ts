import { execFileSync } from 'node:child_process';

export interface SsRow {
  protocol: 'tcp' | 'udp';
  state: string;
  address: string;
  port: number;
  /** `*` in ss output: an IPv6 any-address socket that also accepts IPv4. */
  dualStack: boolean;
  pids: number[];
  names: string[];
}

export function hasSs(): boolean {
  try {
    execFileSync('ss', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Parses `ss -Htulnp` (netid state recv-q send-q local peer [users:((...))]). */
export function parseSs(text: string): SsRow[] {
  const rows: SsRow[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 6) continue;
    const local = f[4]!;
    const colon = local.lastIndexOf(':');
    let address = local.slice(0, colon);
    const port = Number(local.slice(colon + 1));
    // ss writes a socket bound to a device as 127.0.0.53%lo: procfs does not know devices.
    address = address.replace(/%[^\]]+/, '');
    let dualStack = false;
    if (address === '*') {
      address = '::';
      dualStack = true;
    }
    address = address.replace(/^\[|\]$/g, '');
    const users = line.slice(line.indexOf('users:')) || '';
    const pids = [...users.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1]));
    const names = [...users.matchAll(/\("([^"]*)",pid=/g)].map((m) => m[1]!);
    rows.push({ protocol: f[0] === 'tcp' ? 'tcp' : 'udp', state: f[1]!, address, port, dualStack, pids: [...new Set(pids)].sort((a, b) => a - b), names });
  }
  return rows;
}

export function ssListening(): SsRow[] {
  return parseSs(execFileSync('ss', ['-Htulnp'], { encoding: 'utf8' }));
}
