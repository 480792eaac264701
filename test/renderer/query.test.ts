import { describe, expect, it } from 'vitest';
import { filterRows, parseSearch, sortRows, DEFAULT_FILTER } from '../../renderer/stores/sockets/query';
import type { LiveRow } from '../../renderer/stores/sockets/table';
import { makeRow } from './fixtures';

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
      { kind: 'number', value: '22', num: 22 },
      { kind: 'text', value: 'sshd', num: Number.NaN },
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
});
