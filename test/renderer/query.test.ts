import { describe, expect, it } from 'vitest';
import { filterRows, parseSearch, sortRows, DEFAULT_FILTER } from '../../renderer/stores/sockets/query';
import type { LiveRow } from '../../renderer/stores/sockets/table';
import { makeProcess, makeRow } from './fixtures';

const live = (over: Parameters<typeof makeRow>[0]): LiveRow => ({ row: makeRow(over), mark: null });

describe('search and sort', () => {
  const rows = [
    live({ localPort: 22, processName: 'sshd', pid: 900, localAddress: '0.0.0.0', exposure: 'all' }),
    live({ localPort: 8080, processName: 'node', pid: 4242 }),
    live({ localPort: 443, processName: 'nginx', pid: 77, protocol: 'udp', state: 'UNCONN' }),
    live({ localPort: 51000, remotePort: 22, remoteAddress: '10.0.0.5', state: 'ESTABLISHED', processName: 'ssh', pid: 1200 }),
  ];

  it('parses numbers (also :port) and text terms', () => {
    expect(parseSearch(' :22  SSHD ')).toEqual([
      { kind: 'number', value: '22', num: 22, negate: false },
      { kind: 'text', value: 'sshd', num: Number.NaN, negate: false },
    ]);
  });

  it('matches a port on either side, a pid, a process, an address, a state', () => {
    const find = (search: string) => filterRows(rows, { ...DEFAULT_FILTER, search }).map((l) => l.row.localPort);
    expect(find('22')).toEqual([22, 51000]);
    expect(find('4242')).toEqual([8080]);
    expect(find('nginx')).toEqual([443]);
    expect(find('10.0.0.5')).toEqual([51000]);
    expect(find('established')).toEqual([51000]);
    expect(find('ssh 22')).toEqual([22, 51000]);
    expect(find('nothing-like-this')).toEqual([]);
    // Numbers are exact: 44 is neither 443 nor part of 8080.
    expect(find('44')).toEqual([]);
    expect(find('127.0.0')).toEqual([8080, 443, 51000]);
  });

  it('filters by protocol and exposure, and returns the same array when nothing filters', () => {
    expect(filterRows(rows, DEFAULT_FILTER)).toBe(rows);
    expect(filterRows(rows, { ...DEFAULT_FILTER, protocol: 'udp' }).map((l) => l.row.localPort)).toEqual([443]);
    expect(filterRows(rows, { ...DEFAULT_FILTER, exposure: 'all' }).map((l) => l.row.localPort)).toEqual([22]);
    const withTimeWait = [...rows, live({ localPort: 40000, state: 'TIME_WAIT', pid: null })];
    expect(filterRows(withTimeWait, { ...DEFAULT_FILTER, state: 'no-time-wait' }).length).toBe(rows.length);
    expect(filterRows(withTimeWait, { ...DEFAULT_FILTER, state: 'TIME_WAIT' }).map((l) => l.row.localPort)).toEqual([40000]);
  });

  it('sorts numerically by port and by process name, both directions', () => {
    expect(sortRows(rows, { key: 'localPort', dir: 'asc' }).map((l) => l.row.localPort)).toEqual([22, 443, 8080, 51000]);
    expect(sortRows(rows, { key: 'localPort', dir: 'desc' }).map((l) => l.row.localPort)).toEqual([51000, 8080, 443, 22]);
    expect(sortRows(rows, { key: 'process', dir: 'asc' }).map((l) => l.row.processName)).toEqual(['nginx', 'node', 'ssh', 'sshd']);
  });

  it('finds the words the tables show, not hidden enum values', () => {
    const shown = [
      live({ localPort: 5432, service: 'postgresql', serviceDescription: 'PostgreSQL Database', pid: 10, processName: 'postgres' }),
      live({ localPort: 80, localAddress: '::', family: 6, exposure: 'all', pid: 11, processName: 'nginx' }),
      live({ localPort: 53, protocol: 'udp', state: 'UNCONN', pid: 12, processName: 'dnsmasq' }),
    ];
    const find = (search: string) => filterRows(shown, { ...DEFAULT_FILTER, search }).map((l) => l.row.localPort);
    expect(find('this machine')).toEqual([5432, 53]);
    expect(find('all interfaces')).toEqual([80]);
    expect(find('"all interfaces"')).toEqual([80]);
    expect(find('tcpv6')).toEqual([80]);
    expect(find('PostgreSQL Database')).toEqual([5432]);
    // "loopback" is the internal name of "this machine"; the screen never says it.
    expect(find('loopback')).toEqual([]);
  });

  it('finds the command line and the user of the owner', () => {
    const shown = [live({ localPort: 9000, pid: 50, processName: 'python3', user: null }), live({ localPort: 9001, pid: 51, processName: 'python3', user: null })];
    const processes = new Map([
      [50, makeProcess({ pid: 50, name: 'python3', commandLine: 'python3 -m http.server 9000', user: 'alice' })],
      [51, makeProcess({ pid: 51, name: 'python3', commandLine: 'python3 manage.py runserver', user: 'bob' })],
    ]);
    const find = (search: string) => filterRows(shown, { ...DEFAULT_FILTER, search }, processes).map((l) => l.row.localPort);
    expect(find('http.server')).toEqual([9000]);
    expect(find('runserver')).toEqual([9001]);
    expect(find('user:bob')).toEqual([9001]);
  });

  it('understands qualifiers and negation', () => {
    const shown = [
      live({ localPort: 443, processName: 'nginx', pid: 1234, user: 'root', exposure: 'all', localAddress: '0.0.0.0' }),
      live({ localPort: 8443, processName: 'chromium', pid: 2000, user: 'alice' }),
      live({ localPort: 51000, remotePort: 443, remoteAddress: '127.0.0.1', state: 'ESTABLISHED', processName: 'chromium', pid: 2000, user: 'alice' }),
      live({ localPort: 51001, remotePort: 443, remoteAddress: '127.0.0.1', state: 'TIME_WAIT', processName: null, pid: null, user: null, ownerStatus: 'time-wait' }),
      live({ localPort: 2024, localAddress: '0.0.0.0', exposure: 'all', processName: null, pid: null, user: null, ownerStatus: 'not-found' }),
      live({ localPort: 53, protocol: 'udp', state: 'UNCONN', processName: 'dnsmasq', pid: 300, user: 'nobody' }),
    ];
    const find = (search: string) => filterRows(shown, { ...DEFAULT_FILTER, search }).map((l) => l.row.localPort);
    expect(find('port:443')).toEqual([443, 51000, 51001]);
    expect(find('port:8000-9000')).toEqual([8443]);
    expect(find('pid:1234')).toEqual([443]);
    expect(find('proc:nginx')).toEqual([443]);
    expect(find('state:listen')).toEqual([443, 8443, 2024, 53]); // UDP servers listen too
    expect(find('state:time_wait')).toEqual([51001]);
    expect(find('state:time-wait')).toEqual([51001]);
    expect(find('user:root')).toEqual([443]);
    expect(find('exposure:all')).toEqual([443, 2024]);
    expect(find('proto:udp')).toEqual([53]);
    expect(find('owner:unknown')).toEqual([2024]);
    expect(find('-proc:chromium')).toEqual([443, 51001, 2024, 53]);
    expect(find('port:443 -state:time_wait')).toEqual([443, 51000]);
    expect(find('-443')).toEqual([8443, 2024, 53]);
    // A half-typed qualifier filters nothing yet; an IPv6 address is not a qualifier.
    expect(find('port:')).toHaveLength(shown.length);
    expect(parseSearch('::1')).toEqual([{ kind: 'text', value: ':1', num: Number.NaN, negate: false }]);
  });

  it('filters unidentified owners (no visible process), not the kernel\'s TIME_WAIT rows', () => {
    const shown = [
      live({ localPort: 2024, pid: null, processName: null, ownerStatus: 'not-found' }),
      live({ localPort: 2025, pid: null, processName: null, ownerStatus: 'permission-denied' }),
      live({ localPort: 40000, pid: null, processName: null, ownerStatus: 'time-wait', state: 'TIME_WAIT' }),
      live({ localPort: 8080 }),
    ];
    expect(filterRows(shown, { ...DEFAULT_FILTER, unidentified: true }).map((l) => l.row.localPort)).toEqual([2024, 2025]);
  });
});
