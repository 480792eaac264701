import { describe, expect, it } from 'vitest';
import { lookupService, parseEtcServices } from '../../electron/engine/catalog/services';
import { riskNotes } from '../../electron/engine/catalog/risks';
import { exposureOf, portClass } from '../../shared/net/ports';

describe('service names', () => {
  it('finds IANA names by port and protocol', () => {
    expect(lookupService(22, 'tcp')).toEqual({ name: 'ssh', description: 'The Secure Shell (SSH) Protocol' });
    expect(lookupService(53, 'udp')?.name).toBe('domain');
    expect(lookupService(3389, 'tcp')?.name).toBe('ms-wbt-server');
    expect(lookupService(1, 'tcp')?.name).toBe('tcpmux');
    expect(lookupService(65535, 'udp')).toBeNull();
  });

  it('falls back to /etc/services', () => {
    const map = parseEtcServices('# c\nhttp\t\t80/tcp\t\twww # WorldWideWeb\nbogus line\nmyapp 9999/udp\n');
    expect([...map]).toEqual([
      ['80/tcp', 'http'],
      ['9999/udp', 'myapp'],
    ]);
  });
});

describe('port knowledge', () => {
  it('classes ports by IANA range', () => {
    expect([0, 1023, 1024, 49151, 49152, 65535].map(portClass)).toEqual(['well-known', 'well-known', 'registered', 'registered', 'dynamic', 'dynamic']);
  });

  it('tells loopback, all-interfaces and specific exposure apart', () => {
    expect(['127.0.0.1', '127.0.0.53', '::1', '::ffff:127.0.0.1', '0.0.0.0', '::', '192.168.1.5', 'fe80::1'].map(exposureOf)).toEqual([
      'loopback',
      'loopback',
      'loopback',
      'loopback',
      'all',
      'all',
      'specific',
      'specific',
    ]);
  });

  it('notes cleartext, exposed remote administration, databases and malware ports', () => {
    const codes = (port: number, exposure: 'loopback' | 'all' | 'specific', state: 'LISTEN' | 'ESTABLISHED' = 'LISTEN') =>
      riskNotes({ protocol: 'tcp', state, servicePort: port, exposure }).map((n) => `${n.code}:${n.severity}`);
    expect(codes(23, 'all')).toEqual(['cleartext:warning', 'remote-admin-exposed:warning']);
    expect(codes(21, 'loopback')).toEqual(['cleartext:info']);
    expect(codes(22, 'loopback')).toEqual([]);
    expect(codes(22, 'specific')).toEqual(['remote-admin-exposed:warning']);
    expect(codes(3389, 'all')).toEqual(['remote-admin-exposed:warning']);
    expect(codes(5900, 'all')).toEqual(['remote-admin-exposed:warning']);
    expect(codes(3306, 'all')).toEqual(['database-exposed:warning']);
    expect(codes(4444, 'loopback')).toEqual(['malware-port:danger']);
    expect(codes(31337, 'all', 'ESTABLISHED')).toEqual(['malware-port:warning']);
    expect(codes(443, 'all')).toEqual([]);
  });
});
