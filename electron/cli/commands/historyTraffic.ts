import { HistoryStore } from '../../engine/history/store';
import { queryTrafficMinutes, type TrafficMinute } from '../../engine/history/trafficLog';
import { EXIT_NOTHING, EXIT_OK } from '../errors';
import type { Output } from '../output';
import { renderTable } from '../table';
import { formatBytes } from '../trafficFormat';
import { fmt, t } from '../i18n';
import { tableDateTime } from '../timeFormat';

/** Every user-visible string of `history --traffic`, from the CLI catalog. */
const messages = {
  none: (since: string) => `${t('cli.historyTraffic.none', { since })}\n`,
  truncated: (n: number) => `${t('cli.historyTraffic.truncated', { count: n })}\n`,
  columns: {
    minute: () => t('cli.historyTraffic.column.minute'),
    process: () => t('cli.historyTraffic.column.process'),
    sent: () => t('cli.historyTraffic.column.sent'),
    received: () => t('cli.historyTraffic.column.received'),
    connections: () => t('cli.historyTraffic.column.connections'),
  },
};

export interface HistoryTrafficOptions {
  dataDir: string;
  /** ISO times, already parsed from --since / --until. */
  since: string;
  until?: string;
  pid?: number;
  process?: string;
  limit?: number;
  json?: boolean;
}

function localMinute(ms: number): string {
  return tableDateTime(ms, false);
}

export function trafficMinutesTable(rows: readonly TrafficMinute[]): string {
  const c = messages.columns;
  return renderTable(
    [
      { header: c.minute() },
      { header: c.process(), max: 40 },
      { header: c.sent(), align: 'right' },
      { header: c.received(), align: 'right' },
      { header: c.connections(), align: 'right' },
    ],
    rows.map((r) => [localMinute(r.minute), `${r.pid}/${r.name}`, formatBytes(r.bytesSent), formatBytes(r.bytesReceived), fmt().number(r.connections, 0)]),
  );
}

/** `portscope history --traffic`: per-process TCP payload per minute, from the recorded history. */
export function historyTrafficCommand(o: HistoryTrafficOptions, out: Output): number {
  // Throws HistoryUnavailableError when nothing was recorded: the caller words it.
  const store = HistoryStore.open(o.dataDir, { create: false });
  try {
    const { minutes, truncated } = queryTrafficMinutes(store.db, {
      since: Date.parse(o.since),
      until: o.until ? Date.parse(o.until) : undefined,
      pid: o.pid,
      process: o.process,
      limit: o.limit,
    });
    if (o.json) out.stdout(`${JSON.stringify(minutes.map((m) => ({ ...m, minute: new Date(m.minute).toISOString() })), null, 2)}\n`);
    else if (minutes.length === 0) out.stdout(messages.none(localMinute(Date.parse(o.since))));
    else out.stdout(`${trafficMinutesTable(minutes)}\n`);
    if (truncated && !o.json) out.stdout(messages.truncated(minutes.length));
    return minutes.length ? EXIT_OK : EXIT_NOTHING;
  } finally {
    store.close();
  }
}
