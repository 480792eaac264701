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

/**
 * Counts one socket into its series. The key is the label values joined (label names are fixed
 * per family), and the labels object is built only for a series not seen yet: at 10,000
 * connections that is a few dozen objects, not 10,000.
 */
function add(into: Map<string, Series>, key: string, labels: () => Record<string, string>): void {
  const hit = into.get(key);
  if (hit) hit.value++;
  else into.set(key, { labels: labels(), value: 1 });
}

const SEP = '\u0001';

export function socketSeries(snapshot: Pick<Snapshot, 'rows'>, options: { remoteLabels?: boolean } = {}): SocketSeries {
  const listeners = new Map<string, Series>();
  const risks = new Map<string, Series>();
  const connections = new Map<string, Series>();
  const states = new Map<string, Series>();
  const unowned = new Map<string, Series>();
  const perConnection = new Map<string, Series>();
  for (const row of snapshot.rows) {
    const process = ownerLabel(row);
    const { protocol, state } = row;
    add(states, protocol + SEP + state, () => ({ protocol, state }));
    if (row.ownerStatus !== 'known' && row.ownerStatus !== 'time-wait') {
      const reason = row.ownerStatus;
      add(unowned, protocol + SEP + reason, () => ({ protocol, reason }));
    }
    if (LISTEN_STATES.has(state) && row.remotePort === 0) {
      const base = () => ({ protocol, family: `ipv${row.family}`, address: row.localAddress, port: String(row.localPort), process });
      const key = protocol + SEP + row.family + SEP + row.localAddress + SEP + row.localPort + SEP + process;
      add(listeners, key + SEP + (row.user ?? '') + SEP + row.exposure + SEP + (row.service ?? ''), () => ({
        ...base(),
        user: row.user ?? '',
        exposure: row.exposure,
        service: row.service ?? '',
      }));
      for (const risk of row.risks) {
        add(risks, key + SEP + row.exposure + SEP + risk.code + SEP + risk.severity, () => ({ ...base(), exposure: row.exposure, risk: risk.code, severity: risk.severity }));
      }
      continue;
    }
    add(connections, protocol + SEP + state + SEP + process, () => ({ protocol, state, process }));
    if (options.remoteLabels) {
      add(perConnection, `${protocol}${SEP}${state}${SEP}${row.localAddress}${SEP}${row.localPort}${SEP}${row.remoteAddress}${SEP}${row.remotePort}${SEP}${process}`, () => ({
        protocol,
        state,
        local_address: row.localAddress,
        local_port: String(row.localPort),
        remote_address: row.remoteAddress,
        remote_port: String(row.remotePort),
        process,
      }));
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
