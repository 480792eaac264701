import type { SocketRow } from '../../shared/contract/sockets';
import type { TrafficSummary } from '../../shared/contract/traffic';
import { renderTable, type Column } from './table';
import { fmt, t } from './i18n';

/** The traffic output's words, from the CLI catalog (read when used: the language is set at start). */
export const trafficMessages = {
  heading: () => t('cli.traffic.heading'),
  machine: (sent: string, received: string) => t('cli.traffic.machine', { sent, received }),
  machineRates: (sent: string, received: string, send: string, receive: string) => t('cli.traffic.machineRates', { sent, received, send, receive }),
  none: () => t('cli.traffic.none'),
  more: (n: number) => t('cli.traffic.more', { count: n }),
  columns: {
    process: () => t('socket.column.process'),
    connections: () => t('cli.traffic.column.connections'),
    sent: () => t('cli.traffic.column.sent'),
    received: () => t('cli.traffic.column.received'),
    sendRate: () => t('cli.traffic.column.sendRate'),
    receiveRate: () => t('cli.traffic.column.receiveRate'),
    rtt: () => 'RTT',
  },
  noValue: '—',
};

/** 1536 -> "1.50 KiB" ("1,50 KiB" in German): three significant digits, binary units (as `ss` and `ip -s` count). */
export function formatBytes(n: number): string {
  return fmt().bytes(n);
}

export function formatRate(n: number | null): string {
  return n === null ? trafficMessages.noValue : `${formatBytes(n)}/s`;
}

function bytesCell(n: number | null): string {
  return n === null ? trafficMessages.noValue : formatBytes(n);
}

/** Sent, Received, rates and RTT as extra socket-table columns (watch --sort rate). */
export const trafficColumns: { readonly columns: Column[]; cells: (r: SocketRow) => string[] } = {
  get columns(): Column[] {
    const c = trafficMessages.columns;
    return [
      { header: c.sent(), align: 'right' },
      { header: c.received(), align: 'right' },
      { header: c.sendRate(), align: 'right' },
      { header: c.receiveRate(), align: 'right' },
      { header: c.rtt(), align: 'right' },
    ];
  },
  cells: (r) => [
    bytesCell(r.bytesSent),
    bytesCell(r.bytesReceived),
    formatRate(r.sendRate),
    formatRate(r.receiveRate),
    r.rttMs === null ? trafficMessages.noValue : `${fmt().number(r.rttMs, r.rttMs < 10 ? 2 : 0)} ms`,
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
  const lines = [trafficMessages.heading()];
  if (summary.processes.length === 0 && m.bytesSent === 0 && m.bytesReceived === 0) return `${lines[0]}\n${trafficMessages.none()}`;
  lines.push(
    withRates
      ? trafficMessages.machineRates(formatBytes(m.bytesSent), formatBytes(m.bytesReceived), formatRate(m.sendRate), formatRate(m.receiveRate))
      : trafficMessages.machine(formatBytes(m.bytesSent), formatBytes(m.bytesReceived)),
  );
  const shown = summary.processes.slice(0, limit);
  const columns: Column[] = [
    { header: c.process(), max: 32 },
    { header: c.connections(), align: 'right' },
    { header: c.sent(), align: 'right' },
    { header: c.received(), align: 'right' },
    ...(withRates ? [{ header: c.sendRate(), align: 'right' as const }, { header: c.receiveRate(), align: 'right' as const }] : []),
  ];
  const cells = shown.map((p) => [
    `${p.pid}/${p.name}`,
    fmt().number(p.connections, 0),
    formatBytes(p.bytesSent),
    formatBytes(p.bytesReceived),
    ...(withRates ? [formatRate(p.sendRate), formatRate(p.receiveRate)] : []),
  ]);
  lines.push('', renderTable(columns, cells));
  if (summary.processes.length > shown.length) lines.push(trafficMessages.more(summary.processes.length - shown.length));
  return lines.join('\n');
}
