import type { ReportSummary } from '../../../shared/contract/report';
import type { SocketRow, SocketState } from '../../../shared/contract/sockets';

/** Listening TCP and bound (unconnected) UDP sockets: what `portscope list` shows by default. */
export function isListener(row: SocketRow): boolean {
  return row.state === 'LISTEN' || (row.protocol === 'udp' && row.state === 'UNCONN');
}

/**
 * The counts at the top of every report, from the whole socket table (not only the rows a report
 * includes), so a listeners-only report still says how many connections there were.
 */
export function summarize(rows: readonly SocketRow[]): ReportSummary {
  const states: Partial<Record<SocketState, number>> = {};
  const summary: ReportSummary = {
    sockets: rows.length,
    listeners: { total: 0, tcp: 0, udp: 0 },
    connections: { total: 0, established: 0, timeWait: 0, other: 0 },
    exposure: { loopback: 0, all: 0, specific: 0 },
    states,
    processes: 0,
    unowned: 0,
    risks: { danger: 0, warning: 0, info: 0 },
  };
  const pids = new Set<number>();
  for (const row of rows) {
    states[row.state] = (states[row.state] ?? 0) + 1;
    for (const pid of row.pids) pids.add(pid);
    if (row.pid === null) summary.unowned++;
    if (isListener(row)) {
      summary.listeners.total++;
      summary.listeners[row.protocol]++;
      summary.exposure[row.exposure]++;
      for (const risk of row.risks) summary.risks[risk.severity]++;
    } else {
      summary.connections.total++;
      if (row.state === 'ESTABLISHED') summary.connections.established++;
      else if (row.state === 'TIME_WAIT') summary.connections.timeWait++;
      else summary.connections.other++;
    }
  }
  summary.processes = pids.size;
  return summary;
}
