import type { Snapshot, SocketRow } from '../../../shared/contract/sockets';

/**
 * The socket table as Prometheus series: pure, so the label rules are tested without a server.
 *
 * Label sets stay bounded on purpose: listeners are few and stable, so each gets its own series;
 * connections are counted by protocol, state and process, never by remote address (a busy
 * server would otherwise mint a new series per client). `remoteLabels` turns per-connection
 * series on for people who accept that cost (node_exporter leaves it out for the same reason).
 * No pid label either: pids change on every restart, and each restart would start new series.
 */
export interface Series {
  labels: Record<string, string>;
  value: number;
}

export interface SocketSeries {
  listeners: Series[];
  risks: Series[];
  connections: Series[];
  states: Series[];
  unowned: Series[];
  perConnection: Series[];
}

const LISTEN_STATES = new Set(['LISTEN', 'UNCONN']);

/** The name a series carries for the owner: the process name, or why there is none. */
export function ownerLabel(row: SocketRow): string {
  if (row.processName) return row.processName;
  return row.ownerStatus === 'known' ? 'unknown' : `(${row.ownerStatus})`;
}

function add(into: Map<string, Series>, labels: Record<string, string>): void {
  const key = JSON.stringify(labels);
  const hit = into.get(key);
  if (hit) hit.value++;
  else into.set(key, { labels, value: 1 });
}

export function socketSeries(snapshot: Pick<Snapshot, 'rows'>, options: { remoteLabels?: boolean } = {}): SocketSeries {
  const listeners = new Map<string, Series>();
  const risks = new Map<string, Series>();
  const connections = new Map<string, Series>();
  const states = new Map<string, Series>();
  const unowned = new Map<string, Series>();
  const perConnection = new Map<string, Series>();
  for (const row of snapshot.rows) {
    const process = ownerLabel(row);
    add(states, { protocol: row.protocol, state: row.state });
    if (row.ownerStatus !== 'known' && row.ownerStatus !== 'time-wait') add(unowned, { protocol: row.protocol, reason: row.ownerStatus });
    if (LISTEN_STATES.has(row.state) && row.remotePort === 0) {
      const base = {
        protocol: row.protocol,
        family: `ipv${row.family}`,
        address: row.localAddress,
        port: String(row.localPort),
        process,
      };
      add(listeners, { ...base, user: row.user ?? '', exposure: row.exposure, service: row.service ?? '' });
      for (const risk of row.risks) add(risks, { ...base, exposure: row.exposure, risk: risk.code, severity: risk.severity });
      continue;
    }
    add(connections, { protocol: row.protocol, state: row.state, process });
    if (options.remoteLabels) {
      add(perConnection, {
        protocol: row.protocol,
        state: row.state,
        local_address: row.localAddress,
        local_port: String(row.localPort),
        remote_address: row.remoteAddress,
        remote_port: String(row.remotePort),
        process,
      });
    }
  }
  return {
    listeners: [...listeners.values()],
    risks: [...risks.values()],
    connections: [...connections.values()],
    states: [...states.values()],
    unowned: [...unowned.values()],
    perConnection: [...perConnection.values()],
  };
}
