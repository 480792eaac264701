import type { BaselineCheck, BaselineInfo, KnownListener } from '../../../shared/contract/history';
import type { Exposure, Protocol, SocketRow } from '../../../shared/contract/sockets';
import { isListenerRow } from './events';
import type { Database } from './sqlite';

type Row = Record<string, unknown>;

/** What makes two listeners "the same" across restarts: not the pid, which changes every time. */
export function listenerIdentity(l: Pick<KnownListener, 'protocol' | 'localAddress' | 'localPort' | 'processName'>): string {
  return `${l.protocol}|${l.localAddress}|${l.localPort}|${l.processName}`;
}

export function knownFromRows(rows: readonly SocketRow[], exeOf: (pid: number) => string | null = () => null): KnownListener[] {
  const seen = new Map<string, KnownListener>();
  for (const r of rows) {
    if (!isListenerRow(r)) continue;
    const l: KnownListener = {
      protocol: r.protocol,
      localAddress: r.localAddress,
      localPort: r.localPort,
      processName: r.processName ?? '',
      exe: r.pid ? exeOf(r.pid) : null,
      exposure: r.exposure,
      pid: r.pid,
    };
    seen.set(listenerIdentity(l), seen.get(listenerIdentity(l)) ?? l);
  }
  return [...seen.values()].sort((a, b) => a.localPort - b.localPort || a.protocol.localeCompare(b.protocol) || a.localAddress.localeCompare(b.localAddress));
}

export function saveBaseline(db: Database, listeners: readonly KnownListener[], label: string, now = Date.now()): BaselineInfo {
  db.exec('BEGIN IMMEDIATE');
  try {
    const id = Number(db.prepare('INSERT INTO baselines (created_at, label) VALUES (?, ?)').run(now, label).lastInsertRowid);
    const put = db.prepare('INSERT INTO baseline_listeners (baseline, protocol, local_address, local_port, process_name, exe, exposure) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const l of listeners) put.run(id, l.protocol, l.localAddress, l.localPort, l.processName, l.exe, l.exposure);
    db.exec('COMMIT');
    return { id, createdAt: new Date(now).toISOString(), label, count: listeners.length };
  } catch (err) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

export function latestBaseline(db: Database): { info: BaselineInfo; listeners: KnownListener[] } | null {
  const b = db.prepare('SELECT id, created_at, label FROM baselines ORDER BY id DESC LIMIT 1').get() as Row | undefined;
  if (!b) return null;
  const listeners = (db.prepare('SELECT * FROM baseline_listeners WHERE baseline = ?').all(Number(b.id)) as Row[]).map(
    (r): KnownListener => ({
      protocol: r.protocol as Protocol,
      localAddress: String(r.local_address),
      localPort: Number(r.local_port),
      processName: String(r.process_name),
      exe: r.exe === null ? null : String(r.exe),
      exposure: r.exposure as Exposure,
      pid: null,
    }),
  );
  return { info: { id: Number(b.id), createdAt: new Date(Number(b.created_at)).toISOString(), label: String(b.label), count: listeners.length }, listeners };
}

/** Listeners now that the baseline does not know, and known ones no longer there. */
export function compareToBaseline(info: BaselineInfo, known: readonly KnownListener[], now: readonly KnownListener[]): BaselineCheck {
  const knownIds = new Set(known.map(listenerIdentity));
  const nowIds = new Set(now.map(listenerIdentity));
  return {
    baseline: info,
    added: now.filter((l) => !knownIds.has(listenerIdentity(l))),
    gone: known.filter((l) => !nowIds.has(listenerIdentity(l))),
  };
}
