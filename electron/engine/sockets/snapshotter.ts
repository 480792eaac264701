import os from 'node:os';
import type { OwnerStatus, ProcessInfo, Protocol, SocketRow } from '../../../shared/contract/sockets';
import { exposureOf, portClass } from '../../../shared/net/ports';
import { lookupService, type ServiceInfo } from '../catalog/services';
import { riskNotes } from '../catalog/risks';
import type { OwnerLookup, PlatformAdapter, RawSocket, ReportedOwner, SocketChanges } from '../platform/types';
import { endpointKey } from '../platform/socketKey';
import type { TrafficSummary } from '../../../shared/contract/traffic';
import { rowTraffic, sameTraffic, summarizeTraffic } from './traffic';
import { localizedMessage, messageTexts, type EngineMessage } from '../localizedText';

export interface SnapshotResult {
  rows: SocketRow[];
  processes: Map<number, ProcessInfo>;
  /** English, as the contract's `warnings`; `warningTexts` the same with their keys. */
  warnings: string[];
  warningTexts: EngineMessage[];
  durationMs: number;
  takenAt: string;
  hostname: string;
  /** How owner resolution went this time: a full walk or only the unknown inodes. */
  ownerWalk: 'full' | 'incremental' | 'none';
  /** Machine and per-process byte totals and rates over the rows with counters. */
  traffic: TrafficSummary;
}

/**
 * An inode nobody owned is looked for in processes that appeared since (one of them may hold it
 * now), and in all processes only every this many refreshes: a socket without a visible owner
 * (another pid namespace, a kernel socket) would else cost a walk of every fd table per refresh.
 */
const NOT_FOUND_RETRY_TICKS = 60;

interface Owner {
  pid: number | null;
  pids: number[];
  name: string | null;
  user: string | null;
  status: OwnerStatus;
}

const NO_PIDS: number[] = [];

/** How many recent socket owners are searched first for a new socket. */
const RECENT_OWNERS = 8;

/** A protocol and port as one number (port × 2, + 1 for UDP): set and map keys built for every row. */
function portKey(protocol: Protocol, port: number): number {
  return port * 2 + (protocol === 'udp' ? 1 : 0);
}

function none(status: OwnerStatus): Owner {
  return { pid: null, pids: NO_PIDS, name: null, user: null, status };
}

/**
 * Turns the OS's socket table into rows with owners and port knowledge. Keeps caches between
 * calls so a steady-state refresh costs a table read, not a walk of every process's fds.
 */
function samePids(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function allIn(list: readonly number[], set: ReadonlySet<number>): boolean {
  for (let i = 0; i < list.length; i++) if (!set.has(list[i]!)) return false;
  return true;
}

/** Live sockets by inode; inode-less ones (TIME_WAIT) by endpoints; OS-named owners also by pid. */
function rowKey(s: RawSocket): number | string {
  return s.inode !== 0 ? s.inode : s.owner ? `${endpointKey(s)}|p${s.owner.pid ?? 0}` : endpointKey(s);
}

/** Fresh inode-less rows take the id of a gone connection with the same endpoints (see inheritIds). */
function inheritFrom(fresh: readonly SocketRow[], gone: readonly SocketRow[]): void {
  const byEndpoints = new Map<string, SocketRow>();
  for (const row of gone) {
    if (row.protocol !== 'tcp' || row.state === 'LISTEN' || row.state === 'TIME_WAIT') continue;
    byEndpoints.set(row.id.slice(0, row.id.lastIndexOf('|')), row);
  }
  if (byEndpoints.size === 0) return;
  for (const row of fresh) {
    const was = byEndpoints.get(row.id.slice(0, row.id.lastIndexOf('|')));
    if (was) row.id = was.id;
  }
}

export class SocketSnapshotter {
  private readonly owners = new Map<number, number[]>();
  private readonly notFound = new Map<number, { tick: number; status: OwnerStatus }>();
  private readonly processes = new Map<number, ProcessInfo>();
  /** Services by port × 2 + (1 for UDP): a number key, no string built per row. */
  private readonly services = new Map<number, ServiceInfo | null>();
  private tick = 0;
  private cold = true;
  private knownPids = new Set<number>();
  /** Processes that received new sockets lately, most recent first. */
  private recentOwners: number[] = [];
  /** Last refresh's rows by id: unchanged sockets keep their row object (less garbage, cheap diffs). */
  private previous = new Map<number | string, SocketRow>();
  /**
   * Rows by the RawSocket they were built from, kept while the adapter reports its changes
   * (Linux sock_diag, diffed in C): then a refresh works on the changed sockets alone. null when
   * the last refresh went the full way without changes to follow.
   */
  private rowOf: Map<RawSocket, SocketRow> | null = null;
  /**
   * The last full read's sockets and rows, filed into rowOf only when a next refresh follows
   * changes: a one-shot read (the CLI's `list`) never pays for that index.
   */
  private untracked: { sockets: readonly RawSocket[]; rows: readonly SocketRow[] } | null = null;
  private readonly socketOfInode = new Map<number, RawSocket>();
  /** Sockets whose row has counters with rates not yet at 0: rebuilt next time even if unchanged. */
  private readonly moving = new Set<RawSocket>();
  private changesSeq = -1;
  /** Inodes whose owner facts changed during this refresh's owner resolution. */
  private readonly ownerChanged = new Set<number>();
  private readonly forgotten = new Set<number>();
  /** One `[pid]` array per pid, so unchanged rows compare equal without a new array each refresh. */
  private readonly singlePids = new Map<number, number[]>();
  /** When the socket table was last read (performance.now()), for rates between refreshes. */
  private lastReadAt: number | null = null;
  private secondsSinceLastRead = 0;

  constructor(private readonly adapter: PlatformAdapter) {}

  private noteRecentOwner(pid: number): void {
    // A cold walk notes one pid per socket, mostly the same one again: nothing to move then.
    if (this.recentOwners[0] === pid) return;
    const at = this.recentOwners.indexOf(pid);
    if (at >= 0) this.recentOwners.splice(at, 1);
    this.recentOwners.unshift(pid);
    if (this.recentOwners.length > RECENT_OWNERS) this.recentOwners.pop();
  }

  /** Forget every cache: the next snapshot walks all processes again. */
  reset(): void {
    this.owners.clear();
    this.notFound.clear();
    this.processes.clear();
    this.previous.clear();
    this.rowOf = null;
    this.untracked = null;
    this.socketOfInode.clear();
    this.moving.clear();
    this.lastReadAt = null;
    this.cold = true;
  }

  async take(): Promise<SnapshotResult> {
    const started = performance.now();
    this.tick++;
    const { sockets, warnings, pending, changes } = await this.adapter.readSockets();
    const readAt = performance.now();
    this.secondsSinceLastRead = this.lastReadAt === null ? 0 : (readAt - this.lastReadAt) / 1000;
    this.lastReadAt = readAt;
    // On top of the read we saw last, the changes alone tell this refresh; otherwise the full way.
    if (changes !== undefined) this.trackUntracked();
    const incremental = changes !== undefined && this.rowOf !== null && !this.cold && changes.seq === this.changesSeq + 1 ? changes : null;
    this.changesSeq = changes?.seq ?? -1;
    this.ownerChanged.clear();
    for (const inode of this.forgotten) this.ownerChanged.add(inode);
    this.forgotten.clear();
    const ownerWalk = incremental ? this.resolveOwnersIncremental(incremental, sockets, warnings) : this.resolveOwners(sockets, warnings);
    await pending; // the dual-stack answer (from `ss`) arrives while we walked the fd tables
    const rows = incremental ? this.applyChanges(incremental, sockets) : this.buildRows(sockets, changes !== undefined);
    const durationMs = performance.now() - started;
    return {
      rows,
      processes: this.liveProcesses(rows),
      warnings: messageTexts(warnings),
      warningTexts: warnings,
      durationMs,
      takenAt: new Date().toISOString(),
      hostname: os.hostname(),
      ownerWalk,
      traffic: summarizeTraffic(rows),
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
    // Its rows are rebuilt at the next refresh, also when that one follows changes only.
    for (const [inode, pids] of this.owners) if (pids.includes(pid)) this.forgotten.add(inode);
  }

  private resolveOwners(sockets: RawSocket[], warnings: EngineMessage[]): SnapshotResult['ownerWalk'] {
    const adapter = this.adapter;
    if (!adapter.findOwners) return this.expireProcesses();
    const live = new Set<number>();
    for (const s of sockets) if (s.inode !== 0) live.add(s.inode);
    for (const inode of this.owners.keys()) if (!live.has(inode)) this.owners.delete(inode);
    for (const inode of this.notFound.keys()) if (!live.has(inode)) this.notFound.delete(inode);

    if (this.cold) {
      this.cold = false;
      this.knownPids = this.adapter.listPids();
      const found = adapter.findOwners(live, true);
      this.processes.clear();
      this.record(live, found, warnings);
      return 'full';
    }

    // Cached owners stay valid while one of their processes lives; dead ones are dropped.
    const pids = this.adapter.listPids();
    for (const pid of this.processes.keys()) if (!pids.has(pid)) this.processes.delete(pid);
    const appeared: number[] = [];
    for (const pid of pids) if (!this.knownPids.has(pid)) appeared.push(pid);
    this.knownPids = pids;
    const unknown = new Set<number>();
    const retryInNew = new Set<number>();
    for (const inode of live) {
      const cached = this.owners.get(inode);
      if (cached) {
        // The common case, every holder alive, allocates nothing (this runs for every socket).
        if (allIn(cached, pids)) continue;
        const alive = cached.filter((p) => pids.has(p));
        if (alive.length > 0) {
          this.owners.set(inode, alive);
          continue;
        }
        this.owners.delete(inode);
      }
      const miss = this.notFound.get(inode);
      if (!miss || this.tick - miss.tick >= NOT_FOUND_RETRY_TICKS) unknown.add(inode);
      // Searched everywhere before: only processes that appeared since then can hold it now.
      else if (appeared.length > 0) retryInNew.add(inode);
    }
    if (unknown.size === 0 && retryInNew.size === 0) return 'none';
    if (unknown.size > 0) this.record(unknown, adapter.findOwners(unknown, false, this.likelyOwners(sockets, unknown)), warnings);
    if (retryInNew.size > 0) this.record(retryInNew, adapter.findOwners(retryInNew, false, appeared, true), warnings, true);
    return 'incremental';
  }

  /** The OS named each socket's owner (Windows, macOS): only cached process details can go stale. */
  private expireProcesses(): 'none' {
    const pids = this.adapter.listPids();
    for (const pid of this.processes.keys()) if (!pids.has(pid)) this.processes.delete(pid);
    for (const pid of this.singlePids.keys()) if (!pids.has(pid)) this.singlePids.delete(pid);
    return 'none';
  }

  /**
   * Where a new socket most likely lives, to search there first: an accepted connection belongs
   * to whoever listens on its local port; otherwise, processes that opened sockets lately tend
   * to open more. Without hints a new socket in an old process meant reading every fd of every
   * newer process first.
   */
  private likelyOwners(sockets: readonly RawSocket[], unknown: ReadonlySet<number>): number[] {
    const hints: number[] = [];
    const seen = new Set<number>();
    const add = (pid: number) => {
      if (!seen.has(pid)) {
        seen.add(pid);
        hints.push(pid);
      }
    };
    const listenerOwners = new Map<string, number[]>();
    for (const s of sockets) {
      if (s.state !== 'LISTEN') continue;
      const pids = this.owners.get(s.inode);
      if (pids) listenerOwners.set(`${s.protocol}:${s.localPort}`, pids);
    }
    for (const s of sockets) {
      if (!unknown.has(s.inode) || s.state === 'LISTEN') continue;
      listenerOwners.get(`${s.protocol}:${s.localPort}`)?.forEach(add);
    }
    for (const pid of this.recentOwners) add(pid);
    return hints;
  }

  private record(wanted: ReadonlySet<number>, found: OwnerLookup, warnings: EngineMessage[], partial = false): void {
    for (const inode of wanted) {
      this.ownerChanged.add(inode);
      const pids = found.owners.get(inode);
      if (pids) {
        this.owners.set(inode, pids);
        this.notFound.delete(inode);
        for (const pid of pids) this.noteRecentOwner(pid);
        continue;
      }
      const before = this.notFound.get(inode);
      // A partial search (new processes only) keeps the tick and the verdict of the last full one.
      if (partial && before) continue;
      if (found.deniedPids > 0) {
        this.notFound.set(inode, { tick: this.tick, status: 'permission-denied' });
      } else if (found.vanishedPids > 0 && !before) {
        // Some process exited during the walk: it may have owned this socket, then the socket
        // is gone by the next refresh. Look again then; if the socket is still there, its owner
        // did not exit (a socket outlives no holder).
        this.notFound.set(inode, { tick: this.tick - NOT_FOUND_RETRY_TICKS, status: 'process-exited' });
      } else {
        // Searched before and still here: whatever exited during this walk was not its owner.
        this.notFound.set(inode, { tick: this.tick, status: 'not-found' });
      }
    }
    if (found.deniedPids > 0) {
      warnings.push(localizedMessage('platform.ownersDenied', { count: found.deniedPids }));
    }
  }

  private service(port: number, protocol: Protocol): ServiceInfo | null {
    const key = portKey(protocol, port);
    let hit = this.services.get(key);
    if (hit === undefined) {
      hit = lookupService(port, protocol);
      this.services.set(key, hit);
    }
    return hit;
  }

  /** The ports something listens on, as portKey numbers. */
  private listeningPorts(sockets: readonly RawSocket[]): Set<number> {
    const listening = new Set<number>();
    for (const s of sockets) {
      if (s.state === 'LISTEN' || (s.protocol === 'udp' && s.state === 'UNCONN')) listening.add(portKey(s.protocol, s.localPort));
    }
    return listening;
  }

  private buildRows(sockets: RawSocket[], followChanges: boolean): SocketRow[] {
    // Coming back from refreshes that followed changes: the rows by key are out of date.
    if (this.rowOf) {
      this.previous = new Map();
      for (const [s, row] of this.rowOf) this.previous.set(rowKey(s), row);
    }
    // A connection's service is its listening side: the local port if we listen on it, else the remote one.
    const listening = this.listeningPorts(sockets);
    const rows: SocketRow[] = new Array(sockets.length);
    const next = new Map<number | string, SocketRow>();
    // Inode-less rows seen for the first time: each may be a connection that just closed.
    let fresh: SocketRow[] | null = null;
    for (let i = 0; i < sockets.length; i++) {
      const s = sockets[i]!;
      const key = rowKey(s);
      const before = this.previous.get(key);
      const row = this.rowFor(s, key, before, listening);
      // Not keyed by a lasting inode: may be a connection that closed since last time.
      if (!before && s.protocol === 'tcp' && typeof key === 'string') (fresh ??= []).push(row);
      rows[i] = row;
      next.set(key, row);
    }
    if (fresh) this.inheritIds(fresh, next);
    this.previous = next;
    this.rowOf = null;
    this.socketOfInode.clear();
    this.moving.clear();
    // A copy of the array: callers may sort the rows they were handed.
    this.untracked = followChanges ? { sockets, rows: rows.slice() } : null;
    return rows;
  }

  /** Files the last full read's rows under their sockets, for a refresh that follows changes. */
  private trackUntracked(): void {
    if (!this.untracked) return;
    const { sockets, rows } = this.untracked;
    this.untracked = null;
    const rowOf = new Map<RawSocket, SocketRow>();
    for (let i = 0; i < sockets.length; i++) this.track(rowOf, sockets[i]!, rows[i]!);
    this.rowOf = rowOf;
  }

  /** The row for one socket, given its row at the last refresh (same key), if any. */
  private rowFor(s: RawSocket, key: number | string, before: SocketRow | undefined, listening: ReadonlySet<number> | (() => ReadonlySet<number>)): SocketRow {
    const owner = this.ownerOf(s);
    if (
      before &&
      before.state === s.state &&
      before.localPort === s.localPort &&
      before.remotePort === s.remotePort &&
      before.localAddress === s.localAddress &&
      before.remoteAddress === s.remoteAddress &&
      before.protocol === s.protocol &&
      before.pid === owner.pid &&
      before.ownerStatus === owner.status &&
      before.processName === owner.name &&
      before.user === owner.user &&
      before.dualStack === (s.dualStack ?? null) &&
      before.scopeId === (s.scopeId ?? null) &&
      samePids(before.pids, owner.pids)
    ) {
      // Nothing about this socket changed but perhaps its counters: then only they are new.
      return sameTraffic(before, s) ? before : { ...before, ...rowTraffic(s, before, this.secondsSinceLastRead, this.adapter.trafficUnavailable) };
    }
    // A socket keeps its row id while it lives, whatever changes (a UDP socket that
    // connects, an owner that appears); only a new socket gets a new id.
    const id =
      before && before.protocol === s.protocol && before.localPort === s.localPort
        ? before.id
        : typeof key === 'string' && s.owner
          ? key
          : `${endpointKey(s)}|${s.inode}`;
    return this.newRow(id, s, owner, typeof listening === 'function' ? listening() : listening, before?.id === id ? before : undefined);
  }

  /** Files a row under its socket for refreshes that follow changes. */
  private track(rowOf: Map<RawSocket, SocketRow>, s: RawSocket, row: SocketRow): void {
    rowOf.set(s, row);
    if (s.inode !== 0) this.socketOfInode.set(s.inode, s);
    if (row.bytesSent !== null && (row.sendRate !== 0 || row.receiveRate !== 0)) this.moving.add(s);
    else this.moving.delete(s);
  }

  private untrack(rowOf: Map<RawSocket, SocketRow>, s: RawSocket): SocketRow | undefined {
    const row = rowOf.get(s);
    rowOf.delete(s);
    this.moving.delete(s);
    if (s.inode !== 0 && this.socketOfInode.get(s.inode) === s) this.socketOfInode.delete(s.inode);
    return row;
  }

  /**
   * A refresh from the adapter's changes: rows of removed sockets go, changed and new sockets get
   * rows, and of the others only those whose owner changed or whose rates still have to fall to
   * 0. Every other row is the very object of the last refresh, untouched.
   */
  private applyChanges(changes: SocketChanges, sockets: readonly RawSocket[]): SocketRow[] {
    const rowOf = this.rowOf!;
    let listening: Set<number> | null = null;
    const lazyListening = () => (listening ??= this.listeningPorts(sockets));
    const gone: SocketRow[] = [];
    for (const s of changes.removed) {
      const row = this.untrack(rowOf, s);
      if (row) gone.push(row);
    }
    const rebuilt = new Set<RawSocket>();
    for (const [old, s] of changes.replaced) {
      const before = this.untrack(rowOf, old);
      this.track(rowOf, s, this.rowFor(s, rowKey(s), before, lazyListening));
      rebuilt.add(s);
    }
    let fresh: SocketRow[] | null = null;
    for (const s of changes.added) {
      const row = this.rowFor(s, rowKey(s), undefined, lazyListening);
      if (s.protocol === 'tcp' && s.inode === 0) (fresh ??= []).push(row);
      this.track(rowOf, s, row);
      rebuilt.add(s);
    }
    if (fresh && gone.length > 0) inheritFrom(fresh, gone);
    for (const inode of this.ownerChanged) {
      const s = this.socketOfInode.get(inode);
      if (!s || rebuilt.has(s)) continue;
      this.track(rowOf, s, this.rowFor(s, inode, rowOf.get(s), lazyListening));
      rebuilt.add(s);
    }
    for (const s of [...this.moving]) {
      if (rebuilt.has(s)) continue;
      const before = rowOf.get(s)!;
      this.track(rowOf, s, { ...before, ...rowTraffic(s, before, this.secondsSinceLastRead, this.adapter.trafficUnavailable) });
    }
    return Array.from(rowOf.values());
  }

  /** resolveOwners for a refresh that follows changes: only new sockets and exited processes cost work. */
  private resolveOwnersIncremental(changes: SocketChanges, sockets: RawSocket[], warnings: EngineMessage[]): SnapshotResult['ownerWalk'] {
    const adapter = this.adapter;
    if (!adapter.findOwners) return this.expireProcesses();
    const arriving = new Set<number>();
    for (const s of changes.added) if (s.inode !== 0) arriving.add(s.inode);
    for (const [, s] of changes.replaced) if (s.inode !== 0) arriving.add(s.inode);
    const drop = (inode: number) => {
      if (inode === 0 || arriving.has(inode)) return;
      this.owners.delete(inode);
      this.notFound.delete(inode);
    };
    for (const s of changes.removed) drop(s.inode);
    for (const [old] of changes.replaced) drop(old.inode);

    const pids = adapter.listPids();
    let exited = false;
    for (const pid of this.knownPids) {
      if (!pids.has(pid)) {
        exited = true;
        break;
      }
    }
    if (exited) for (const pid of this.processes.keys()) if (!pids.has(pid)) this.processes.delete(pid);
    const appeared: number[] = [];
    for (const pid of pids) if (!this.knownPids.has(pid)) appeared.push(pid);
    this.knownPids = pids;
    const unknown = new Set<number>();
    const retryInNew = new Set<number>();
    const lookAgain = (inode: number) => {
      const miss = this.notFound.get(inode);
      if (!miss || this.tick - miss.tick >= NOT_FOUND_RETRY_TICKS) unknown.add(inode);
      // Searched everywhere before: only processes that appeared since then can hold it now.
      else if (appeared.length > 0) retryInNew.add(inode);
    };
    if (exited) {
      // Cached owners stay valid while one of their processes lives; dead ones are dropped.
      for (const [inode, cached] of this.owners) {
        if (allIn(cached, pids)) continue;
        this.ownerChanged.add(inode);
        const alive = cached.filter((p) => pids.has(p));
        if (alive.length > 0) this.owners.set(inode, alive);
        else {
          this.owners.delete(inode);
          lookAgain(inode);
        }
      }
    }
    for (const inode of arriving) if (!this.owners.has(inode)) lookAgain(inode);
    for (const inode of this.notFound.keys()) if (!arriving.has(inode)) lookAgain(inode);
    if (unknown.size === 0 && retryInNew.size === 0) return 'none';
    if (unknown.size > 0) this.record(unknown, adapter.findOwners(unknown, false, this.likelyOwners(sockets, unknown)), warnings);
    if (retryInNew.size > 0) this.record(retryInNew, adapter.findOwners(retryInNew, false, appeared, true), warnings, true);
    return 'incremental';
  }

  /**
   * A connection that is closed actively leaves the process (its inode goes to 0 on Linux, its
   * pid to 0 on Windows) and lives on in FIN_WAIT2 or TIME_WAIT: the same connection, so the
   * same row, marked changed, as
   * TCPView's yellow, not a removed row and a new one. Its row is found by the endpoints of a
   * socket that was here last time and is gone now.
   */
  private inheritIds(fresh: readonly SocketRow[], next: ReadonlyMap<number | string, SocketRow>): void {
    const gone: SocketRow[] = [];
    for (const [key, row] of this.previous) if (!next.has(key)) gone.push(row);
    inheritFrom(fresh, gone);
  }

  private newRow(id: string, s: RawSocket, owner: Owner, listening: ReadonlySet<number>, before: SocketRow | undefined): SocketRow {
    const isListener = s.state === 'LISTEN' || s.state === 'UNCONN';
    const servicePort = isListener || s.remotePort === 0 || listening.has(portKey(s.protocol, s.localPort)) ? s.localPort : s.remotePort;
    const svc = this.service(servicePort, s.protocol);
    const exposure = exposureOf(s.localAddress);
    const t = rowTraffic(s, before, this.secondsSinceLastRead, this.adapter.trafficUnavailable);
    // Written out rather than spread: this literal is built for every new row (10,000 on a cold read).
    return {
      id,
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
      bytesSent: t.bytesSent,
      bytesReceived: t.bytesReceived,
      sendRate: t.sendRate,
      receiveRate: t.receiveRate,
      rttMs: t.rttMs,
      tcpInfo: t.tcpInfo,
      trafficUnavailable: t.trafficUnavailable,
    };
  }

  private ownerOf(s: RawSocket): Owner {
    if (s.owner) return this.reportedOwner(s.owner);
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

  private reportedOwner(owner: ReportedOwner): Owner {
    if (owner.pid === null) return none(owner.status ?? 'not-found');
    const info = this.processInfo(owner.pid);
    if (!info) return none('process-exited');
    let pids = this.singlePids.get(owner.pid);
    if (!pids) this.singlePids.set(owner.pid, (pids = [owner.pid]));
    return { pid: owner.pid, pids, name: info.name, user: info.user, status: 'known' };
  }

  private liveProcesses(rows: SocketRow[]): Map<number, ProcessInfo> {
    const out = new Map<number, ProcessInfo>();
    // Rows come in runs of one owner (a server's accepted connections): skip the run cheaply.
    let last = -1;
    for (const r of rows) {
      for (const pid of r.pids) {
        if (pid === last) continue;
        last = pid;
        if (out.has(pid)) continue;
        const info = this.processes.get(pid);
        if (info) out.set(pid, info);
      }
    }
    return out;
  }
}
