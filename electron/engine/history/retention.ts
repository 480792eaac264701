import type { Database } from './sqlite';
import { dropTrafficBefore } from './trafficLog';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface RetentionResult {
  compactedEvents: number;
  bytesBefore: number;
  bytesAfter: number;
  droppedSummaries: number;
}

/** Bytes the database holds (pages in use), not counting the free pages it could give back. */
export function usedBytes(db: Database): number {
  const pages = Number((db.prepare('PRAGMA page_count').get() as Record<string, unknown>).page_count);
  const free = Number((db.prepare('PRAGMA freelist_count').get() as Record<string, unknown>).freelist_count);
  const size = Number((db.prepare('PRAGMA page_size').get() as Record<string, unknown>).page_size);
  return (pages - free) * size;
}

/**
 * Bytes the history itself holds: what the size cap limits. The open-socket table is the live
 * state (as large as the machine's socket table, whatever the cap) and is not counted, so a busy
 * machine never drops its history to make room for the present.
 */
export function historyBytes(db: Database): number {
  const live = Number((db.prepare('SELECT coalesce(sum(length(row) + length(socket_key) + 24), 0) AS n FROM open_sockets').get() as Record<string, unknown>).n);
  return Math.max(0, usedBytes(db) - live);
}

/**
 * Moves events older than `cutoff` into hourly summaries (counts per hour, port and program) and
 * deletes them, in one transaction. Nothing vanishes without a trace: the summary keeps how many
 * listeners and connections opened and closed, and `retention_log` says what was compacted.
 */
export function compactBefore(db: Database, cutoff: number, now: number, why: string): number {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.prepare(
      `INSERT INTO hourly (hour, listener, protocol, local_port, remote_address, remote_port, process_name, opened, closed, changed)
       SELECT (at / ${HOUR}) * ${HOUR}, listener, protocol, local_port,
              CASE WHEN listener = 1 THEN '' ELSE remote_address END, CASE WHEN listener = 1 THEN 0 ELSE remote_port END,
              coalesce(process_name, ''),
              sum(CASE kind WHEN 'opened' THEN count ELSE 0 END), sum(CASE kind WHEN 'closed' THEN count ELSE 0 END),
              sum(CASE kind WHEN 'changed' THEN count ELSE 0 END)
       FROM events WHERE at < ? GROUP BY 1, 2, 3, 4, 5, 6, 7
       ON CONFLICT DO UPDATE SET opened = opened + excluded.opened, closed = closed + excluded.closed, changed = changed + excluded.changed`,
    ).run(cutoff);
    const n = Number(db.prepare('DELETE FROM events WHERE at < ?').run(cutoff).changes);
    if (n > 0) db.prepare('INSERT INTO retention_log (at, message) VALUES (?, ?)').run(now, `compacted ${n} events before ${new Date(cutoff).toISOString()} into hourly summaries (${why})`);
    db.exec('COMMIT');
    return n;
  } catch (err) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

/**
 * Applies the age limit, then the size cap: while over the cap, compacts the oldest remaining day
 * of events; if summaries alone are over it, drops the oldest summaries (and logs that). Free
 * pages go back to the file system (incremental vacuum), a few thousand at a time.
 */
export function applyRetention(db: Database, options: { retentionDays: number; maxSizeMb: number }, now = Date.now()): RetentionResult {
  const bytesBefore = historyBytes(db);
  let compactedEvents = compactBefore(db, now - options.retentionDays * DAY, now, `older than ${options.retentionDays} days`);
  // Per-minute traffic is kept as long as events, and goes first when over the size cap.
  dropTrafficBefore(db, now - options.retentionDays * DAY);
  const cap = options.maxSizeMb * 1024 * 1024;
  let droppedSummaries = 0;
  for (let guard = 0; guard < 10_000 && historyBytes(db) > cap; guard++) {
    const traffic = db.prepare('SELECT min(minute) AS minute FROM traffic_minutes').get() as Record<string, unknown>;
    if (traffic.minute !== null && Number(traffic.minute) < now - HOUR) {
      const n = dropTrafficBefore(db, Number(traffic.minute) + DAY);
      db.prepare('INSERT INTO retention_log (at, message) VALUES (?, ?)').run(now, `dropped ${n} per-minute traffic rows (over the ${options.maxSizeMb} MB size cap)`);
      continue;
    }
    const oldest = db.prepare('SELECT min(at) AS at FROM events').get() as Record<string, unknown>;
    if (oldest.at !== null && Number(oldest.at) < now - HOUR) {
      compactedEvents += compactBefore(db, Number(oldest.at) + DAY, now, `over the ${options.maxSizeMb} MB size cap`);
      continue;
    }
    const hour = db.prepare('SELECT min(hour) AS hour FROM hourly').get() as Record<string, unknown>;
    if (hour.hour === null) break;
    const n = Number(db.prepare('DELETE FROM hourly WHERE hour < ?').run(Number(hour.hour) + DAY).changes);
    droppedSummaries += n;
    db.prepare('INSERT INTO retention_log (at, message) VALUES (?, ?)').run(now, `dropped ${n} hourly summaries before ${new Date(Number(hour.hour) + DAY).toISOString()} (over the ${options.maxSizeMb} MB size cap)`);
  }
  db.exec('PRAGMA incremental_vacuum(20000)');
  return { compactedEvents, bytesBefore, bytesAfter: historyBytes(db), droppedSummaries };
}
