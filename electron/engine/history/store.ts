import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { connectionGroupKey, type HistoryEventRecord, type TrackedSocket } from './events';
import { dbPath } from './paths';
import { configure, migrate } from './schema';
import { sqlite, type Database, type Statement } from './sqlite';
import { engineText } from '../localizedText';

/** Connection events to one endpoint from one process share a row per this long. */
export const GROUP_BUCKET_MS = 60_000;

/** A writer whose heartbeat is older than this is presumed gone, even if its pid was reused. */
export const WRITER_STALE_MS = 30_000;

/** Nothing was recorded in `dataDir` yet; the message (engine catalog: engine.history.none) says how to start. */
export class HistoryUnavailableError extends Error {
  readonly messageKey = 'engine.history.none';
  constructor(readonly dataDir: string) {
    super(engineText('engine.history.none', { dir: dataDir }));
  }
}

type Row = Record<string, unknown>;

/**
 * The history database. Any number of processes may open it; one at a time holds the writer lease
 * (a row taken inside an IMMEDIATE transaction, so two can never both win) and records, the others
 * only read. SQLite's own locking keeps the file consistent even if two did write; the lease keeps
 * the history from getting every event twice.
 */
export class HistoryStore {
  readonly db: Database;
  private session = 0;
  private readonly groupRows = new Map<string, number>();
  private groupBucket = -1;
  private statements: { insert: Statement; bump: Statement; openPut: Statement; openDel: Statement; tick: Statement; beat: Statement } | null = null;

  private constructor(
    readonly dataDir: string,
    db: Database,
  ) {
    this.db = db;
  }

  /** Opens (and with `create`, makes) the database in `dataDir`. */
  static open(dataDir: string, options: { create: boolean }): HistoryStore {
    const file = dbPath(dataDir);
    if (!options.create && !existsSync(file)) throw new HistoryUnavailableError(dataDir);
    if (options.create) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const { DatabaseSync } = sqlite();
    const db = new DatabaseSync(file);
    try {
      configure(db);
      migrate(db);
    } catch (err) {
      db.close();
      throw err;
    }
    return new HistoryStore(dataDir, db);
  }

  close(): void {
    if (this.session) this.releaseWriter();
    this.db.close();
  }

  get sessionId(): number {
    return this.session;
  }

  /**
   * Takes the writer lease unless a live writer holds it. Returns true when this store may record;
   * the previous session's last tick tells restarts how long nothing was recording.
   */
  tryAcquireWriter(recorder: string, now = Date.now()): boolean {
    return this.transaction(() => {
      const held = this.db.prepare('SELECT pid, host, session, heartbeat_at FROM writer WHERE id = 1').get() as Row | undefined;
      if (held && Number(held.session) !== this.session && !writerGone(held, now)) return false;
      if (!this.session) {
        const r = this.db.prepare('INSERT INTO sessions (started_at, last_tick_at, pid, host, recorder) VALUES (?, ?, ?, ?, ?)').run(now, now, process.pid, os.hostname(), recorder);
        this.session = Number(r.lastInsertRowid);
      }
      this.db.prepare('INSERT OR REPLACE INTO writer (id, pid, host, session, heartbeat_at) VALUES (1, ?, ?, ?, ?)').run(process.pid, os.hostname(), this.session, now);
      return true;
    });
  }

  /** Keeps the lease fresh (also while the monitor is paused). False when another writer took over. */
  heartbeat(now = Date.now()): boolean {
    if (!this.session) return false;
    const r = this.db.prepare('UPDATE writer SET heartbeat_at = ? WHERE id = 1 AND session = ?').run(now, this.session);
    return Number(r.changes) === 1;
  }

  releaseWriter(now = Date.now()): void {
    if (!this.session) return;
    try {
      this.db.prepare('UPDATE sessions SET ended_at = ?, last_tick_at = ? WHERE id = ?').run(now, now, this.session);
      this.db.prepare('DELETE FROM writer WHERE id = 1 AND session = ?').run(this.session);
    } finally {
      this.session = 0;
    }
  }

  /** What the last writer left open, to continue from (or to close what went away meanwhile). */
  loadOpen(): Map<string, TrackedSocket> {
    const out = new Map<string, TrackedSocket>();
    for (const r of this.db.prepare('SELECT socket_key, row FROM open_sockets').all() as Row[]) {
      try {
        out.set(String(r.socket_key), JSON.parse(String(r.row)) as TrackedSocket);
      } catch {
        // A row this version cannot read: forget it rather than refuse to record.
      }
    }
    return out;
  }

  /**
   * One tick's events in one transaction, with the set of open sockets that lets a restart carry
   * on. A process killed mid-way leaves the previous tick's state: WAL rolls an uncommitted
   * transaction back.
   */
  writeTick(events: readonly HistoryEventRecord[], at: number): void {
    if (!this.session) throw new Error('writeTick without the writer lease');
    const st = (this.statements ??= this.prepareWrites());
    const bucket = Math.floor(at / GROUP_BUCKET_MS);
    if (bucket !== this.groupBucket) {
      this.groupRows.clear();
      this.groupBucket = bucket;
    }
    this.transaction(() => {
      for (const e of events) {
        const s = e.socket;
        if (e.kind === 'closed') st.openDel.run(s.key);
        else st.openPut.run(s.key, s.listener ? 1 : 0, e.at, JSON.stringify(s));
        if (!s.listener) {
          const key = connectionGroupKey(e);
          const rowid = this.groupRows.get(key);
          if (rowid !== undefined && Number(st.bump.run(e.at, rowid).changes) === 1) continue;
        }
        const local = s.listener || s.servicePort === s.localPort ? s.localPort : 0;
        const remote = s.listener || s.servicePort === s.remotePort ? s.remotePort : 0;
        const r = st.insert.run(
          e.at, e.at, e.kind, s.listener ? 1 : 0, s.protocol, s.family, s.localAddress, local, s.remoteAddress, remote, s.state, s.exposure,
          s.owner.pid, s.owner.name, s.owner.exe, s.owner.user, s.owner.startTime, s.owner.status,
          e.previous?.state ?? null, e.previous?.pid ?? null, e.previous?.processName ?? null, e.note, s.key, this.session,
        );
        if (!s.listener) this.groupRows.set(connectionGroupKey(e), Number(r.lastInsertRowid));
      }
      st.tick.run(at, this.session);
      st.beat.run(at, this.session);
    });
  }

  /** Runs `fn` in one IMMEDIATE transaction (takes the write lock up front: no upgrade deadlock). */
  transaction<T>(fn: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const out = fn();
      this.db.exec('COMMIT');
      return out;
    } catch (err) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
  }

  private prepareWrites() {
    return {
      insert: this.db.prepare(
        `INSERT INTO events (at, last_at, kind, listener, protocol, family, local_address, local_port, remote_address, remote_port, state, exposure,
           pid, process_name, exe, user, start_time, owner_status, previous_state, previous_pid, previous_process_name, note, socket_key, session)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      bump: this.db.prepare('UPDATE events SET count = count + 1, last_at = ? WHERE id = ?'),
      openPut: this.db.prepare('INSERT OR REPLACE INTO open_sockets (socket_key, listener, opened_at, row) VALUES (?1, ?2, COALESCE((SELECT opened_at FROM open_sockets WHERE socket_key = ?1), ?3), ?4)'),
      openDel: this.db.prepare('DELETE FROM open_sockets WHERE socket_key = ?'),
      tick: this.db.prepare('UPDATE sessions SET last_tick_at = ? WHERE id = ?'),
      beat: this.db.prepare('UPDATE writer SET heartbeat_at = ? WHERE id = 1 AND session = ?'),
    };
  }
}

function writerGone(held: Row, now: number): boolean {
  if (now - Number(held.heartbeat_at) > WRITER_STALE_MS) return true;
  if (String(held.host) !== os.hostname()) return false;
  try {
    process.kill(Number(held.pid), 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
