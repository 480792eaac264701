import os from 'node:os';
import type { OwnerStatus, ProcessInfo, Protocol, SocketRow } from '../../../shared/contract/sockets';
import { exposureOf, portClass } from '../../../shared/net/ports';
import { lookupService, type ServiceInfo } from '../catalog/services';
import { riskNotes } from '../catalog/risks';
import type { PlatformAdapter, RawSocket } from '../platform/types';

export interface SnapshotResult {
  rows: SocketRow[];
  processes: Map<number, ProcessInfo>;
  warnings: string[];
  durationMs: number;
  takenAt: string;
  hostname: string;
  /** How owner resolution went this time: a full walk or only the unknown inodes. */
  ownerWalk: 'full' | 'incremental' | 'none';
}

/** How many refreshes an inode nobody owned waits before it is looked for again. */
const NOT_FOUND_RETRY_TICKS = 10;

/**
 * Turns the OS's socket table into rows with owners and port knowledge. Keeps caches between
 * calls so a steady-state refresh costs a table read, not a walk of every process's fds.
 */
export class SocketSnapshotter {
  private readonly owners = new Map<number, number[]>();
  private readonly notFound = new Map<number, { tick: number; status: OwnerStatus }>();
  private readonly processes = new Map<number, ProcessInfo>();
  private readonly services = new Map<string, ServiceInfo | null>();
  private tick = 0;
  private cold = true;

  constructor(private readonly adapter: PlatformAdapter) {}

  /** Forget every cache: the next snapshot walks all processes again. */
  reset(): void {
    this.owners.clear();
    this.notFound.clear();
    this.processes.clear();
    this.cold = true;
  }

  async take(): Promise<SnapshotResult> {
    const started = performance.now();
    this.tick++;
    const { sockets, warnings } = await this.adapter.readSockets();
    const ownerWalk = this.resolveOwners(sockets, warnings);
    const rows = this.buildRows(sockets);
    const durationMs = performance.now() - started;
    return {
      rows,
      processes: this.liveProcesses(rows),
      warnings,
      durationMs,
      takenAt: new Date().toISOString(),
      hostname: os.hostname(),
      ownerWalk,
    };
  }

  /** Details for any pid (also ones without sockets), cached while the process lives. */
  processInfo(pid: number): ProcessInfo | null {
    const cached = this.processes.get(pid);
    if (cached) return cached;
    const info = this.adapter.readProcess(pid);
    if (info) this.processes.set(pid, info);
    return info;
  }

  /** Drops what is cached for a pid, e.g. after it was signalled. */
  forgetProcess(pid: number): void {
    this.processes.delete(pid);
  }

  private resolveOwners(sockets: RawSocket[], warnings: string[]): SnapshotResult['ownerWalk'] {
    const live = new Set<number>();
    for (const s of sockets) if (s.inode !== 0) live.add(s.inode);
    for (const inode of this.owners.keys()) if (!live.has(inode)) this.owners.delete(inode);
    for (const inode of this.notFound.keys()) if (!live.has(inode)) this.notFound.delete(inode);

    if (this.cold) {
      this.cold = false;
      const found = this.adapter.findOwners(live, true);
      this.processes.clear();
      this.record(live, found, warnings);
      return 'full';
    }

    // Cached owners stay valid while one of their processes lives; dead ones are dropped.
    const pids = this.adapter.listPids();
    for (const pid of this.processes.keys()) if (!pids.has(pid)) this.processes.delete(pid);
    const unknown = new Set<number>();
    for (const inode of live) {
      const cached = this.owners.get(inode);
      if (cached) {
        const alive = cached.filter((p) => pids.has(p));
        if (alive.length === cached.length) continue;
        if (alive.length > 0) {
          this.owners.set(inode, alive);
          continue;
        }
        this.owners.delete(inode);
      }
      const miss = this.notFound.get(inode);
      if (miss && this.tick - miss.tick < NOT_FOUND_RETRY_TICKS) continue;
      unknown.add(inode);
    }
    if (unknown.size === 0) return 'none';
    this.record(unknown, this.adapter.findOwners(unknown, false), warnings);
    return 'incremental';
  }

  private record(wanted: ReadonlySet<number>, found: ReturnType<PlatformAdapter['findOwners']>, warnings: string[]): void {
    const status: OwnerStatus = found.deniedPids > 0 ? 'permission-denied' : found.vanishedPids > 0 ? 'process-exited' : 'not-found';
    for (const inode of wanted) {
      const pids = found.owners.get(inode);
      if (pids) {
        this.owners.set(inode, pids);
        this.notFound.delete(inode);
      } else {
        this.notFound.set(inode, { tick: this.tick, status });
      }
    }
    if (found.deniedPids > 0) {
      warnings.push(`${found.deniedPids} process(es) could not be inspected (permission denied): run as root to see every owner`);
    }
  }

  private service(port: number, protocol: Protocol): ServiceInfo | null {
    const key = `${port}/${protocol}`;
    let hit = this.services.get(key);
    if (hit === undefined) {
      hit = lookupService(port, protocol);
      this.services.set(key, hit);
    }
    return hit;
  }

  private buildRows(sockets: RawSocket[]): SocketRow[] {
    // A connection's service is its listening side: the local port if we listen on it, else the remote one.
    const listening = new Set<string>();
    for (const s of sockets) {
      if (s.state === 'LISTEN' || (s.protocol === 'udp' && s.state === 'UNCONN')) listening.add(`${s.protocol}:${s.localPort}`);
    }
    const rows: SocketRow[] = new Array(sockets.length);
    for (let i = 0; i < sockets.length; i++) {
      const s = sockets[i]!;
      const isListener = s.state === 'LISTEN' || s.state === 'UNCONN';
      const servicePort =
        isListener || s.remotePort === 0 || listening.has(`${s.protocol}:${s.localPort}`) ? s.localPort : s.remotePort;
      const svc = this.service(servicePort, s.protocol);
      const exposure = exposureOf(s.localAddress);
      const owner = this.ownerOf(s);
      rows[i] = {
        id: `${s.protocol}${s.family}|${s.localAddress}|${s.localPort}|${s.remoteAddress}|${s.remotePort}|${s.inode}`,
        protocol: s.protocol,
        family: s.family,
        localAddress: s.localAddress,
        localPort: s.localPort,
        remoteAddress: s.remoteAddress,
        remotePort: s.remotePort,
        scopeId: s.scopeId ?? null,
        state: s.state,
        dualStack: s.dualStack ?? null,
        inode: s.inode,
        socketUid: s.uid,
        pid: owner.pid,
        processName: owner.name,
        pids: owner.pids,
        user: owner.user,
        ownerStatus: owner.status,
        service: svc?.name ?? null,
        serviceDescription: svc?.description ?? null,
        servicePort,
        portClass: portClass(servicePort),
        exposure,
        risks: riskNotes({ protocol: s.protocol, state: s.state, servicePort, exposure }),
      };
    }
    return rows;
  }

  private ownerOf(s: RawSocket): { pid: number | null; pids: number[]; name: string | null; user: string | null; status: OwnerStatus } {
    const none = (status: OwnerStatus) => ({ pid: null, pids: [], name: null, user: null, status });
    if (s.inode === 0) return none(s.state === 'TIME_WAIT' ? 'time-wait' : 'orphaned');
    const pids = this.owners.get(s.inode);
    if (!pids) return none(this.notFound.get(s.inode)?.status ?? 'not-found');
    // Read every holder (forked servers share a socket), so each one's details are at hand.
    let first: ProcessInfo | null = null;
    for (const pid of pids) {
      const info = this.processInfo(pid);
      if (info && !first) first = info;
    }
    if (first) return { pid: first.pid, pids, name: first.name, user: first.user, status: 'known' };
    return none('process-exited');
  }

  private liveProcesses(rows: SocketRow[]): Map<number, ProcessInfo> {
    const out = new Map<number, ProcessInfo>();
    for (const r of rows) {
      for (const pid of r.pids) {
        if (out.has(pid)) continue;
        const info = this.processes.get(pid);
        if (info) out.set(pid, info);
      }
    }
    return out;
  }
}
