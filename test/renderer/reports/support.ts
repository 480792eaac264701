import type { Report, ReportDiff, ReportScan, SocketRow } from '../../../shared/contract';
import { makeProcess, makeRow } from '../fixtures';

export const HOSTILE = '<img src=x onerror="alert(1)">';

export function makeReport(over: Partial<Report> = {}): Report {
  const listeners = over.listeners ?? [makeRow({ localPort: 8080 }), makeRow({ localPort: 22, processName: HOSTILE, pid: 900, localAddress: '0.0.0.0', exposure: 'all' })];
  return {
    schema: 'portscope.report',
    version: 1,
    generator: { name: 'portscope', version: '0.1.0' },
    generatedAt: '2026-11-20T10:00:01.000Z',
    title: 'Before the upgrade',
    machine: {
      hostname: 'testhost',
      os: { platform: 'linux', release: '6.1.0', arch: 'x64' },
      takenAt: '2026-11-20T10:00:00.000Z',
      summary: {
        sockets: 3,
        listeners: { total: 2, tcp: 2, udp: 0 },
        connections: { total: 1, established: 1, timeWait: 0, other: 0 },
        exposure: { loopback: 1, all: 1, specific: 0 },
        states: { LISTEN: 2, ESTABLISHED: 1 },
        processes: 2,
        unowned: 0,
        risks: { danger: 0, warning: 0, info: 0 },
      },
    },
    listeners,
    connections: [makeRow({ localPort: 40000, state: 'ESTABLISHED', remoteAddress: '127.0.0.1', remotePort: 8080 })],
    processes: [makeProcess(), makeProcess({ pid: 900, name: HOSTILE, commandLine: `${HOSTILE} --serve` })],
    scan: null,
    probes: null,
    diagnosis: null,
    warnings: [],
    ...over,
  };
}

export function makeDiff(report: Report, added: SocketRow[] = [makeRow({ localPort: 9090, pid: 77, processName: 'newcomer' })]): ReportDiff {
  const [kept, gone] = report.listeners ?? [];
  return {
    comparedAt: '2026-11-21T00:00:00.000Z',
    hostname: 'testhost',
    added,
    removed: gone ? [gone] : [],
    changed: kept ? [{ before: kept, after: { ...kept, processName: 'python3', pid: 555, pids: [555] } }] : [],
    unchanged: 0,
  };
}

export function makeNmapScan(): ReportScan {
  return {
    source: 'nmap',
    target: '127.0.0.1',
    command: 'nmap -sT -p 22,80 -oX - 127.0.0.1',
    scanner: 'nmap 7.93',
    result: {
      scanId: 'nmap-1',
      protocol: 'tcp',
      timing: 'normal',
      startedAt: '2026-11-20T10:00:00.000Z',
      finishedAt: '2026-11-20T10:00:01.000Z',
      cancelled: false,
      hosts: [{ address: '127.0.0.1', name: 'localhost', state: 'up', reason: 'user-set', counts: { open: 1, closed: 1, filtered: 0, 'open|filtered': 0 }, closedOmitted: 0, srttMs: 0.1 }],
      results: [
        { host: '127.0.0.1', port: 22, protocol: 'tcp', state: 'open', reason: 'syn-ack', rttMs: null, service: 'ssh', hint: null },
        { host: '127.0.0.1', port: 80, protocol: 'tcp', state: 'closed', reason: 'conn-refused', rttMs: null, service: 'http', hint: null },
      ],
      summary: { probes: 2, retransmissions: 0, resourceBackoffs: 0, selfConnects: 0, counts: { open: 1, closed: 1, filtered: 0, 'open|filtered': 0 }, hostsUp: 1, hostsDown: 0, durationMs: 20, ratePerSec: 100 },
      warnings: [],
    },
  };
}
