import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { ContractError } from '../../../shared/contract/errors';
import {
  LARGE_SCAN_HOSTS,
  LARGE_SCAN_PROBES,
  type ScanOptions,
  type ScanFound,
  type ScanProgress,
  type ScanResult,
  type ScanStartResponse,
} from '../../../shared/contract/scan';
import { addressString } from './address';
import type { HostSet } from './hostSet';
import { largeScanText } from './estimate';
import { type WorkerEntry } from './pool';
import { parsePortSpec } from './ports';
import { runNeedsAuthorization, unauthorizedText } from './safety';
import { ScanRun } from './scanRun';
import { parseTargets, resolveTargets, type Resolver } from './targets';

const KEEP_RESULTS = 20;
/** The hosts a `scan.start` answer names; the count says how many there are in all. */
const START_HOSTS_SHOWN = 100;

export interface ScanEvents {
  progress(p: ScanProgress): void;
  found(f: ScanFound): void;
  done(scanId: string, result: ScanResult | null, error: string | null): void;
}

export interface ScannerOptions {
  resolver?: Resolver;
  workerEntry?: WorkerEntry;
}

export interface ScanPlan {
  ports: number[];
  hosts: HostSet;
  warnings: string[];
  total: number;
}

/**
 * Validates, resolves and checks a request; everything a scan needs before the first probe.
 * Nothing here grows with the number of hosts: a /8 is one address run, checked as one.
 */
export async function planScan(options: ScanOptions, resolver?: Resolver): Promise<ScanPlan> {
  const ports = parsePortSpec(options.ports, options.protocol);
  const parsed = parseTargets(options.targets);
  const warnings: string[] = [];
  const hosts = await resolveTargets(parsed, options.resolveAll, warnings, resolver);
  const outside = hosts.runs.filter((r) => runNeedsAuthorization(r.family, r.start, r.count));
  if (outside.length > 0 && !options.authorized) {
    const { message, ...text } = unauthorizedText(outside.map((r) => (r.count === 1 ? addressString(r.family, r.start) : r.spec)));
    throw new ContractError('denied', message, text);
  }
  const total = hosts.count * ports.length;
  if ((hosts.count > LARGE_SCAN_HOSTS || total > LARGE_SCAN_PROBES) && !options.force) {
    const { message, ...text } = largeScanText(options, hosts, ports.length);
    throw new ContractError('denied', message, text);
  }
  return { ports, hosts, warnings, total };
}

/** Runs scans in worker threads and keeps the last few results. */
export class Scanner {
  private readonly running = new Map<string, ScanRun>();
  private readonly finished = new Map<string, ScanResult>();

  constructor(
    private readonly events: ScanEvents,
    private readonly options: ScannerOptions = {},
  ) {}

  async start(options: ScanOptions): Promise<ScanStartResponse> {
    const plan = await planScan(options, this.options.resolver);
    const scanId = randomUUID();
    const total = plan.total;
    const workers = chooseWorkers(options, total);
    const run = new ScanRun(scanId, options, plan.hosts, plan.ports, workers, plan.warnings, this.events, this.options.workerEntry);
    this.running.set(scanId, run);
    run.start((result) => {
      this.running.delete(scanId);
      if (result) {
        this.finished.set(scanId, result);
        if (this.finished.size > KEEP_RESULTS) this.finished.delete(this.finished.keys().next().value!);
      }
    });
    return {
      scanId,
      total,
      hosts: plan.hosts.slice(0, START_HOSTS_SHOWN),
      hostCount: plan.hosts.count,
      portCount: plan.ports.length,
      workers,
      warnings: plan.warnings,
    };
  }

  cancel(scanId: string): boolean {
    const run = this.running.get(scanId);
    if (!run) return false;
    run.cancel();
    return true;
  }

  result(scanId: string): ScanResult | null {
    return this.finished.get(scanId) ?? null;
  }

  cancelAll(): void {
    for (const run of this.running.values()) run.cancel();
  }
}

/**
 * Threads: one per core (at most four), fewer for small scans where starting a thread costs
 * more than it saves. UDP is paced, not CPU-bound: one thread.
 */
function chooseWorkers(options: ScanOptions, total: number): number {
  if (options.workers) return options.workers;
  if (options.protocol === 'udp') return 1;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(4, cores, Math.ceil(total / 8192)));
}

