import { describe, expect, it } from 'vitest';
import {
  allowedHosts,
  contentSecurityPolicy,
  hostPort,
  isAllowedHost,
  isAllowedOrigin,
  isLoopbackHost,
  newSecret,
  readCookie,
  secretsEqual,
  securityHeaders,
} from '../../electron/host/security';

describe('allowedHosts', () => {
  it('on loopback: the bound address, localhost, 127.0.0.1 and [::1], each with the port', () => {
    expect([...allowedHosts('127.0.0.1', 8080)].sort()).toEqual(['127.0.0.1:8080', '[::1]:8080', 'localhost:8080']);
  });

  it('on a specific address: only that address', () => {
    expect([...allowedHosts('192.168.1.5', 8080)]).toEqual(['192.168.1.5:8080']);
  });

  it('on a wildcard: loopback names, interface addresses and the machine name', () => {
    const hosts = allowedHosts('0.0.0.0', 9000, () => ['10.0.0.7', 'fd00::1'], () => 'Box');
    expect(hosts.has('10.0.0.7:9000')).toBe(true);
    expect(hosts.has('[fd00::1]:9000')).toBe(true);
    expect(hosts.has('box:9000')).toBe(true);
    expect(hosts.has('localhost:9000')).toBe(true);
    expect(hosts.has('evil.example:9000')).toBe(false);
  });

  it('port 80 also allows the Host without a port, as browsers send it', () => {
    expect(allowedHosts('127.0.0.1', 80).has('127.0.0.1')).toBe(true);
    expect(allowedHosts('127.0.0.1', 81).has('127.0.0.1')).toBe(false);
  });
});

describe('isAllowedHost / isAllowedOrigin', () => {
  const allowed = allowedHosts('127.0.0.1', 5000);
  it('matches exactly (case-insensitive), nothing looser', () => {
    expect(isAllowedHost('LOCALHOST:5000', allowed)).toBe(true);
    for (const h of [undefined, '', '127.0.0.1', '127.0.0.1:50000', '127.0.0.1.evil.example:5000', 'localhost:5000.evil', 'evil.example']) {
      expect(isAllowedHost(h, allowed)).toBe(false);
    }
  });

  it('accepts a missing Origin (non-browser client) and our own; refuses others and null', () => {
    expect(isAllowedOrigin(undefined, allowed)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:5000', allowed)).toBe(true);
    expect(isAllowedOrigin('http://localhost:5000', allowed)).toBe(true);
    for (const o of ['null', 'https://127.0.0.1:5000', 'http://127.0.0.1:5001', 'http://evil.example', 'http://127.0.0.1:5000/path', 'file://', 'garbage']) {
      expect(isAllowedOrigin(o, allowed)).toBe(false);
    }
  });
});

describe('secrets and cookies', () => {
  it('creates 256-bit URL-safe secrets, different every time', () => {
    const a = newSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSecret()).not.toBe(a);
  });

  it('compares secrets of any length without throwing', () => {
    expect(secretsEqual('abc', 'abc')).toBe(true);
    expect(secretsEqual('abc', 'abd')).toBe(false);
    expect(secretsEqual('', 'abc')).toBe(false);
    expect(secretsEqual('a'.repeat(10_000), 'abc')).toBe(false);
  });

  it('reads one cookie among several', () => {
    expect(readCookie('a=1; portscope_session_5=xyz; b=2', 'portscope_session_5')).toBe('xyz');
    expect(readCookie('portscope_session_50=xyz', 'portscope_session_5')).toBeNull();
    expect(readCookie(undefined, 'x')).toBeNull();
  });
});

describe('headers', () => {
  it('CSP: self only, no inline code, WebSocket to this host, no framing', () => {
    const csp = contentSecurityPolicy('127.0.0.1:5000');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:5000");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe|\*/);
  });

  it('no CORS header ever', () => {
    expect(Object.keys(securityHeaders('h:1')).filter((k) => k.toLowerCase().startsWith('access-control'))).toEqual([]);
  });

  it('hostPort brackets IPv6 and lower-cases names', () => {
    expect(hostPort('::1', 5)).toBe('[::1]:5');
    expect(hostPort('[::1]', 5)).toBe('[::1]:5');
    expect(hostPort('LocalHost', 5)).toBe('localhost:5');
  });

  it('isLoopbackHost', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.0.1', '128.0.0.1', 'localhost.evil']) expect(isLoopbackHost(h)).toBe(false);
  });
});
