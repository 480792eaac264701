import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HostsFile, parseHosts } from '../../electron/engine/names/hostsFile';
import { validHostname } from '../../electron/engine/names/hostname';
import { NameResolver } from '../../electron/engine/names/resolver';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-hosts-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('parseHosts', () => {
  it('reads the canonical name of each address, with comments, tabs, aliases, IPv6 and CRLF', () => {
    const text = [
      '# a comment line',
      '127.0.0.1\tlocalhost',
      '192.0.2.10   nas.lan nas   # the first name is the canonical one',
      '192.0.2.10   other.lan     # a later line for the same address does not win',
      '   192.0.2.11 indented.lan',
      '2001:DB8:0:0:0:0:0:1 six.lan',
      '::ffff:192.0.2.12 mapped.lan',
      'fe80::1%eth0 router.lan',
      '192.0.2.13 printer.lan\r',
      '',
    ].join('\n');
    const m = parseHosts(text);
    expect(m.get('127.0.0.1')).toBe('localhost');
    expect(m.get('192.0.2.10')).toBe('nas.lan');
    expect(m.get('192.0.2.11')).toBe('indented.lan');
    expect(m.get('2001:db8::1')).toBe('six.lan');
    expect(m.get('192.0.2.12')).toBe('mapped.lan');
    expect(m.get('fe80::1%eth0')).toBe('router.lan');
    expect(m.get('fe80::1')).toBe('router.lan');
    expect(m.get('192.0.2.13')).toBe('printer.lan');
  });

  it('skips bad lines and bad names without giving up on the file', () => {
    const m = parseHosts(
      [
        '192.0.2.300 toolarge.lan',
        '010.0.0.1 octal.lan',
        'nas.lan 192.0.2.20',
        '192.0.2.21',
        '192.0.2.22 \x1b[31mred.lan good.lan',
        '192.0.2.23 \u202egnp.lan',
        '192.0.2.24 1.2.3.4',
        `192.0.2.25 ${'a'.repeat(64)}.lan`,
        `192.0.2.26 ${Array.from({ length: 4 }, () => 'b'.repeat(63)).join('.')}`,
        'fe80::2%bad/zone evil.lan',
        '192.0.2.27 #commented.lan',
        '192.0.2.28 ok.lan',
      ].join('\n'),
    );
    expect([...m.entries()]).toEqual([
      ['192.0.2.22', 'good.lan'],
      ['192.0.2.28', 'ok.lan'],
    ]);
  });

  it('lets an unscoped entry take the bare address from an earlier scoped one', () => {
    const m = parseHosts('fe80::1%eth1 via-eth1.lan\nfe80::1 plain.lan\nfe80::1 later.lan\n');
    expect(m.get('fe80::1%eth1')).toBe('via-eth1.lan');
    expect(m.get('fe80::1')).toBe('plain.lan');
  });
});

describe('validHostname', () => {
  it.each([
    ['Example.COM.', 'example.com'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['a', 'a'],
    ['my_pc.corp', 'my_pc.corp'],
    [`${'a'.repeat(63)}.b`, `${'a'.repeat(63)}.b`],
  ])('accepts %j as %j', (raw, name) => expect(validHostname(raw)).toBe(name));

  it.each([
    '',
    '.',
    'a..b',
    '-a.example',
    'a-.example',
    `${'a'.repeat(64)}.b`,
    `${Array.from({ length: 4 }, () => 'c'.repeat(62)).join('.')}.de`,
    'bücher.example',
    'a b.example',
    'a\tb',
    '\\027[31m.example',
    'evil\u202e.com',
    'zero\u200bwidth.com',
    '10.0.0.1',
    '1.2.3.4.',
    '*.example',
    'a/b',
  ])('refuses %j', (raw) => expect(validHostname(raw)).toBeNull());

  it('counts 253 characters as the limit, without the trailing dot', () => {
    const name = `${Array.from({ length: 3 }, () => 'd'.repeat(63)).join('.')}.${'e'.repeat(61)}`;
    expect(name.length).toBe(253);
    expect(validHostname(`${name}.`)).toBe(name);
    expect(validHostname(`${name}e`)).toBeNull();
  });
});

describe('HostsFile', () => {
  it('re-reads the file when it changes, and copes with it missing', async () => {
    const file = path.join(dir, 'hosts');
    const hosts = new HostsFile(file, 0);
    expect(hosts.lookup('192.0.2.40')).toBeNull();
    fs.writeFileSync(file, '192.0.2.40 first.lan\n');
    expect(hosts.lookup('192.0.2.40')).toBe('first.lan');
    fs.writeFileSync(file, '192.0.2.40 second.lan\n');
    // Same size, maybe the same mtime tick: set a later mtime as an editor saving would.
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later);
    expect(hosts.lookup('192.0.2.40')).toBe('second.lan');
    fs.rmSync(file);
    expect(hosts.lookup('192.0.2.40')).toBeNull();
  });

  it('looks at the file at most once per check interval', () => {
    const file = path.join(dir, 'hosts-throttled');
    fs.writeFileSync(file, '192.0.2.41 before.lan\n');
    let now = 0;
    const hosts = new HostsFile(file, 1000, () => now);
    expect(hosts.lookup('192.0.2.41')).toBe('before.lan');
    fs.writeFileSync(file, '192.0.2.41 after-change.lan\n');
    now = 999;
    expect(hosts.lookup('192.0.2.41')).toBe('before.lan');
    now = 1000;
    expect(hosts.lookup('192.0.2.41')).toBe('after-change.lan');
  });

  it('names addresses through the resolver, after this machine\'s own and before DNS', () => {
    const file = path.join(dir, 'hosts-resolver');
    fs.writeFileSync(file, '127.0.0.1 localhost\n192.0.2.50 nas.lan\n2001:db8::50 six.lan\n');
    const r = new NameResolver({ hostsPath: file, hostsCheckMs: 0, interfaces: () => ({ eth9: [{ address: '192.0.2.50', netmask: '255.255.255.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: false, cidr: null }] }) }, () => {});
    try {
      expect(r.lookup(['192.0.2.50', '2001:db8::50', '::ffff:192.0.2.50', '127.0.0.1'], false)).toEqual([
        { address: '192.0.2.50', name: 'this machine', source: 'local', interface: 'eth9', pending: false },
        { address: '2001:db8::50', name: 'six.lan', source: 'hosts', interface: null, pending: false },
        { address: '::ffff:192.0.2.50', name: 'this machine', source: 'local', interface: 'eth9', pending: false },
        { address: '127.0.0.1', name: 'this machine', source: 'local', interface: 'lo', pending: false },
      ]);
    } finally {
      r.dispose();
    }
  });
});

describe('the system hosts file', () => {
  it('is read from /etc/hosts here', () => {
    if (process.platform !== 'linux' || !fs.existsSync('/etc/hosts')) {
      console.log('skipped: no /etc/hosts on this system');
      return;
    }
    const first = parseHosts(fs.readFileSync('/etc/hosts', 'utf8'));
    const hosts = new HostsFile();
    for (const [address, name] of first) expect(hosts.lookup(address)).toBe(name);
  });
});
