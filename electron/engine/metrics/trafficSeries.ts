import type { TrafficSummary } from '../../../shared/contract/traffic';
import type { Series } from './socketSeries';

/**
 * Per-process traffic as Prometheus series. Labels are pid and process name (the pid tells two
 * instances of one program apart), and bounded: only the busiest `limit` processes get series,
 * so a machine with thousands of short-lived clients cannot mint a series each.
 */
export interface TrafficSeries {
  sendRate: Series[];
  receiveRate: Series[];
  sent: Series[];
  received: Series[];
  /** The machine's totals: direction `out` / `in`. */
  machineRate: Series[];
  machineBytes: Series[];
}

export const TRAFFIC_SERIES_LIMIT = 50;

export function trafficSeries(summary: TrafficSummary | undefined, limit = TRAFFIC_SERIES_LIMIT): TrafficSeries {
  const out: TrafficSeries = { sendRate: [], receiveRate: [], sent: [], received: [], machineRate: [], machineBytes: [] };
  if (!summary) return out;
  // The summary comes busiest first (by rate, then bytes).
  for (const p of summary.processes.slice(0, limit)) {
    const labels = { pid: String(p.pid), process: p.name };
    out.sendRate.push({ labels, value: p.sendRate });
    out.receiveRate.push({ labels, value: p.receiveRate });
    out.sent.push({ labels, value: p.bytesSent });
    out.received.push({ labels, value: p.bytesReceived });
  }
  const m = summary.machine;
  out.machineRate.push({ labels: { direction: 'out' }, value: m.sendRate }, { labels: { direction: 'in' }, value: m.receiveRate });
  out.machineBytes.push({ labels: { direction: 'out' }, value: m.bytesSent }, { labels: { direction: 'in' }, value: m.bytesReceived });
  return out;
}
