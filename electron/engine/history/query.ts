import type { HistoryEvent, HistoryFilter, HistoryQueryResult, HourlySummary, Timeline, TimelineLane } from '../../../shared/contract/history';
import type { Exposure, Protocol, SocketState } from '../../../shared/contract/sockets';
import type { Database } from './sqlite';
import { GROUP_BUCKET_MS } from './store';
import { engineText, localizedText } from '../localizedText';

type Row = Record<string, unknown>;

const iso = (ms: unknown) => new Date(Number(ms)).toISOString();
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export function eventFromRow(r: Row): HistoryEvent {
  return {
    id: Number(r.id),
    at: iso(r.at),
    lastAt: iso(r.last_at),
    count: Number(r.count),
    kind: r.kind as HistoryEvent['kind'],
    listener: Number(r.listener) === 1,
    protocol: r.protocol as Protocol,
    family: Number(r.family) === 6 ? 6 : 4,
    localAddress: String(r.local_address),
    localPort: Number(r.local_port),
    remoteAddress: String(r.remote_address),
    remotePort: Number(r.remote_port),
    state: r.state as SocketState,
    exposure: r.exposure as Exposure,
    owner: { pid: num(r.pid), name: str(r.process_name), exe: str(r.exe), user: str(r.user), startTime: str(r.start_time), status: String(r.owner_status) },
    previous:
      r.kind === 'changed' ? { state: (str(r.previous_state) as SocketState | null) ?? null, pid: num(r.previous_pid), processName: str(r.previous_process_name) } : null,
    note: (str(r.note) as HistoryEvent['note']) ?? null,
    stillOpen: null,
  };
}

/** A grouped connection row covers at most this long after its `at` (the store's group bucket). */
const GROUP_SPAN_MS = GROUP_BUCKET_MS;

interface Where {
  sql: string;
  params: Array<string | number>;
}

function where(filter: HistoryFilter, sinceMs: number | null, untilMs: number | null, portColumn: 'local_port' | 'remote_port' | null): Where {
  const parts: string[] = [];
  const params: Array<string | number> = [];
  if (portColumn !== null && filter.port !== undefined) {
    parts.push(`${portColumn} = ?`);
    params.push(filter.port);
  }
  if (sinceMs !== null) {
    // A grouped row whose last connection is inside the window belongs to it too; the bound on
    // `at` lets the (port, at) index do the work.
    parts.push('at >= ? AND last_at >= ?');
    params.push(sinceMs - GROUP_SPAN_MS, sinceMs);
  }
  if (untilMs !== null) {
    parts.push('at <= ?');
    params.push(untilMs);
  }
  if (filter.pid !== undefined) {
    parts.push('pid = ?');
    params.push(filter.pid);
  }
  if (filter.process !== undefined) {
    parts.push("instr(lower(coalesce(process_name, '') || ' ' || coalesce(exe, '')), lower(?)) > 0");
    params.push(filter.process);
  }
  if (filter.listenersOnly) parts.push('listener = 1');
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/**
 * Events matching the filter, oldest first; with more than `limit`, the newest `limit`. A port
 * is looked up as two index walks (local side, remote side), newest first, each stopping at the
 * limit, then merged: an OR would make SQLite sort every matching row of a busy port.
 */
export function queryEvents(db: Database, filter: HistoryFilter): HistoryQueryResult {
  const sinceMs = filter.since ? Date.parse(filter.since) : null;
  const untilMs = filter.until ? Date.parse(filter.until) : null;
  const limit = filter.limit ?? 10_000;
  const run = (column: 'local_port' | 'remote_port' | null, columns: string) => {
    const w = where(filter, sinceMs, untilMs, column);
    // The planner, left alone, may pick the time index and filter millions of rows by port.
    const from = column ? `events INDEXED BY events_${column}` : 'events';
    const order = column ? `ORDER BY ${column} DESC, at DESC` : 'ORDER BY at DESC';
    return db.prepare(`SELECT ${columns} FROM ${from} ${w.sql} ${order} LIMIT ?`).all(...w.params, limit + 1) as Row[];
  };
  let rows: Row[];
  if (filter.port === undefined) rows = run(null, '*');
  else {
    // Ids first (the index alone answers), then whole rows for the newest `limit` only: a busy
    // port's two walks would otherwise build twice the rows it returns.
    const byId = new Map<number, number>();
    for (const r of [...run('local_port', 'id, at'), ...run('remote_port', 'id, at')]) byId.set(Number(r.id), Number(r.at));
    const newest = [...byId].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, limit + 1).map(([id]) => id);
    rows = db.prepare('SELECT * FROM events WHERE id IN (SELECT value FROM json_each(?)) ORDER BY at DESC, id DESC').all(JSON.stringify(newest)) as Row[];
  }
  const truncated = rows.length > limit;
  const events = rows.slice(0, limit).reverse().map(eventFromRow);
  return { events, summaries: querySummaries(db, filter, sinceMs, untilMs), truncated };
}

function querySummaries(db: Database, filter: HistoryFilter, sinceMs: number | null, untilMs: number | null): HourlySummary[] {
  if (filter.pid !== undefined) return []; // summaries keep programs, not pids
  const parts: string[] = [];
  const params: Array<string | number> = [];
  if (sinceMs !== null) {
    parts.push('hour >= ?');
    params.push(sinceMs - 3_600_000);
  }
  if (untilMs !== null) {
    parts.push('hour <= ?');
    params.push(untilMs);
  }
  if (filter.port !== undefined) {
    parts.push('(local_port = ? OR remote_port = ?)');
    params.push(filter.port, filter.port);
  }
  if (filter.process !== undefined) {
    parts.push('instr(lower(process_name), lower(?)) > 0');
    params.push(filter.process);
  }
  if (filter.listenersOnly) parts.push('listener = 1');
  const rows = db.prepare(`SELECT * FROM hourly ${parts.length ? `WHERE ${parts.join(' AND ')}` : ''} ORDER BY hour LIMIT 10000`).all(...params) as Row[];
  return rows.map((r) => ({
    hour: iso(r.hour),
    listener: Number(r.listener) === 1,
    protocol: r.protocol as Protocol,
    localPort: Number(r.local_port),
    remoteAddress: String(r.remote_address),
    remotePort: Number(r.remote_port),
    processName: String(r.process_name),
    opened: Number(r.opened),
    closed: Number(r.closed),
    changed: Number(r.changed),
  }));
}

interface OpenSpan {
  from: number;
  pid: number | null;
  processName: string | null;
  localAddress: string;
  exposure: Exposure;
  openedBefore: boolean;
  protocol: Protocol;
  port: number;
}

/**
 * Listener lanes for a window: one per protocol and port (or per program), each with the spans
 * when something listened there — who held it, from when to when. Built from listener events,
 * which stay few (connections are the churn), so reading them all up to the window's end is cheap.
 */
export function timeline(db: Database, sinceMs: number, untilMs: number, by: 'port' | 'process'): Timeline {
  const rows = db
    .prepare('SELECT at, kind, socket_key, protocol, local_address, local_port, exposure, pid, process_name, note FROM events WHERE listener = 1 AND at <= ? ORDER BY at, id')
    .all(untilMs) as Row[];
  const open = new Map<string, OpenSpan>();
  const lanes = new Map<string, TimelineLane>();
  const laneOf = (span: OpenSpan): TimelineLane => {
    const unknown = by === 'process' && span.processName == null;
    const key = by === 'port' ? `${span.protocol}/${span.port}` : (span.processName ?? engineText('engine.history.unknownOwnerLane'));
    let lane = lanes.get(key);
    if (!lane) {
      lane = { key, protocol: span.protocol, port: span.port, label: by === 'port' ? `${span.protocol.toUpperCase()} ${span.port}` : key, spans: [] };
      // The one lane label Portscope words (the others are a port or a program's name): keyed for translation.
      if (unknown) lane.labelText = localizedText('engine.history.unknownOwnerLane');
      lanes.set(key, lane);
    }
    return lane;
  };
  const close = (span: OpenSpan, at: number | null) => {
    if (at !== null && at < sinceMs) return;
    laneOf(span).spans.push({
      from: iso(Math.max(span.from, sinceMs)),
      to: at === null ? null : iso(at),
      pid: span.pid,
      processName: span.processName,
      localAddress: span.localAddress,
      exposure: span.exposure,
      openedBefore: span.openedBefore || span.from < sinceMs,
    });
  };
  for (const r of rows) {
    const key = String(r.socket_key);
    const at = Number(r.at);
    const before = open.get(key);
    if (r.kind === 'closed') {
      if (before) close(before, at);
      open.delete(key);
      continue;
    }
    if (before && r.kind === 'changed') close(before, at);
    open.set(key, {
      from: at,
      pid: num(r.pid),
      processName: str(r.process_name),
      localAddress: String(r.local_address),
      exposure: r.exposure as Exposure,
      openedBefore: r.note === 'present-at-start' && !before,
      protocol: r.protocol as Protocol,
      port: Number(r.local_port),
    });
  }
  for (const span of open.values()) close(span, null);
  const sorted = [...lanes.values()].sort((a, b) => a.port - b.port || a.key.localeCompare(b.key));
  for (const lane of sorted) lane.spans.sort((a, b) => a.from.localeCompare(b.from));
  return { since: iso(sinceMs), until: iso(untilMs), by, lanes: sorted };
}
