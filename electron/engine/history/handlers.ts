import os from 'node:os';
import type { CallHandlers } from '../../../shared/contract';
import type { BaselineInfo, Changes, HistoryEvent, HistorySettings, historyCalls, KnownListener } from '../../../shared/contract/history';
import { ContractError } from '../../../shared/contract/errors';
import type { Snapshot } from '../../../shared/contract/sockets';
import { listAlerts } from './alertLog';
import { compareToBaseline, knownFromRows, latestBaseline, listenerIdentity, saveBaseline } from './baseline';
import { isListenerRow } from './events';
import { queryEvents, timeline } from './query';
import type { HistoryRecorder } from './recorder';
import { usedBytes } from './retention';
import { loadSettings, saveSettings } from './settings';
import { SqliteMissingError } from './sqlite';
import { HistoryStore, HistoryUnavailableError } from './store';
import { engineText, localizedText } from '../localizedText';

export interface HistoryContext {
  dataDir: string;
  snapshot: () => Promise<Snapshot>;
  /** This process's recorder, when it records (its role, and baselines it must reload). */
  recorder: () => HistoryRecorder | null;
}

const HOUR = 3_600_000;

export function bootTime(now = Date.now()): number {
  return now - os.uptime() * 1000;
}

/** Marks listener events whose listener (protocol, address, port, pid) is still open now. */
export function markStillOpen(events: HistoryEvent[], snapshot: Snapshot): HistoryEvent[] {
  const live = new Set<string>();
  for (const r of snapshot.rows) if (isListenerRow(r)) live.add(`${r.protocol}|${r.localAddress}|${r.localPort}|${r.pid ?? ''}`);
  for (const e of events) e.stillOpen = e.listener ? live.has(`${e.protocol}|${e.localAddress}|${e.localPort}|${e.owner.pid ?? ''}`) : null;
  return events;
}

function liveListeners(snapshot: Snapshot): KnownListener[] {
  const exe = new Map(snapshot.processes.map((p) => [p.pid, p.exe]));
  return knownFromRows(snapshot.rows, (pid) => exe.get(pid) ?? null);
}

/** The listeners that were open at `at`, from the recorded listener events. */
function listenersAt(store: HistoryStore, at: number): KnownListener[] {
  const rows = store.db.prepare('SELECT * FROM events WHERE listener = 1 AND at <= ? ORDER BY at, id').all(at) as Array<Record<string, unknown>>;
  const open = new Map<string, KnownListener>();
  for (const r of rows) {
    const key = String(r.socket_key);
    if (r.kind === 'closed') open.delete(key);
    else
      open.set(key, {
        protocol: r.protocol as KnownListener['protocol'],
        localAddress: String(r.local_address),
        localPort: Number(r.local_port),
        processName: r.process_name === null ? '' : String(r.process_name),
        exe: r.exe === null ? null : String(r.exe),
        exposure: r.exposure as KnownListener['exposure'],
        pid: r.pid === null ? null : Number(r.pid),
      });
  }
  const byId = new Map<string, KnownListener>();
  for (const l of open.values()) byId.set(listenerIdentity(l), l);
  return [...byId.values()];
}

/** Where the history is read: a short-lived store per call, so readers never hold the file open. */
function withStore<T>(dataDir: string, create: boolean, fn: (store: HistoryStore) => T): T {
  let store: HistoryStore;
  try {
    store = HistoryStore.open(dataDir, { create });
  } catch (err) {
    if (err instanceof HistoryUnavailableError) throw new ContractError('not-found', err.message, { messageKey: err.messageKey, values: { dir: err.dataDir } });
    // A Node without node:sqlite is the one cause Portscope words itself; any other is the database's own text.
    if (err instanceof SqliteMissingError) throw new ContractError('unavailable', engineText('engine.history.noSqlite'), { messageKey: 'engine.history.noSqlite' });
    const values = { dir: dataDir, error: err instanceof Error ? err.message : String(err) };
    throw new ContractError('unavailable', engineText('engine.history.cannotOpen', values), { messageKey: 'engine.history.cannotOpen', values });
  }
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

export async function baselineSaveIn(ctx: HistoryContext, label?: string): Promise<BaselineInfo> {
  const snap = await ctx.snapshot();
  const info = withStore(ctx.dataDir, true, (s) => saveBaseline(s.db, liveListeners(snap), label ?? `baseline of ${new Date().toISOString()}`));
  ctx.recorder()?.reloadKnown();
  return info;
}

export function historyHandlers(ctx: HistoryContext): Pick<CallHandlers, keyof typeof historyCalls> {
  const { dataDir } = ctx;
  return {
    'history.status': async () => {
      const recorder = ctx.recorder();
      const now = Date.now();
      let listeners: number | null = null;
      if (recorder) {
        listeners = 0;
        for (const s of recorder.tracker.sockets()) if (s.listener) listeners++;
      }
      try {
        return withStore(dataDir, false, (s) => {
          const counts = s.db.prepare('SELECT count(*) AS n, min(at) AS oldest FROM events').get() as Record<string, unknown>;
          return {
            dataDir,
            role: recorder ? (recorder.currentRole === 'off' ? 'unavailable' : recorder.currentRole) : 'off',
            message: recorder?.lastError ?? null,
            ...(recorder?.lastErrorText?.messageKey ? { messageKey: recorder.lastErrorText.messageKey, values: recorder.lastErrorText.values } : {}),
            bytes: usedBytes(s.db),
            events: Number(counts.n),
            oldest: counts.oldest === null ? null : new Date(Number(counts.oldest)).toISOString(),
            bootTime: new Date(bootTime(now)).toISOString(),
            baseline: latestBaseline(s.db)?.info ?? null,
            listeners,
          };
        });
      } catch (err) {
        return { dataDir, role: 'unavailable', message: err instanceof Error ? err.message : String(err), bytes: 0, events: 0, oldest: null, bootTime: new Date(bootTime(now)).toISOString(), baseline: null, listeners };
      }
    },
    'history.query': async (filter) => {
      const result = withStore(dataDir, false, (s) => queryEvents(s.db, filter));
      markStillOpen(result.events, await ctx.snapshot());
      return result;
    },
    'history.timeline': async ({ since, until, by }) => {
      const sinceMs = Date.parse(since);
      const untilMs = until ? Date.parse(until) : Date.now();
      if (!Number.isFinite(sinceMs) || !Number.isFinite(untilMs) || sinceMs >= untilMs) {
        throw new ContractError('bad-request', engineText('engine.history.timelineRange'), { messageKey: 'engine.history.timelineRange' });
      }
      return withStore(dataDir, false, (s) => timeline(s.db, sinceMs, untilMs, by ?? 'port'));
    },
    'history.changes': async ({ since }) => {
      const now = Date.now();
      const snap = await ctx.snapshot();
      const nowListeners = liveListeners(snap);
      const result = withStore(dataDir, false, (s): Changes => {
        let at: number;
        // What `since` was, in words: English for `label`, the key and values for `labelText`.
        let said: { since: 'hour' | 'yesterday' | 'boot' | 'baseline' | 'at'; time: string };
        let then: KnownListener[];
        if (since === 'baseline') {
          const b = latestBaseline(s.db);
          if (!b) throw new ContractError('not-found', engineText('engine.history.noBaseline'), { messageKey: 'engine.history.noBaseline' });
          at = Date.parse(b.info.createdAt);
          said = { since: 'baseline', time: b.info.createdAt };
          then = b.listeners;
        } else {
          if (typeof since === 'object') {
            at = Date.parse(since.at);
            if (!Number.isFinite(at)) {
              throw new ContractError('bad-request', engineText('engine.history.notATime', { time: since.at }), { messageKey: 'engine.history.notATime', values: { time: since.at } });
            }
            said = { since: 'at', time: new Date(at).toISOString() };
          } else {
            at = since === 'hour' ? now - HOUR : since === 'yesterday' ? now - 24 * HOUR : bootTime(now);
            said = { since, time: new Date(at).toISOString() };
          }
          then = listenersAt(s, at);
        }
        const label = engineText('engine.history.since', said);
        const labelText = localizedText('engine.history.since', said);
        const cmp = compareToBaseline({ id: 0, createdAt: new Date(at).toISOString(), label, count: then.length }, then, nowListeners);
        const events = queryEvents(s.db, { since: new Date(at).toISOString(), listenersOnly: true, limit: 5000 }).events;
        return { since: new Date(at).toISOString(), label, labelText, added: cmp.added, gone: cmp.gone, events };
      });
      markStillOpen(result.events, snap);
      return result;
    },
    'history.baselineSave': async ({ label }) => baselineSaveIn(ctx, label),
    'history.baselineCheck': async () => {
      const snap = await ctx.snapshot();
      return withStore(dataDir, true, (s) => {
        const b = latestBaseline(s.db);
        return b ? compareToBaseline(b.info, b.listeners, liveListeners(snap)) : null;
      });
    },
    'history.alerts': async ({ limit }) => {
      try {
        return withStore(dataDir, false, (s) => listAlerts(s.db, limit ?? 100));
      } catch (err) {
        if (err instanceof ContractError && err.code === 'not-found') return [];
        throw err;
      }
    },
    'history.settings': async (patch) => {
      const next: HistorySettings = { ...loadSettings(dataDir), ...patch };
      if (Object.keys(patch).length > 0) {
        saveSettings(dataDir, next);
        ctx.recorder()?.reloadKnown();
      }
      return next;
    },
  };
}
