import type { ProcessTraffic, TrafficSummary } from '../../../shared/contract/traffic';
import type { Database } from './sqlite';

/** One process's TCP payload during one minute (bytes moved then, not cumulative counters). */
export interface TrafficMinute {
  /** Start of the minute, ms since the epoch. */
  minute: number;
  pid: number;
  name: string;
  bytesSent: number;
  bytesReceived: number;
  /** The most counted connections it had at one refresh of that minute. */
  connections: number;
}

const MINUTE = 60_000;
/** Per minute, only the busiest processes are kept: a minute costs at most this many rows. */
export const PROCESSES_PER_MINUTE = 50;
/** A longer gap between two refreshes (a suspended laptop) is not spread over the minutes it skipped. */
const MAX_GAP_MS = 5 * MINUTE;

/**
 * Adds up each process's rate × interval, refresh after refresh, into per-minute totals; a
 * minute is handed out once the first refresh of the next one arrives (or at `flush`).
 */
export class TrafficMinutes {
  private minute = -1;
  private lastAt: number | null = null;
  private readonly acc = new Map<number, TrafficMinute>();

  /** One refresh's summary at `at` (ms); returns the minute it finished, if any. */
  add(summary: TrafficSummary | undefined, at: number): TrafficMinute[] {
    const seconds = this.lastAt === null || at - this.lastAt > MAX_GAP_MS ? 0 : (at - this.lastAt) / 1000;
    this.lastAt = at;
    const minute = Math.floor(at / MINUTE) * MINUTE;
    const done = minute !== this.minute ? this.flush() : [];
    this.minute = minute;
    if (!summary || seconds <= 0) return done;
    for (const p of summary.processes) this.count(p, seconds);
    return done;
  }

  private count(p: ProcessTraffic, seconds: number): void {
    const sent = p.sendRate * seconds;
    const received = p.receiveRate * seconds;
    let m = this.acc.get(p.pid);
    if (!m) {
      if (sent === 0 && received === 0) return; // idle all minute so far: no row
      this.acc.set(p.pid, (m = { minute: this.minute, pid: p.pid, name: p.name, bytesSent: 0, bytesReceived: 0, connections: 0 }));
    }
    m.bytesSent += sent;
    m.bytesReceived += received;
    m.connections = Math.max(m.connections, p.connections);
  }

  /** The minute under way, busiest first, at most PROCESSES_PER_MINUTE rows; starts afresh. */
  flush(): TrafficMinute[] {
    const rows = [...this.acc.values()]
      .map((m) => ({ ...m, bytesSent: Math.round(m.bytesSent), bytesReceived: Math.round(m.bytesReceived) }))
      .sort((a, b) => b.bytesSent + b.bytesReceived - (a.bytesSent + a.bytesReceived) || a.pid - b.pid)
      .slice(0, PROCESSES_PER_MINUTE);
    this.acc.clear();
    return rows;
  }
}

/** Adds the minutes (a restart within a minute adds to the row already there). */
export function insertTrafficMinutes(db: Database, rows: readonly TrafficMinute[]): void {
  const st = db.prepare(
    `INSERT INTO traffic_minutes (minute, pid, process_name, bytes_sent, bytes_received, connections) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET bytes_sent = bytes_sent + excluded.bytes_sent, bytes_received = bytes_received + excluded.bytes_received,
       connections = max(connections, excluded.connections)`,
  );
  for (const r of rows) st.run(r.minute, r.pid, r.name, r.bytesSent, r.bytesReceived, r.connections);
}

export interface TrafficQuery {
  since: number;
  until?: number;
  pid?: number;
  /** Process name contains this text (case-insensitive). */
  process?: string;
  limit?: number;
}

/** Recorded minutes, newest first, busiest first within a minute. */
export function queryTrafficMinutes(db: Database, q: TrafficQuery): { minutes: TrafficMinute[]; truncated: boolean } {
  const where = ['minute >= ?'];
  const args: Array<number | string> = [q.since];
  if (q.until !== undefined) {
    where.push('minute <= ?');
    args.push(q.until);
  }
  if (q.pid !== undefined) {
    where.push('pid = ?');
    args.push(q.pid);
  }
  if (q.process) {
    // Matched as the events' query does (query.ts): instr needs no escaping of % and _.
    where.push('instr(lower(process_name), lower(?)) > 0');
    args.push(q.process);
  }
  const limit = q.limit ?? 1000;
  const rows = db
    .prepare(
      `SELECT minute, pid, process_name, bytes_sent, bytes_received, connections FROM traffic_minutes WHERE ${where.join(' AND ')}
       ORDER BY minute DESC, bytes_sent + bytes_received DESC, pid LIMIT ?`,
    )
    .all(...args, limit + 1) as Array<Record<string, unknown>>;
  const minutes = rows.slice(0, limit).map((r) => ({
    minute: Number(r.minute),
    pid: Number(r.pid),
    name: String(r.process_name),
    bytesSent: Number(r.bytes_sent),
    bytesReceived: Number(r.bytes_received),
    connections: Number(r.connections),
  }));
  return { minutes, truncated: rows.length > limit };
}

/** Drops minutes older than `cutoff`; returns how many rows went. */
export function dropTrafficBefore(db: Database, cutoff: number): number {
  return Number(db.prepare('DELETE FROM traffic_minutes WHERE minute < ?').run(cutoff).changes);
}
