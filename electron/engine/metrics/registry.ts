import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Snapshot } from '../../../shared/contract/sockets';
import { socketSeries, type Series, type SocketSeries } from './socketSeries';
import type { ScanSeries } from './scheduledScans';
import { trafficSeries, TRAFFIC_SERIES_LIMIT, type TrafficSeries } from './trafficSeries';

export interface MetricsSource {
  /** The latest socket table (the agent's monitor keeps it fresh). */
  snapshot(): Promise<Snapshot>;
  /** What the scheduled scans found last; empty when none are configured. */
  scans?(): ScanSeries;
}

export interface MetricsOptions {
  /** Per-connection series with remote addresses (unbounded on busy machines; off by default). */
  remoteLabels?: boolean;
  version: string;
  platform: string;
}

/**
 * Portscope's view as Prometheus metrics, through the standard Node client (prom-client): the
 * socket table is turned into series once per refresh and read on every scrape, so a scrape
 * costs a walk of the latest table, never an extra refresh of the OS tables.
 */
export class PortscopeMetrics {
  readonly registry = new Registry();
  readonly refreshDuration: Histogram;
  readonly refreshErrors: Counter;
  private cached: { seq: number; series: SocketSeries; traffic: TrafficSeries; takenAt: string } | null = null;

  constructor(
    private readonly source: MetricsSource,
    private readonly options: MetricsOptions,
  ) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    // prom-client names three gauges with a counter's `_total` suffix; `promtool check metrics`
    // (and Prometheus' naming rules) reject that, and the agent's health does not need them.
    for (const name of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total']) {
      this.registry.removeSingleMetric(name);
    }
    // prom-client calls `collect` with the gauge as `this`; the snapshot's series come from here.
    const series = () => this.series();
    const stamp = () => this.cached?.takenAt;
    const fromTable = (pick: (s: SocketSeries) => Series[]) =>
      async function (this: Gauge) {
        fill(this, pick(await series()));
      };
    new Gauge({
      name: 'portscope_listening_sockets',
      help: 'Listening TCP and bound UDP sockets on this machine, by address, port and owner (several processes can share one).',
      labelNames: ['protocol', 'family', 'address', 'port', 'process', 'user', 'exposure', 'service'],
      registers,
      collect: fromTable((s) => s.listeners),
    });
    new Gauge({
      name: 'portscope_listening_socket_risks',
      help: 'Risk notes on listening sockets (e.g. a database or remote administration reachable beyond loopback).',
      labelNames: ['protocol', 'family', 'address', 'port', 'process', 'exposure', 'risk', 'severity'],
      registers,
      collect: fromTable((s) => s.risks),
    });
    new Gauge({
      name: 'portscope_connections',
      help: 'Sockets that are not listening (connections, TIME_WAIT, connected UDP), by protocol, state and owning process.',
      labelNames: ['protocol', 'state', 'process'],
      registers,
      collect: fromTable((s) => s.connections),
    });
    new Gauge({
      name: 'portscope_sockets',
      help: 'Every socket on this machine by protocol and state, as node_exporter tcpstat counts them.',
      labelNames: ['protocol', 'state'],
      registers,
      collect: fromTable((s) => s.states),
    });
    new Gauge({
      name: 'portscope_sockets_without_owner',
      help: 'Sockets whose owning process cannot be seen, by reason (permission-denied: run the agent as root).',
      labelNames: ['protocol', 'reason'],
      registers,
      collect: fromTable((s) => s.unowned),
    });
    if (options.remoteLabels) {
      new Gauge({
        name: 'portscope_connection_endpoints',
        help: 'Connections by both endpoints (enabled with --metrics-remote-labels; one series per connection).',
        labelNames: ['protocol', 'state', 'local_address', 'local_port', 'remote_address', 'remote_port', 'process'],
        registers,
        collect: fromTable((s) => s.perConnection),
      });
    }
    new Gauge({
      name: 'portscope_last_refresh_timestamp_seconds',
      help: 'When the socket table behind these metrics was read (Unix time).',
      registers,
      async collect() {
        await series();
        const at = stamp();
        this.set(at ? Date.parse(at) / 1000 : 0);
      },
    });
    new Gauge({
      name: 'portscope_agent_info',
      help: 'The Portscope agent answering this scrape (always 1).',
      labelNames: ['version', 'platform'],
      registers,
      collect() {
        this.reset();
        this.set({ version: options.version, platform: options.platform }, 1);
      },
    });
    this.refreshDuration = new Histogram({
      name: 'portscope_refresh_duration_seconds',
      help: 'Time to read the OS socket tables and owners, per refresh.',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.refreshErrors = new Counter({
      name: 'portscope_refresh_errors_total',
      help: 'Refreshes of the socket table that failed.',
      registers,
    });
    this.addScanMetrics();
    this.addTrafficMetrics();
  }

  private addTrafficMetrics(): void {
    const registers = [this.registry];
    const traffic = async () => {
      await this.series();
      return this.cached!.traffic;
    };
    const gauge = (name: string, help: string, labelNames: string[], pick: (t: TrafficSeries) => Series[]) =>
      new Gauge({
        name,
        help,
        labelNames,
        registers,
        async collect() {
          fill(this, pick(await traffic()));
        },
      });
    const who = ['pid', 'process'];
    const busiest = `the ${TRAFFIC_SERIES_LIMIT} busiest processes`;
    gauge('portscope_process_send_bytes_per_second', `TCP payload sent per second between the last two refreshes, for ${busiest} (Linux tcp_info).`, who, (t) => t.sendRate);
    gauge('portscope_process_receive_bytes_per_second', `TCP payload received per second between the last two refreshes, for ${busiest}.`, who, (t) => t.receiveRate);
    gauge('portscope_process_sent_bytes', `TCP payload sent over the process's connections alive now, for ${busiest} (falls when a connection closes).`, who, (t) => t.sent);
    gauge('portscope_process_received_bytes', `TCP payload received over the process's connections alive now, for ${busiest}.`, who, (t) => t.received);
    gauge('portscope_machine_bytes_per_second', 'TCP payload per second over every counted connection of this machine, by direction (in, out).', ['direction'], (t) => t.machineRate);
    gauge('portscope_machine_connection_bytes', 'TCP payload over the connections alive now, by direction (in, out).', ['direction'], (t) => t.machineBytes);
  }

  private addScanMetrics(): void {
    const registers = [this.registry];
    const scans = () => this.source.scans?.() ?? { ports: [], open: [], completed: [], durations: [], errors: [] };
    new Gauge({
      name: 'portscope_scan_ports',
      help: 'Ports of the last completed scheduled scan, by scan, host and state (open, closed, filtered, open|filtered).',
      labelNames: ['scan', 'host', 'protocol', 'state'],
      registers,
      collect() {
        fill(this, scans().ports);
      },
    });
    new Gauge({
      name: 'portscope_scan_open_port',
      help: 'Open ports found by the last completed scheduled scan (1 per open port): the outside-in view.',
      labelNames: ['scan', 'host', 'protocol', 'port', 'service'],
      registers,
      collect() {
        fill(this, scans().open);
      },
    });
    new Gauge({
      name: 'portscope_scan_last_completed_timestamp_seconds',
      help: 'When each scheduled scan last completed (Unix time).',
      labelNames: ['scan'],
      registers,
      collect() {
        fill(this, scans().completed);
      },
    });
    new Gauge({
      name: 'portscope_scan_duration_seconds',
      help: 'How long the last run of each scheduled scan took.',
      labelNames: ['scan'],
      registers,
      collect() {
        fill(this, scans().durations);
      },
    });
    new Counter({
      name: 'portscope_scan_failures_total',
      help: 'Scheduled scan runs that failed since the agent started, by scan.',
      labelNames: ['scan'],
      registers,
      collect() {
        this.reset();
        for (const s of scans().errors) this.inc(s.labels, s.value);
      },
    });
  }

  /** The series of the latest snapshot, computed once per refresh however often Prometheus scrapes. */
  async series(): Promise<SocketSeries> {
    const snap = await this.source.snapshot();
    if (!this.cached || this.cached.seq !== snap.seq || snap.seq === 0) {
      this.cached = { seq: snap.seq, series: socketSeries(snap, { remoteLabels: this.options.remoteLabels }), traffic: trafficSeries(snap.traffic), takenAt: snap.takenAt };
    }
    return this.cached.series;
  }

  /** Records one refresh of the monitor (its duration) for the health histogram. */
  observeRefresh(durationMs: number): void {
    this.refreshDuration.observe(durationMs / 1000);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

function fill(gauge: Gauge, series: readonly Series[]): void {
  gauge.reset();
  for (const s of series) gauge.set(s.labels, s.value);
}
