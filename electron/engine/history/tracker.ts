import type { ProcessInfo, Snapshot, SocketDelta } from '../../../shared/contract/sockets';
import { isRecorded, meaningfulChange, trackedFrom, type HistoryEventRecord, type TrackedSocket } from './events';

/**
 * Turns the monitor's per-tick deltas into history events. The monitor's `removed` carries only
 * ids, so the tracker keeps what it needs to describe a closed socket (its endpoints and owner).
 */
export class SocketTracker {
  private readonly open = new Map<string, TrackedSocket>();
  private readonly processes = new Map<number, ProcessInfo>();
  private lastSeq = 0;

  get size(): number {
    return this.open.size;
  }

  sockets(): IterableIterator<TrackedSocket> {
    return this.open.values();
  }

  /**
   * Starts from a full snapshot. `known` is what a previous session left open: sockets still there
   * continue silently; ones gone closed while nothing recorded; new ones were opened at some
   * unknown time before now (or, with no previous state, were there when recording began).
   */
  reset(snapshot: Snapshot, known: ReadonlyMap<string, TrackedSocket>, at: number, mode: 'start' | 'resync' = 'start'): HistoryEventRecord[] {
    const prior = new Map(known);
    this.open.clear();
    this.processes.clear();
    for (const p of snapshot.processes) this.processes.set(p.pid, p);
    this.lastSeq = snapshot.seq;
    const events: HistoryEventRecord[] = [];
    for (const row of snapshot.rows) {
      if (!isRecorded(row)) continue;
      const socket = trackedFrom(row, row.pid ? this.processes.get(row.pid) : undefined);
      this.open.set(socket.key, socket);
      const before = prior.get(socket.key);
      if (!before) events.push({ at, kind: 'opened', socket, previous: null, note: mode === 'start' ? 'present-at-start' : null });
      else if (meaningfulChange(before, socket)) events.push(changedEvent(at, before, socket));
    }
    for (const [key, before] of prior) {
      if (!this.open.has(key)) events.push({ at, kind: 'closed', socket: before, previous: null, note: mode === 'start' ? 'while-not-recording' : null });
    }
    return events;
  }

  /** Events for one tick; null when the delta does not follow the last one seen (resync needed). */
  apply(delta: SocketDelta): HistoryEventRecord[] | null {
    if (delta.previousSeq !== this.lastSeq) return null;
    this.lastSeq = delta.seq;
    for (const p of delta.processes) this.processes.set(p.pid, p);
    const at = Date.parse(delta.takenAt);
    const events: HistoryEventRecord[] = [];
    for (const id of delta.removed) {
      const before = this.open.get(id);
      if (!before) continue;
      this.open.delete(id);
      events.push({ at, kind: 'closed', socket: before, previous: null, note: null });
    }
    for (const row of delta.added) {
      if (!isRecorded(row)) continue;
      const socket = trackedFrom(row, row.pid ? this.processes.get(row.pid) : undefined);
      this.open.set(socket.key, socket);
      events.push({ at, kind: 'opened', socket, previous: null, note: null });
    }
    for (const row of delta.changed) {
      const before = this.open.get(row.id);
      if (!isRecorded(row)) {
        if (before) {
          this.open.delete(row.id);
          events.push({ at, kind: 'closed', socket: before, previous: null, note: null });
        }
        continue;
      }
      const socket = trackedFrom(row, row.pid ? this.processes.get(row.pid) : undefined);
      this.open.set(socket.key, socket);
      if (!before) events.push({ at, kind: 'opened', socket, previous: null, note: null });
      else if (meaningfulChange(before, socket)) events.push(changedEvent(at, before, socket));
    }
    // Forget processes no open socket names any more, so a long run's map stays the size of now.
    if (delta.seq % 600 === 0) {
      const live = new Set<number>();
      for (const s of this.open.values()) if (s.owner.pid) live.add(s.owner.pid);
      for (const pid of this.processes.keys()) if (!live.has(pid)) this.processes.delete(pid);
    }
    return events;
  }
}

function changedEvent(at: number, before: TrackedSocket, after: TrackedSocket): HistoryEventRecord {
  return { at, kind: 'changed', socket: after, previous: { state: before.state, pid: before.owner.pid, processName: before.owner.name }, note: null };
}
