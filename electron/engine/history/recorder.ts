import { existsSync } from 'node:fs';
import type { Alert, HistorySettings } from '../../../shared/contract/history';
import type { Snapshot, SocketDelta } from '../../../shared/contract/sockets';
import { insertAlerts } from './alertLog';
import { alertFor, knownSetOf, withoutOwnerStatus, type AlertDraft, type KnownSet } from './alerts';
import { latestBaseline, listenerIdentity } from './baseline';
import { ChangeLog } from './changeLog';
import type { HistoryEventRecord, TrackedSocket } from './events';
import { applyRetention } from './retention';
import { dbPath } from './paths';
import { loadSettings } from './settings';
import { HistoryStore } from './store';
import { SocketTracker } from './tracker';
import { insertTrafficMinutes, TrafficMinutes, type TrafficMinute } from './trafficLog';
import { localizedMessage, type EngineMessage } from '../localizedText';

/** The stages of recording that can fail, as the catalog's select names them (engine.history.failed). */
type FailedStage = 'open' | 'close' | 'baseline' | 'lease' | 'tick' | 'log' | 'traffic' | 'heartbeat' | 'retention';

/** The slice of the engine a recorder needs (tests pass the real engine). */
export interface RecordedEngine {
  on(name: 'sockets.delta', listener: (delta: SocketDelta) => void): () => void;
  monitor: { snapshot(): Promise<Snapshot> };
}

export interface RecorderOptions {
  dataDir: string;
  /** Who records, kept per session: 'agent', 'serve', 'app'. */
  recorder: string;
  /** Also append every change to this JSON-lines file. */
  logFile?: string;
  /** Record into the database (false: only the change log and alerts, e.g. `watch`). */
  database?: boolean;
  onAlert?: (alert: Alert | Omit<Alert, 'id'>) => void;
  /** A recording failure: English `message`, and its key and values. */
  onError?: (error: EngineMessage) => void;
  heartbeatMs?: number;
  retentionEveryMs?: number;
}

/** A listener closed after being open this long counts as "known" for service-down alerts without a baseline. */
const KNOWN_AFTER_MS = 60_000;

/**
 * Records the monitor's changes: each tick's events in one transaction while this process holds
 * the writer lease; without it (another Portscope records into the same folder) it keeps trying
 * to take over, and meanwhile still raises alerts and writes the change log from its own view.
 */
export class HistoryRecorder {
  readonly tracker = new SocketTracker();
  private store: HistoryStore | null = null;
  private role: 'writer' | 'reader' | 'off' = 'off';
  private unsubscribe: (() => void) | null = null;
  private timers: Array<ReturnType<typeof setInterval>> = [];
  private settings: HistorySettings;
  private known: KnownSet = null;
  private readonly log: ChangeLog | null;
  private started = false;
  private resyncing: Promise<void> | null = null;
  private openedAt = new Map<string, number>();
  private readonly traffic = new TrafficMinutes();
  lastError: string | null = null;
  /** `lastError` with its catalog key, for front ends that translate it. */
  lastErrorText: EngineMessage | null = null;

  constructor(
    private readonly engine: RecordedEngine,
    private readonly options: RecorderOptions,
  ) {
    this.settings = loadSettings(options.dataDir);
    this.log = options.logFile ? new ChangeLog(options.logFile) : null;
  }

  get currentRole(): 'writer' | 'reader' | 'off' {
    return this.role;
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    if (this.options.database !== false) {
      try {
        this.store = HistoryStore.open(this.options.dataDir, { create: true });
      } catch (err) {
        this.fail('open', err);
      }
    }
    this.reloadKnown();
    // Subscribing starts the monitor; the first full picture comes from its first refresh.
    this.unsubscribe = this.engine.on('sockets.delta', (delta) => this.onDelta(delta));
    await this.begin();
    const beat = setInterval(() => this.beat(), this.options.heartbeatMs ?? 5_000);
    const retention = setInterval(() => this.retain(), this.options.retentionEveryMs ?? 3_600_000);
    beat.unref?.();
    retention.unref?.();
    this.timers.push(beat, retention);
  }

  /** Stops recording and gives up the lease, so the next Portscope takes over at once. */
  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.writeTraffic(this.traffic.flush());
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    if (this.store) {
      try {
        this.store.close();
      } catch (err) {
        this.fail('close', err);
      }
    }
    this.store = null;
    this.role = 'off';
  }

  /** After a baseline is saved or settings change. */
  reloadKnown(): void {
    this.settings = loadSettings(this.options.dataDir);
    try {
      if (this.store) this.known = knownSetOf(latestBaseline(this.store.db)?.listeners ?? null);
      else if (existsSync(dbPath(this.options.dataDir))) {
        // Not recording (watch): still honour the baseline the user saved.
        const reader = HistoryStore.open(this.options.dataDir, { create: false });
        try {
          this.known = knownSetOf(latestBaseline(reader.db)?.listeners ?? null);
        } finally {
          reader.close();
        }
      }
    } catch (err) {
      this.fail('baseline', err);
    }
  }

  private async begin(): Promise<void> {
    const snapshot = await this.engine.monitor.snapshot();
    const now = Date.now();
    let known: ReadonlyMap<string, TrackedSocket> = new Map();
    if (this.store && this.tryWriter(now)) known = this.store.loadOpen();
    const events = this.tracker.reset(snapshot, known, now, 'start');
    this.record(events, now, true);
    if (this.role === 'writer') this.retain();
  }

  private tryWriter(now: number): boolean {
    if (!this.store) return false;
    try {
      this.role = this.store.tryAcquireWriter(this.options.recorder, now) ? 'writer' : 'reader';
    } catch (err) {
      this.fail('lease', err);
      this.role = 'reader';
    }
    return this.role === 'writer';
  }

  private onDelta(delta: SocketDelta): void {
    this.writeTraffic(this.traffic.add(delta.traffic, Date.parse(delta.takenAt)));
    if (this.resyncing) return;
    const events = this.tracker.apply(delta);
    if (events === null) {
      this.resyncing = this.engine.monitor
        .snapshot()
        .then((snap) => this.record(this.tracker.reset(snap, new Map([...this.tracker.sockets()].map((s) => [s.key, s])), Date.parse(snap.takenAt), 'resync'), Date.parse(snap.takenAt), false))
        .finally(() => {
          this.resyncing = null;
        });
      return;
    }
    this.record(events, Date.parse(delta.takenAt), false);
  }

  private record(events: readonly HistoryEventRecord[], at: number, initial: boolean): void {
    for (const e of events) {
      if (!e.socket.listener) continue;
      if (e.kind === 'opened') this.openedAt.set(e.socket.key, e.note === 'present-at-start' ? 0 : e.at);
    }
    // Sockets already open when recording began are not news, unless the previous session's
    // state says they opened while nothing recorded.
    const alerts: AlertDraft[] = [];
    const openedUnseen = initial && this.role === 'writer' && this.hadPreviousSession;
    const knownForDown = (s: TrackedSocket) => this.known?.has(listenerIdentity({ ...s, processName: s.owner.name ?? '' })) ?? at - (this.openedAt.get(s.key) ?? at) >= KNOWN_AFTER_MS;
    for (const e of events) {
      if (e.note === 'present-at-start' && !openedUnseen) continue;
      const a = alertFor(e, this.known, this.settings, knownForDown);
      if (a) alerts.push(a);
      if (e.kind === 'closed') this.openedAt.delete(e.socket.key);
    }
    let stored: Array<Alert | Omit<Alert, 'id'>> = alerts.map(withoutOwnerStatus);
    if (this.role === 'writer' && this.store) {
      try {
        this.store.writeTick(events, at);
        if (alerts.length) stored = this.store.transaction(() => insertAlerts(this.store!.db, alerts));
      } catch (err) {
        this.fail('tick', err);
        // Someone else may hold the lease now (we were stalled past its staleness).
        this.role = 'reader';
      }
    }
    try {
      this.log?.write(events, alerts);
    } catch (err) {
      this.fail('log', err);
    }
    for (const a of stored) this.options.onAlert?.(a);
  }

  /** A finished minute of per-process traffic, written by the writer only. */
  private writeTraffic(rows: readonly TrafficMinute[]): void {
    if (rows.length === 0 || this.role !== 'writer' || !this.store) return;
    try {
      this.store.transaction(() => insertTrafficMinutes(this.store!.db, rows));
    } catch (err) {
      this.fail('traffic', err);
    }
  }

  private get hadPreviousSession(): boolean {
    if (!this.store) return false;
    const r = this.store.db.prepare('SELECT count(*) AS n FROM sessions WHERE id < ?').get(this.store.sessionId) as Record<string, unknown>;
    return Number(r.n) > 0;
  }

  private beat(): void {
    if (!this.store) return;
    try {
      if (this.role === 'writer') {
        if (!this.store.heartbeat()) this.role = 'reader';
      } else if (this.tryWriter(Date.now())) {
        // Took over from a writer that stopped: continue from what it left open.
        const known = this.store.loadOpen();
        const now = Date.now();
        const open = new Map([...this.tracker.sockets()].map((s) => [s.key, s]));
        const events: HistoryEventRecord[] = [];
        for (const [key, s] of open) if (!known.has(key)) events.push({ at: now, kind: 'opened', socket: s, previous: null, note: 'present-at-start' });
        for (const [key, s] of known) if (!open.has(key)) events.push({ at: now, kind: 'closed', socket: s, previous: null, note: 'while-not-recording' });
        this.store.writeTick(events, now);
      }
    } catch (err) {
      this.fail('heartbeat', err);
    }
  }

  private retain(): void {
    if (!this.store || this.role !== 'writer') return;
    try {
      applyRetention(this.store.db, this.settings);
    } catch (err) {
      this.fail('retention', err);
    }
  }

  /** What failed (a stage of recording) and the error's own text (data), worded by the engine catalog. */
  private fail(stage: FailedStage, err: unknown): void {
    const text = localizedMessage('engine.history.failed', { stage, error: message(err) });
    this.lastError = text.message;
    this.lastErrorText = text;
    this.options.onError?.(text);
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
