import os from 'node:os';
import {
  REPORT_SCHEMA,
  REPORT_VERSION,
  type Report,
  type ReportScan,
  type ReportWhat,
} from '../../../shared/contract/report';
import type { DiagnoseResult, ProbeResult } from '../../../shared/contract/scan';
import type { ProcessInfo, Snapshot, SocketRow } from '../../../shared/contract/sockets';
import { isListener, summarize } from './summary';

declare const PORTSCOPE_VERSION: string | undefined;
const generatorVersion = typeof PORTSCOPE_VERSION === 'string' ? PORTSCOPE_VERSION : '0.0.0-dev';

export interface ReportExtras {
  title?: string | null;
  scan?: ReportScan | null;
  probes?: ProbeResult[] | null;
  diagnosis?: DiagnoseResult | null;
  /** For tests: a fixed clock. */
  now?: Date;
  /** For tests and imports: the machine the table came from. */
  os?: Report['machine']['os'];
}

/** Listeners first by port, then by address; connections by local port, then remote endpoint. */
function byEndpoint(a: SocketRow, b: SocketRow): number {
  return (
    a.localPort - b.localPort ||
    a.protocol.localeCompare(b.protocol) ||
    a.family - b.family ||
    a.localAddress.localeCompare(b.localAddress) ||
    a.remoteAddress.localeCompare(b.remoteAddress) ||
    a.remotePort - b.remotePort
  );
}

/**
 * A report from one snapshot of the socket table. `what` picks the socket sections; scan, probe
 * and diagnosis sections come from the caller (the front end holds finished results).
 */
export function reportFromSnapshot(snapshot: Snapshot, what: ReportWhat, extras: ReportExtras = {}): Report {
  const listeners = what === 'listeners' || what === 'all' ? snapshot.rows.filter(isListener).sort(byEndpoint) : null;
  const connections = what === 'connections' || what === 'all' ? snapshot.rows.filter((r) => !isListener(r)).sort(byEndpoint) : null;
  const included = [...(listeners ?? []), ...(connections ?? [])];
  const owners = new Set(included.flatMap((r) => r.pids));
  const processes: ProcessInfo[] = snapshot.processes.filter((p) => owners.has(p.pid)).sort((a, b) => a.pid - b.pid);
  return {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    generator: { name: 'portscope', version: generatorVersion },
    generatedAt: (extras.now ?? new Date()).toISOString(),
    title: extras.title ?? null,
    machine: {
      hostname: snapshot.hostname,
      os: extras.os ?? { platform: process.platform, release: os.release(), arch: process.arch },
      takenAt: snapshot.takenAt,
      summary: summarize(snapshot.rows),
    },
    listeners,
    connections,
    processes,
    scan: extras.scan ?? null,
    probes: extras.probes ?? null,
    diagnosis: extras.diagnosis ?? null,
    warnings: [...snapshot.warnings],
  };
}

/**
 * A report holding only a scan (`portscope scan … --report`): no socket table was read, so the
 * machine part describes where the scan ran from and its counts are zero.
 */
export function reportFromScan(scan: ReportScan, extras: ReportExtras = {}): Report {
  const now = (extras.now ?? new Date()).toISOString();
  return {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    generator: { name: 'portscope', version: generatorVersion },
    generatedAt: now,
    title: extras.title ?? null,
    machine: {
      hostname: os.hostname(),
      os: extras.os ?? { platform: process.platform, release: os.release(), arch: process.arch },
      takenAt: scan.result.finishedAt,
      summary: summarize([]),
    },
    listeners: null,
    connections: null,
    processes: [],
    scan,
    probes: extras.probes ?? null,
    diagnosis: extras.diagnosis ?? null,
    warnings: [],
  };
}
