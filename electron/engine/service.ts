import os from 'node:os';
// Runtime imports from zod-free modules only: building the contract's schemas costs a short CLI
// command tens of milliseconds, and the engine itself never validates (its transports do).
import type { CallHandlers, EventName, EventPayload, SignalResult } from '../../shared/contract';
import { CONTRACT_VERSION, contractMajor } from '../../shared/contract/version';
import { ContractError } from '../../shared/contract/errors';
import type { liveCalls } from '../../shared/contract/calls';
import { SocketMonitor } from './monitor/monitor';
import { lazyHandlers } from './lazyHandlers';
import type { scanCalls } from '../../shared/contract/scan';
import type { reportCalls } from '../../shared/contract/report';
import type { historyCalls } from '../../shared/contract/history';
import type { connectionCalls } from '../../shared/contract/connection';
import type { namesCalls } from '../../shared/contract/names';
import type { machinesCalls } from '../../shared/contract/machines';
import type { NameResolverOptions } from './names/resolver';
import { defaultDataDir } from './history/paths';
import type { HistoryRecorder } from './history/recorder';
import { createPlatformAdapter, type PlatformOptions } from './platform';
import type { PlatformAdapter } from './platform/types';
import { SocketSnapshotter } from './sockets/snapshotter';
import { signalProcess } from './process-signal';

const MACHINES_CALLS = ['machines.list', 'machines.add', 'machines.remove', 'machines.select'] as const satisfies readonly (keyof typeof machinesCalls)[];

/**
 * The machine list belongs to the front end's host (browser mode's server, Electron's main), which
 * answers these calls before they reach any engine; an engine (an agent's included) never
 * reaches out to other machines itself.
 */
function notInTheEngine<K extends keyof typeof machinesCalls>(names: readonly K[]): Pick<CallHandlers, K> {
  const out: Partial<Record<K, () => Promise<never>>> = {};
  for (const name of names) {
    out[name] = async () => {
      throw new ContractError('unavailable', `${name}: remote machines are managed by the Portscope app or portscope serve, not by this engine.`);
    };
  }
  return out as unknown as Pick<CallHandlers, K>;
}

export interface EngineOptions extends PlatformOptions {
  adapter?: PlatformAdapter;
  intervalMs?: number;
  transport?: 'electron' | 'browser' | 'cli';
  /** Sends a signal; passed in so tests never kill anything they did not start. */
  kill?: (pid: number, signal: NodeJS.Signals) => void;
  history?: EngineHistoryOptions;
  /** Where names for addresses come from (hosts file, DNS servers); tests point them at their own. */
  names?: NameResolverOptions;
}

/** Where the history lives and whether this engine records into it (serve, agent, the app). */
export interface EngineHistoryOptions {
  /** Default: the user's data folder (see history/paths.ts). */
  dataDir?: string;
  record?: boolean;
  /** Who records, kept per session: 'agent', 'serve', 'app'. */
  recorder?: string;
  /** Also append every change (and alert) to this JSON-lines file. */
  logFile?: string;
}

/** The call names each lazily loaded capability answers; the types below prove none is missing. */
const SCAN_CALLS = ['scan.start', 'scan.cancel', 'scan.result', 'probe.start', 'probe.run', 'probe.cancel', 'diagnose.run'] as const;
const REPORT_CALLS = ['report.export', 'report.import'] as const;
const HISTORY_CALLS = [
  'history.status', 'history.query', 'history.timeline', 'history.changes',
  'history.baselineSave', 'history.baselineCheck', 'history.alerts', 'history.settings',
] as const;
const CONNECTION_CALLS = ['connection.close'] as const;
const NAMES_CALLS = ['names.lookup'] as const;
type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : { missing: Exclude<All, Listed> };
const scanNamesComplete: Exhaustive<keyof typeof scanCalls, (typeof SCAN_CALLS)[number]> = true;
const reportNamesComplete: Exhaustive<keyof typeof reportCalls, (typeof REPORT_CALLS)[number]> = true;
const historyNamesComplete: Exhaustive<keyof typeof historyCalls, (typeof HISTORY_CALLS)[number]> = true;
void scanNamesComplete;
void reportNamesComplete;
void historyNamesComplete;
const connectionNamesComplete: Exhaustive<keyof typeof connectionCalls, (typeof CONNECTION_CALLS)[number]> = true;
void connectionNamesComplete;
const namesNamesComplete: Exhaustive<keyof typeof namesCalls, (typeof NAMES_CALLS)[number]> = true;
void namesNamesComplete;

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

/**
 * The engine behind every front end: one object that answers every contract call and emits
 * every contract event. Transports (Electron IPC, the browser-mode WebSocket, the CLI) bind it.
 */
export class Engine {
  readonly adapter: PlatformAdapter;
  readonly snapshotter: SocketSnapshotter;
  readonly monitor: SocketMonitor;
  readonly handlers: CallHandlers;
  private readonly listeners = new Map<EventName, Set<Listener<EventName>>>();
  private paused = false;
  private recorder: HistoryRecorder | null = null;
  private recorderStart: Promise<HistoryRecorder> | null = null;
  private disposeNames: (() => void) | null = null;
  readonly historyDataDir: string;

  constructor(private readonly options: EngineOptions = {}) {
    this.adapter = options.adapter ?? createPlatformAdapter(options);
    this.snapshotter = new SocketSnapshotter(this.adapter);
    this.monitor = new SocketMonitor(this.snapshotter, {
      intervalMs: options.intervalMs ?? 1000,
      onError: (err) => this.emit('monitor.error', { at: new Date().toISOString(), message: err instanceof Error ? err.message : String(err) }),
    });
    this.monitor.subscribe((delta) => this.emit('sockets.delta', delta));
    this.historyDataDir = options.history?.dataDir ?? defaultDataDir();
    this.handlers = this.createHandlers();
    if (options.history?.record) void this.startRecording();
  }

  /**
   * Records history while this engine lives (loaded on demand: node:sqlite costs a short command
   * nothing until then). Failures are reported as monitor errors; the engine keeps serving.
   */
  startRecording(): Promise<HistoryRecorder> {
    this.recorderStart ??= import('./history/recorder').then(async ({ HistoryRecorder }) => {
      const h = this.options.history ?? {};
      const recorder = new HistoryRecorder(this, {
        dataDir: this.historyDataDir,
        recorder: h.recorder ?? this.options.transport ?? 'cli',
        logFile: h.logFile,
        onAlert: (alert) => this.emit('history.alert', { id: 0, ...alert }),
        onError: (error) => this.emit('monitor.error', { at: new Date().toISOString(), ...error }),
      });
      this.recorder = recorder;
      await recorder.start();
      return recorder;
    });
    return this.recorderStart;
  }

  on<E extends EventName>(name: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener as Listener<EventName>);
    if (name === 'sockets.delta' && !this.paused) this.monitor.start();
    return () => {
      set.delete(listener as Listener<EventName>);
      if (name === 'sockets.delta' && set.size === 0) this.monitor.stop();
    };
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(name) ?? []) listener(payload);
  }

  dispose(): void {
    this.recorder?.stop();
    this.disposeNames?.();
    this.monitor.stop();
    this.listeners.clear();
  }

  /**
   * Handlers for every call. Each capability (sockets here; scan, probe, diagnose, report in their
   * own modules) contributes its part; the type makes sure none is missing.
   */
  private createHandlers(): CallHandlers {
    return {
      ...this.liveHandlers(),
      ...lazyHandlers(SCAN_CALLS, async () => (await import('./scan/handlers')).scanHandlers(this)),
      ...lazyHandlers(REPORT_CALLS, async () => (await import('./report/handlers')).reportHandlers(this.monitor, this.options.transport)),
      ...lazyHandlers(CONNECTION_CALLS, async () => {
        const { closeConnection } = await import('./connections/close');
        return { 'connection.close': (req) => closeConnection({ adapter: this.adapter, refresh: () => this.monitor.refresh() }, req) };
      }),
      ...notInTheEngine(MACHINES_CALLS),
      ...lazyHandlers(NAMES_CALLS, async () => {
        // One resolver per engine, made on first use: its cache outlives calls, its results are an event.
        const names = (await import('./names/handlers')).namesHandlers(this.options.names ?? {}, (list) => this.emit('names.resolved', { names: list }));
        this.disposeNames = names.dispose;
        return names.handlers;
      }),
      ...lazyHandlers(HISTORY_CALLS, async () =>
        (await import('./history/handlers')).historyHandlers({ dataDir: this.historyDataDir, snapshot: () => this.monitor.snapshot(), recorder: () => this.recorder }),
      ),
    };
  }

  private liveHandlers(): Pick<CallHandlers, keyof typeof liveCalls> {
    return {
      'contract.hello': async (req) => {
        if (contractMajor(req.version) !== contractMajor(CONTRACT_VERSION)) {
          throw new ContractError('bad-request', `contract version ${req.version} is not compatible with ${CONTRACT_VERSION}`);
        }
        return {
          version: CONTRACT_VERSION,
          platform: process.platform,
          hostname: os.hostname(),
          transport: this.options.transport ?? 'cli',
          capabilities: this.adapter.capabilities(),
        };
      },
      'sockets.snapshot': async () => this.monitor.snapshot(),
      'process.details': async ({ pid }) => {
        const info = this.snapshotter.processInfo(pid);
        if (!info) return null;
        const snap = await this.monitor.snapshot();
        return { process: info, sockets: snap.rows.filter((r) => r.pids.includes(pid)) };
      },
      'process.signal': async (req) => this.signal(req.pid, req.signal, req.expectedStartTime),
      // Icons come from the desktop (the Electron glue answers this call itself); plain Node has none.
      'process.icon': async () => ({ available: false, dataUrl: null }),
      'monitor.configure': async (req) => {
        if (req.intervalMs !== undefined) this.monitor.setInterval(req.intervalMs);
        if (req.paused !== undefined) {
          this.paused = req.paused;
          if (this.paused) this.monitor.stop();
          else if ((this.listeners.get('sockets.delta')?.size ?? 0) > 0) this.monitor.start();
        }
        return { intervalMs: this.monitor.interval, paused: this.paused };
      },
    };
  }

  private async signal(pid: number, signal: 'SIGTERM' | 'SIGKILL', expectedStartTime: string): Promise<SignalResult> {
    this.snapshotter.forgetProcess(pid);
    return signalProcess(
      {
        readProcess: (p) => this.adapter.readProcess(p),
        isDefunct: this.adapter.isDefunct?.bind(this.adapter),
        // A fresh look, not the last tick's: a process that closed its sockets since is refused.
        snapshot: () => this.monitor.refresh(),
        kill: this.options.kill ?? ((p, s) => process.kill(p, s)),
        selfPid: process.pid,
      },
      pid,
      signal,
      expectedStartTime,
    );
  }
}
