import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalAddresses } from '../../electron/engine/names/interfaces';
import { NameResolver } from '../../electron/engine/names/resolver';
import { normalizeAddress } from '../../electron/engine/names/address';

/** `ip -o addr`: one line per address, `4: eth0    inet 192.0.2.2/24 ...`. */
function ipAddresses(): Array<{ iface: string; address: string }> | null {
  try {
    const text = execFileSync('ip', ['-o', 'addr'], { encoding: 'utf8' });
    return text
      .split('\n')
      .map((l) => /^\d+:\s+(\S+)\s+inet6?\s+([^/\s]+)/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ iface: m[1]!.replace(/@.*$/, ''), address: m[2]! }));
  } catch {
    return null;
  }
}

describe("this machine's addresses", () => {
  it('labels every address `ip -o addr` lists with its interface', () => {
    const listed = ipAddresses();
    if (!listed) {
      console.log('skipped: `ip` (iproute2) is not installed');
      return;
    }
    expect(listed.length).toBeGreaterThan(0);
    const hosts = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ps-local-')), 'hosts');
    const r = new NameResolver({ hostsPath: hosts }, () => {});
    try {
      const names = r.lookup(
        listed.map((l) => (l.address.startsWith('fe80:') ? `${l.address}%${l.iface}` : l.address)),
        false,
      );
      for (const [i, l] of listed.entries()) {
        expect(names[i], l.address).toMatchObject({ name: 'this machine', source: 'local', interface: l.iface, pending: false });
      }
      expect(r.lookup(['127.0.0.53', '::1', '::ffff:127.0.0.1'], false).map((n) => n.interface)).toEqual(['lo', 'lo', 'lo']);
    } finally {
      r.dispose();
    }
  });

  it('reads the interface list again only after its refresh interval', () => {
    let now = 0;
    let calls = 0;
    let list: NodeJS.Dict<os.NetworkInterfaceInfo[]> = { eth0: [info('192.0.2.60')] };
    const local = new LocalAddresses(() => (calls++, list), 30_000, () => now);
    expect(local.interfaceOf('192.0.2.60')).toBe('eth0');
    // A container network appears.
    list = { eth0: [info('192.0.2.60')], docker0: [info('172.17.0.1')] };
    expect(local.interfaceOf('172.17.0.1')).toBeNull();
    now = 30_000;
    expect(local.interfaceOf('172.17.0.1')).toBe('docker0');
    expect(calls).toBe(2);
  });

  it('normalizes the spellings of one address', () => {
    expect(normalizeAddress('::FFFF:192.0.2.1')).toEqual({ address: '192.0.2.1', family: 4, scope: null });
    expect(normalizeAddress('2001:DB8:0:0::1')).toEqual({ address: '2001:db8::1', family: 6, scope: null });
    expect(normalizeAddress('fe80::1%eth0')).toEqual({ address: 'fe80::1', family: 6, scope: 'eth0' });
    expect(normalizeAddress('192.0.2.1%eth0')).toBeNull();
    expect(normalizeAddress('example.com')).toBeNull();
    expect(normalizeAddress('')).toBeNull();
  });
});

function info(address: string): os.NetworkInterfaceInfo {
  return { address, netmask: '255.255.0.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal: false, cidr: `${address}/16` };
}
