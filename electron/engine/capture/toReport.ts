import type { Report } from '../../../shared/contract/report';
import type { ProcessInfo, Snapshot, SocketRow } from '../../../shared/contract/sockets';
import type { Capabilities } from '../../../shared/contract/calls';
import type { PlatformAdapter, RawSocket } from '../platform/types';
import { SocketSnapshotter } from '../sockets/snapshotter';
import { reportFromSnapshot } from '../report/model';
import { FORMAT_LABELS, type DetectedCapture } from './detect';
import type { CapturedProcess, CapturedSocket, StopPoint } from './types';

export interface CaptureView {
  report: Report;
  /** Every socket row (listeners then connections), the shape `portscope list --json` prints. */
  rows: SocketRow[];
  label: string;
  stoppedAt: StopPoint | null;
}

const NOT_CAPTURED = 'not in the capture';
const READ_ONLY = { available: false, note: 'a capture from another machine: read-only' };
const CAPTURE_CAPABILITIES: Capabilities = {
  socketOwners: READ_ONLY,
  processDetails: READ_ONLY,
  firewallRules: READ_ONLY,
  trafficCounters: READ_ONLY,
  endProcess: READ_ONLY,
  closeConnection: READ_ONLY,
};

function processInfo(p: CapturedProcess): ProcessInfo {
  const unavailable: ProcessInfo['unavailable'] = [];
  for (const field of ['exe', 'commandLine', 'user', 'startTime', 'ppid'] as const) {
    if (p[field] == null) unavailable.push({ field, reason: NOT_CAPTURED });
  }
  return {
    pid: p.pid,
    ppid: p.ppid ?? null,
    name: p.name,
    exe: p.exe ?? null,
    args: p.commandLine ? p.commandLine.split(/\s+/) : [],
    commandLine: p.commandLine ?? '',
    uid: p.uid ?? null,
    user: p.user ?? null,
    startTime: p.startTime ?? null,
    unit: null,
    container: null,
    unavailable,
  };
}

/**
 * A platform adapter that answers from a capture instead of an OS, so the capture's rows are built
 * by the engine's own snapshotter: service names, exposure and risk notes come out exactly as for
 * live sockets. Owners are reported with each socket (as Windows and macOS adapters do).
 */
function captureAdapter(sockets: readonly CapturedSocket[], processes: ReadonlyMap<number, ProcessInfo>): PlatformAdapter {
  const raw: RawSocket[] = sockets.map((s) => ({
    protocol: s.protocol,
    family: s.family,
    localAddress: s.localAddress,
    localPort: s.localPort,
    remoteAddress: s.remoteAddress,
    remotePort: s.remotePort,
    state: s.state,
    uid: s.uid ?? null,
    inode: s.inode ?? 0,
    scopeId: s.scopeId,
    dualStack: s.dualStack ?? null,
    owner: { pid: s.pid, status: s.pid !== null ? 'known' : s.state === 'TIME_WAIT' ? 'time-wait' : 'not-found' },
    // macOS netstat -anvb (and -anv from 15 on) prints each socket's byte counts: keep them.
    traffic: s.rxBytes !== undefined && s.txBytes !== undefined ? { bytesSent: s.txBytes, bytesReceived: s.rxBytes, rttMs: null, tcpInfo: null } : null,
  }));
  return {
    name: 'capture',
    // Rows without counters: the capture's format has no such columns (all but macOS netstat -b).
    trafficUnavailable: 'not-supported',
    capabilities: () => CAPTURE_CAPABILITIES,
    readSockets: () => Promise.resolve({ sockets: raw, warnings: [] }),
    listPids: () => new Set(processes.keys()),
    readProcess: (pid) => processes.get(pid) ?? null,
  };
}

/** Notes on what this kind of capture cannot show, so an empty owner column is explained. */
function ownerNotes(d: DetectedCapture): string[] {
  const s = d.parsed.sockets;
  if (s.length === 0 || s.some((x) => x.pid !== null)) {
    const pid4 = s.filter((x) => x.pid === 4 && (x.state === 'LISTEN' || x.state === 'UNCONN')).length;
    return pid4 > 0 && d.platform === 'win32'
      ? [`pid 4 (System) holds ${pid4} listener(s): these are the kernel's own, http.sys (HTTP servers registered through HTTP.SYS, e.g. IIS, WinRM on 5985) and SMB (445, 139), not a program you can end`]
      : [];
  }
  switch (d.format) {
    case 'windows-netstat':
      return ['this netstat has no PID column: ask for `netstat -ano` (and `tasklist /fo csv /nh` for the names), run as administrator for every owner'];
    case 'ss':
      return ['no users:(…) fields: ss was run without -p or without root, so owners are unknown (ask for `sudo ss -tulnp`)'];
    case 'macos-netstat':
      return ['this netstat has no pid column: ask for `sudo netstat -anv -p tcp` and `-p udp` (macOS 10.14 or later) for owners'];
    default:
      return [];
  }
}

/** A read-only view of the machine a capture came from: the same report model as a live table. */
export async function captureView(detected: DetectedCapture, options: { fileName: string; encoding?: string; now?: Date }): Promise<CaptureView> {
  const { parsed } = detected;
  const label = FORMAT_LABELS[detected.format];
  const names = new Map<number, CapturedProcess>();
  for (const p of parsed.processes ?? []) names.set(p.pid, p);
  // A socket line may name its owner (netstat -b, lsof, ss, macOS 26) where no process list does.
  for (const s of parsed.sockets) {
    if (s.pid !== null && s.processName && !names.has(s.pid)) names.set(s.pid, { pid: s.pid, name: s.processName });
  }
  const processes = new Map<number, ProcessInfo>();
  for (const p of names.values()) if (p.pid > 0) processes.set(p.pid, processInfo(p));
  // A pid the capture gives without any name still is the owner: a nameless entry keeps it 'known'.
  for (const s of parsed.sockets) {
    if (s.pid !== null && !processes.has(s.pid)) processes.set(s.pid, processInfo({ pid: s.pid, name: '' }));
  }
  const snapshotter = new SocketSnapshotter(captureAdapter(parsed.sockets, processes));
  const taken = await snapshotter.take();
  const ids = new Map<string, number>();
  const rows = taken.rows.map((row, i) => {
    const s = parsed.sockets[i]!;
    const name = s.processName ?? (s.pid !== null ? names.get(s.pid)?.name : undefined) ?? null;
    const pids = s.pid !== null && s.otherPids?.length ? [s.pid, ...s.otherPids] : row.pids;
    // A capture may list one endpoint twice (netstat prints both halves of some UDP sockets): ids stay unique.
    const seen = ids.get(row.id) ?? 0;
    ids.set(row.id, seen + 1);
    return { ...row, id: seen === 0 ? row.id : `${row.id}#${seen + 1}`, processName: name || null, pids };
  });
  const stoppedAt = parsed.stoppedAt ?? null;
  const warnings = [
    `read as ${label}${options.encoding ? ` (${options.encoding})` : ''} from ${options.fileName}: a read-only view of that machine`,
    ...(stoppedAt ? [`the capture stops being readable at line ${stoppedAt.line}: ${stoppedAt.reason}; everything before it is shown`] : []),
    ...ownerNotes(detected),
    ...parsed.warnings,
  ];
  const snapshot: Snapshot = {
    seq: 0,
    takenAt: (options.now ?? new Date()).toISOString(),
    hostname: options.fileName,
    rows,
    processes: [...processes.values()].filter((p) => p.name !== ''),
    durationMs: taken.durationMs,
    warnings,
  };
  const report = reportFromSnapshot(snapshot, 'all', {
    title: `${label} capture: ${options.fileName}`,
    os: { platform: detected.platform, release: 'unknown', arch: 'unknown' },
    now: options.now,
  });
  // A process list alone (tasklist, ps) is still worth showing: keep every process, not only socket owners.
  if (parsed.sockets.length === 0) report.processes = [...processes.values()].sort((a, b) => a.pid - b.pid);
  return { report, rows: [...(report.listeners ?? []), ...(report.connections ?? [])], label, stoppedAt };
}
