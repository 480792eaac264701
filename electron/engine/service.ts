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
import { createPlatformAdapter, type PlatformOptions } from './platform';
import type { PlatformAdapter } from './platform/types';
import { SocketSnapshotter } from './sockets/snapshotter';
import { signalProcess } from './process-signal';

export interface EngineOptions extends PlatformOptions {
  adapter?: PlatformAdapter;
  intervalMs?: number;
  transport?: 'electron' | 'browser' | 'cli';
  /** Sends a signal; passed in so tests never kill anything they did not start. */
  kill?: (pid: number, signal: NodeJS.Signals) => void;
}

/** The call names each lazily loaded capability answers; the types below prove none is missing. */
const SCAN_CALLS = ['scan.start', 'scan.cancel', 'scan.result', 'probe.start', 'probe.run', 'probe.cancel', 'diagnose.run'] as const;
const REPORT_CALLS = ['report.export', 'report.import'] as const;
type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : { missing: Exclude<All, Listed> };
const scanNamesComplete: Exhaustive<keyof typeof scanCalls, (typeof SCAN_CALLS)[number]> = true;
const reportNamesComplete: Exhaustive<keyof typeof reportCalls, (typeof REPORT_CALLS)[number]> = true;
void scanNamesComplete;
void reportNamesComplete;

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

  constructor(private readonly options: EngineOptions = {}) {
    this.adapter = options.adapter ?? createPlatformAdapter(options);
    this.snapshotter = new SocketSnapshotter(this.adapter);
    this.monitor = new SocketMonitor(this.snapshotter, {
      intervalMs: options.intervalMs ?? 1000,
      onError: (err) => this.emit('monitor.error', { at: new Date().toISOString(), message: err instanceof Error ? err.message : String(err) }),
    });
    this.monitor.subscribe((delta) => this.emit('sockets.delta', delta));
    this.handlers = this.createHandlers();
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
    };
  }

  private liveHandlers(): Pick<CallHandlers, keyof typeof liveCalls> {
    return {
      'contract.hello': async (req) => {
        if (contractMajor(req.version) !== contractMajor(CONTRACT_VERSION)) {
          throw new ContractError('bad-request', `contract version ${req.version} is not compatible with ${CONTRACT_VERSION}`);
        }
        return { version: CONTRACT_VERSION, platform: process.platform, hostname: os.hostname(), transport: this.options.transport ?? 'cli' };
      },
      'sockets.snapshot': async () => this.monitor.snapshot(),
      'process.details': async ({ pid }) => {
        const info = this.snapshotter.processInfo(pid);
        if (!info) return null;
        const snap = await this.monitor.snapshot();
        return { process: info, sockets: snap.rows.filter((r) => r.pids.includes(pid)) };
      },
      'process.signal': async (req) => this.signal(req.pid, req.signal, req.expectedStartTime),
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
