import type { ProcessInfo, Snapshot, SocketDelta } from '../../../shared/contract/sockets';
import type { SnapshotResult, SocketSnapshotter } from '../sockets/snapshotter';
import { diffRows, indexRows, type IndexedRows } from './diff';

export interface MonitorOptions {
  intervalMs?: number;
  /** Called when a refresh fails; the monitor keeps going. */
  onError?: (err: unknown) => void;
}

type DeltaListener = (delta: SocketDelta) => void;

/**
 * Refreshes the socket table on an interval and tells subscribers what changed. The timer
 * re-arms itself only after a refresh finished, so two refreshes never run at once, however slow
 * the machine.
 */
export class SocketMonitor {
  private intervalMs: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private inFlight: Promise<Snapshot> | null = null;
  private seq = 0;
  /** The last rows by id, built only when a diff needs it (a one-shot CLI snapshot never does). */
  private index: IndexedRows | null = indexRows([]);
  private lastRows: readonly SnapshotResult['rows'][number][] = [];
  private current: Snapshot | null = null;
  private readonly listeners = new Set<DeltaListener>();

  constructor(
    private readonly snapshotter: SocketSnapshotter,
    private readonly options: MonitorOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 1000;
  }

  get interval(): number {
    return this.intervalMs;
  }

  get isRunning(): boolean {
    return this.running;
  }

  setInterval(ms: number): void {
    this.intervalMs = ms;
    if (this.running && this.timer && !this.inFlight) {
      clearTimeout(this.timer);
      this.schedule();
    }
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  subscribe(listener: DeltaListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The latest full picture; takes one now if none was taken yet (or one is under way). */
  async snapshot(): Promise<Snapshot> {
    if (this.current) return this.current;
    return this.refresh();
  }

  /** One refresh now (shares a refresh already under way). */
  refresh(): Promise<Snapshot> {
    if (!this.inFlight) {
      this.inFlight = this.snapshotter
        .take()
        .then((result) => this.apply(result))
        .finally(() => {
          this.inFlight = null;
        });
    }
    return this.inFlight;
  }

  private schedule(delay = this.intervalMs): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      this.refresh()
        .catch((err: unknown) => this.options.onError?.(err))
        .finally(() => {
          if (this.running && !this.timer) this.schedule();
        });
    }, delay);
    // A monitor alone must not keep a CLI process alive.
    this.timer.unref?.();
  }

  private apply(result: SnapshotResult): Snapshot {
    const previousSeq = this.seq;
    const previousProcesses = new Set(this.current?.processes.map((p) => p.pid) ?? []);
    const wantDelta = previousSeq > 0 && this.listeners.size > 0;
    let diff: ReturnType<typeof diffRows> | null = null;
    if (wantDelta) {
      const nextIndex = indexRows(result.rows);
      diff = diffRows(this.index ?? indexRows(this.lastRows), nextIndex);
      this.index = nextIndex;
    } else {
      this.index = null;
    }
    this.lastRows = result.rows;
    this.seq++;
    const processes = [...result.processes.values()];
    this.current = {
      seq: this.seq,
      takenAt: result.takenAt,
      hostname: result.hostname,
      rows: result.rows,
      processes,
      durationMs: result.durationMs,
      warnings: result.warnings,
      warningTexts: result.warningTexts,
      traffic: result.traffic,
    };
    if (diff) {
      const fresh: ProcessInfo[] = processes.filter((p) => !previousProcesses.has(p.pid));
      const delta: SocketDelta = {
        seq: this.seq,
        previousSeq,
        takenAt: result.takenAt,
        added: diff.added,
        removed: diff.removed,
        changed: diff.changed,
        processes: fresh,
        durationMs: result.durationMs,
        total: result.rows.length,
        warnings: result.warnings,
        warningTexts: result.warningTexts,
        traffic: result.traffic,
      };
      for (const listener of this.listeners) {
        try {
          listener(delta);
        } catch (err) {
          this.options.onError?.(err);
        }
      }
    }
    return this.current;
  }
}
