import { describe, expect, it } from 'vitest';
import { exposureSlices, splitRows, topProcesses } from '../../renderer/stores/sockets/stats';
import type { LiveRow } from '../../renderer/stores/sockets/table';
import { makeRow } from './fixtures';

describe('dashboard figures', () => {
  const rows = new Map<string, LiveRow>();
  const add = (live: LiveRow) => rows.set(live.row.id, live);
  add({ row: makeRow({ pid: 1, processName: 'nginx', localAddress: '0.0.0.0', exposure: 'all' }), mark: null });
  add({ row: makeRow({ pid: 1, processName: 'nginx', state: 'ESTABLISHED', remotePort: 5000 }), mark: null });
  add({ row: makeRow({ pid: 2, processName: 'sshd' }), mark: null });
  add({ row: makeRow({ pid: 2, processName: 'sshd', state: 'ESTABLISHED', remotePort: 6000 }), mark: 'closing' });
  add({ row: makeRow({ pid: null, processName: null, ownerStatus: 'time-wait', state: 'TIME_WAIT', remotePort: 7000 }), mark: null });
  add({ row: makeRow({ protocol: 'udp', state: 'UNCONN', pid: 3, processName: 'dns' }), mark: null });

  it('splits listeners (LISTEN and unconnected UDP) from connections', () => {
    const { listening, connections } = splitRows(rows);
    expect(listening.map((l) => l.row.processName)).toEqual(['nginx', 'sshd', 'dns']);
    expect(connections.length).toBe(3);
  });

  it('ranks processes by live sockets, leaving out closing and ownerless ones', () => {
    expect(topProcesses(rows)).toEqual([
      { name: 'nginx (1)', count: 2 },
      { name: 'sshd (2)', count: 1 },
      { name: 'dns (3)', count: 1 },
    ]);
    expect(topProcesses(rows, 1)).toEqual([{ name: 'nginx (1)', count: 2 }]);
  });

  it('counts listeners by exposure', () => {
    expect(exposureSlices(splitRows(rows).listening).map((s) => [s.name, s.value])).toEqual([
      ['this machine', 2],
      ['all interfaces', 1],
    ]);
  });
});
