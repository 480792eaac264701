import type { WorkerJob } from './codes';

/**
 * A worker's share of the hosts × ports grid. Items are numbered port-major (every host gets
 * port 1 before any gets port 2, so no single host is hammered) and dealt round-robin to workers.
 */
export class WorkItems {
  readonly count: number;
  private readonly hostCount: number;

  constructor(private readonly job: WorkerJob) {
    this.hostCount = job.hosts.length;
    const total = job.hosts.length * job.ports.length;
    this.count = Math.max(0, Math.ceil((total - job.workerIndex) / job.workerCount));
  }

  hostOf(local: number): number {
    return (this.job.workerIndex + local * this.job.workerCount) % this.hostCount;
  }

  portOf(local: number): number {
    return this.job.ports[Math.floor((this.job.workerIndex + local * this.job.workerCount) / this.hostCount)]!;
  }
}

/** A FIFO of numbers without Array#shift's O(n) copies. */
export class NumberQueue {
  private items: number[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(n: number): void {
    this.items.push(n);
  }

  shift(): number {
    const n = this.items[this.head++]!;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return n;
  }

  unshift(n: number): void {
    if (this.head > 0) this.items[--this.head] = n;
    else this.items.unshift(n);
  }
}

/** Where a scanner reports each port's final answer. */
export interface ResultSink {
  record(local: number, state: number, reason: number, rttMs: number | null): void;
}
