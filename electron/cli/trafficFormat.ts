import type { SocketRow } from '../../shared/contract/sockets';
import type { TrafficSummary } from '../../shared/contract/traffic';
import { renderTable, type Column } from './table';

/** Every user-visible string of the traffic output, in one place (for the translations). */
export const trafficMessages = {
  heading: 'Traffic by process (TCP payload over the sockets shown, while they live)',
  machine: (sent: string, received: string, rates: string) => `This machine: ${sent} sent, ${received} received${rates}`,
  rates: (send: string, receive: string) => `, now ${send} out, ${receive} in`,
  none: 'No socket with byte counters.',
  more: (n: number) => `… and ${n} more process(es)`,
  columns: { process: 'PID/Process', connections: 'Conns', sent: 'Sent', received: 'Received', sendRate: 'Out/s', receiveRate: 'In/s', rtt: 'RTT' },
  noValue: '—',
};

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** 1536 -> "1.5 KiB": three significant digits, binary units (as `ss` and `ip -s` count). */
export function formatBytes(n: number): string {
  let v = n;
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${Math.round(v)} B` : `${v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0)} ${UNITS[u]}`;
}

export function formatRate(n: number | null): string {
  return n === null ? trafficMessages.noValue : `${formatBytes(n)}/s`;
}

function bytesCell(n: number | null): string {
  return n === null ? trafficMessages.noValue : formatBytes(n);
}

/** Sent, Received, rates and RTT as extra socket-table columns (watch --sort rate). */
export const trafficColumns: { columns: Column[]; cells: (r: SocketRow) => string[] } = {
  columns: [
    { header: trafficMessages.columns.sent, align: 'right' },
    { header: trafficMessages.columns.received, align: 'right' },
    { header: trafficMessages.columns.sendRate, align: 'right' },
    { header: trafficMessages.columns.receiveRate, align: 'right' },
    { header: trafficMessages.columns.rtt, align: 'right' },
  ],
  cells: (r) => [
    bytesCell(r.bytesSent),
    bytesCell(r.bytesReceived),
    formatRate(r.sendRate),
    formatRate(r.receiveRate),
    r.rttMs === null ? trafficMessages.noValue : `${r.rttMs < 10 ? r.rttMs.toFixed(2) : r.rttMs.toFixed(0)} ms`,
  ],
};

export type TrafficSort = 'port' | 'rate' | 'sent' | 'received';
export const TRAFFIC_SORTS: readonly TrafficSort[] = ['port', 'rate', 'sent', 'received'];

/** Busiest first; rows without counters after all counted ones, in the order they came. */
export function sortByTraffic(rows: SocketRow[], by: Exclude<TrafficSort, 'port'>): SocketRow[] {
  const value = (r: SocketRow): number =>
    by === 'rate' ? (r.sendRate ?? -1) + (r.receiveRate ?? -1) : by === 'sent' ? (r.bytesSent ?? -1) : (r.bytesReceived ?? -1);
  return rows
    .map((r, i) => ({ r, i, v: value(r) }))
    .sort((a, b) => b.v - a.v || a.i - b.i)
    .map((x) => x.r);
}

/** The machine line and the per-process table, busiest first, at most `limit` processes. */
export function trafficTotals(summary: TrafficSummary, withRates: boolean, limit = 20): string {
  const m = summary.machine;
  const c = trafficMessages.columns;
  const lines = [trafficMessages.heading];
  if (summary.processes.length === 0 && m.bytesSent === 0 && m.bytesReceived === 0) return `${lines[0]}\n${trafficMessages.none}`;
  lines.push(
    trafficMessages.machine(formatBytes(m.bytesSent), formatBytes(m.bytesReceived), withRates ? trafficMessages.rates(formatRate(m.sendRate), formatRate(m.receiveRate)) : ''),
  );
  const shown = summary.processes.slice(0, limit);
  const columns: Column[] = [
    { header: c.process, max: 32 },
    { header: c.connections, align: 'right' },
    { header: c.sent, align: 'right' },
    { header: c.received, align: 'right' },
    ...(withRates ? [{ header: c.sendRate, align: 'right' as const }, { header: c.receiveRate, align: 'right' as const }] : []),
  ];
  const cells = shown.map((p) => [
    `${p.pid}/${p.name}`,
    String(p.connections),
    formatBytes(p.bytesSent),
    formatBytes(p.bytesReceived),
    ...(withRates ? [formatRate(p.sendRate), formatRate(p.receiveRate)] : []),
  ]);
  lines.push('', renderTable(columns, cells));
  if (summary.processes.length > shown.length) lines.push(trafficMessages.more(summary.processes.length - shown.length));
  return lines.join('\n');
}
