import type { Database } from './sqlite';

/** Bumped when the tables change; `migrate` brings an older file up to date. */
export const SCHEMA_VERSION = 3;

/**
 * Times are milliseconds since the epoch (integers sort and index cheaply). `events` holds every
 * listener event one per row, and connection events grouped: one row per minute per (kind,
 * process, protocol, remote endpoint), whose `count` and `last_at` grow — so 40 short connections
 * a second to one server make two rows a minute, not 2,400. `hourly` keeps what retention
 * compacted: counts per hour, port and process, so old history thins out instead of vanishing.
 * `traffic_minutes` (version 2) keeps each process's TCP payload per minute, the busiest 50 a
 * minute; a version-1 file gains the table on first open (every statement is IF NOT EXISTS).
 * `alerts.owner_status` (version 3) keeps why an alert's listener had no owner, so the alert's
 * sentence can be remade in the reader's language; older files gain the column (NULL in old rows).
 */
const TABLES = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
  id INTEGER PRIMARY KEY, started_at INTEGER NOT NULL, last_tick_at INTEGER NOT NULL,
  ended_at INTEGER, pid INTEGER NOT NULL, host TEXT NOT NULL, recorder TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS writer (
  id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER NOT NULL, host TEXT NOT NULL,
  session INTEGER NOT NULL, heartbeat_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY, at INTEGER NOT NULL, last_at INTEGER NOT NULL, count INTEGER NOT NULL DEFAULT 1,
  kind TEXT NOT NULL, listener INTEGER NOT NULL, protocol TEXT NOT NULL, family INTEGER NOT NULL,
  local_address TEXT NOT NULL, local_port INTEGER NOT NULL, remote_address TEXT NOT NULL, remote_port INTEGER NOT NULL,
  state TEXT NOT NULL, exposure TEXT NOT NULL,
  pid INTEGER, process_name TEXT, exe TEXT, user TEXT, start_time TEXT, owner_status TEXT NOT NULL,
  previous_state TEXT, previous_pid INTEGER, previous_process_name TEXT,
  note TEXT, socket_key TEXT NOT NULL, session INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS events_at ON events (at);
CREATE INDEX IF NOT EXISTS events_local_port ON events (local_port, at);
CREATE INDEX IF NOT EXISTS events_remote_port ON events (remote_port, at);
CREATE INDEX IF NOT EXISTS events_pid ON events (pid, at);
CREATE TABLE IF NOT EXISTS open_sockets (
  socket_key TEXT PRIMARY KEY, listener INTEGER NOT NULL, opened_at INTEGER NOT NULL, row TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS hourly (
  hour INTEGER NOT NULL, listener INTEGER NOT NULL, protocol TEXT NOT NULL, local_port INTEGER NOT NULL,
  remote_address TEXT NOT NULL, remote_port INTEGER NOT NULL, process_name TEXT NOT NULL,
  opened INTEGER NOT NULL, closed INTEGER NOT NULL, changed INTEGER NOT NULL,
  PRIMARY KEY (hour, listener, protocol, local_port, remote_address, remote_port, process_name)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS hourly_port ON hourly (local_port, hour);
CREATE TABLE IF NOT EXISTS baselines (id INTEGER PRIMARY KEY, created_at INTEGER NOT NULL, label TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS baseline_listeners (
  baseline INTEGER NOT NULL, protocol TEXT NOT NULL, local_address TEXT NOT NULL, local_port INTEGER NOT NULL,
  process_name TEXT NOT NULL, exe TEXT, exposure TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS baseline_listeners_id ON baseline_listeners (baseline);
CREATE TABLE IF NOT EXISTS alerts (
  id INTEGER PRIMARY KEY, at INTEGER NOT NULL, reason TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL,
  protocol TEXT NOT NULL, local_address TEXT NOT NULL, local_port INTEGER NOT NULL, exposure TEXT NOT NULL,
  pid INTEGER, process_name TEXT, owner_status TEXT);
CREATE INDEX IF NOT EXISTS alerts_at ON alerts (at);
CREATE TABLE IF NOT EXISTS retention_log (at INTEGER NOT NULL, message TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS traffic_minutes (
  minute INTEGER NOT NULL, pid INTEGER NOT NULL, process_name TEXT NOT NULL,
  bytes_sent INTEGER NOT NULL, bytes_received INTEGER NOT NULL, connections INTEGER NOT NULL,
  PRIMARY KEY (minute, pid, process_name)) WITHOUT ROWID;
`;

/**
 * WAL: readers never block the writer and a crash mid-transaction leaves the last committed state.
 * synchronous=NORMAL is durable against a killed process (the WAL is in the OS cache) and may lose
 * the last commits only on power loss, at a fraction of FULL's fsyncs. auto_vacuum=INCREMENTAL lets
 * the size cap give pages back to the file system.
 */
export function configure(db: Database): void {
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA auto_vacuum = INCREMENTAL');
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
}

export function migrate(db: Database): void {
  const version = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
  if (version >= SCHEMA_VERSION) return;
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(TABLES);
    const alertColumns = db.prepare('PRAGMA table_info(alerts)').all() as Array<{ name: string }>;
    if (!alertColumns.some((c) => c.name === 'owner_status')) db.exec('ALTER TABLE alerts ADD COLUMN owner_status TEXT');
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    db.exec('COMMIT');
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}
