import fs from 'node:fs';
import path from 'node:path';
import { normalizeAddress } from './address';
import { validHostname } from './hostname';

/** Where the OS keeps its hosts file. */
export function defaultHostsPath(): string {
  if (process.platform === 'win32') return path.join(process.env.SystemRoot ?? 'C:\\Windows', 'System32', 'drivers', 'etc', 'hosts');
  return '/etc/hosts';
}

/** A hosts file far beyond any real one (ad-block lists reach ~200k lines, ~10 MB) is not read. */
const MAX_BYTES = 32 * 1024 * 1024;

/**
 * Address -> canonical name, as the resolver reads the file: `address name [aliases...]`, `#`
 * to the end of a line is a comment, fields split on spaces and tabs. The first name on a line is
 * the canonical one; the first line for an address wins (glibc's gethostbyaddr does the same).
 * Bad addresses and invalid names are skipped, never fatal: the file is the user's, but any
 * program with write access to it may have put anything there.
 * A scoped entry (`fe80::1%eth0`) is kept under its zone and under the bare address, which the
 * socket rows carry with the zone apart; an unscoped entry for the same address wins the bare key.
 */
export function parseHosts(text: string): Map<string, string> {
  const byAddress = new Map<string, string>();
  const scopedBare = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const hash = raw.indexOf('#');
    const fields = (hash >= 0 ? raw.slice(0, hash) : raw).split(/[ \t]+/).filter((f) => f !== '');
    if (fields.length < 2) continue;
    const addr = normalizeAddress(fields[0]!);
    if (!addr) continue;
    const name = fields.slice(1).map(validHostname).find((n) => n !== null);
    if (!name) continue;
    if (addr.scope !== null) {
      const key = `${addr.address}%${addr.scope}`;
      if (!byAddress.has(key)) byAddress.set(key, name);
      if (!byAddress.has(addr.address)) {
        byAddress.set(addr.address, name);
        scopedBare.add(addr.address);
      }
    } else if (!byAddress.has(addr.address) || scopedBare.delete(addr.address)) {
      byAddress.set(addr.address, name);
    }
  }
  return byAddress;
}

/**
 * The hosts file, re-read when its modification time or size changes. Looked at (one stat) at
 * most once per `checkMs`, so a lookup of thousands of addresses costs one stat, not thousands.
 */
export class HostsFile {
  private names = new Map<string, string>();
  private stamp = '';
  private checkedAt = -Infinity;

  constructor(
    readonly filePath: string = defaultHostsPath(),
    private readonly checkMs = 2000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  lookup(key: string): string | null {
    this.refresh();
    return this.names.get(key) ?? null;
  }

  private refresh(): void {
    const t = this.now();
    if (t - this.checkedAt < this.checkMs) return;
    this.checkedAt = t;
    let stamp: string;
    try {
      const st = fs.statSync(this.filePath);
      stamp = `${st.mtimeMs}:${st.size}:${st.ino}`;
      if (stamp === this.stamp) return;
      // Read before the stamp is kept: a read that fails is tried again at the next check.
      this.names = st.size > MAX_BYTES ? new Map() : parseHosts(fs.readFileSync(this.filePath, 'utf8'));
    } catch {
      // No hosts file (or not readable): no names from it, until it appears.
      stamp = 'absent';
      this.names = new Map();
    }
    this.stamp = stamp;
  }
}
