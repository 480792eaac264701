import type { Report, ReportTable } from '../../../shared/contract/report';
import type { ServiceHint } from '../../../shared/contract/scan';
import type { SocketRow } from '../../../shared/contract/sockets';
import {
  commandLineOf,
  exposureLabel,
  localLabel,
  ownerStatusLabel,
  processIndex,
  protoLabel,
  remoteLabel,
  risksLabel,
} from './labels';
import { SOCKET_COLUMNS } from '../../../shared/i18n/socketWords';
import { reportText, type ReportText } from './i18n';

/** A cell: numbers stay numbers (CSV writes them bare, HTML aligns them right); null is empty. */
export type Cell = string | number | null;

export interface Column {
  /** Header in CSV: snake_case, stable, for scripts and spreadsheets. */
  key: string;
  /** Header in HTML and Markdown. */
  header: string;
  /** Shown in the HTML and Markdown tables too (CSV always has every column). */
  display: boolean;
  numeric?: boolean;
}

export interface Table {
  id: ReportTable;
  title: string;
  columns: Column[];
  rows: Cell[][];
}

const col = (key: string, header: string, display: boolean, numeric = false): Column => ({ key, header, display, numeric });

function socketTable(id: 'listeners' | 'connections', title: string, rows: readonly SocketRow[], report: Report, text: ReportText): Table {
  const processes = processIndex(report.processes);
  const withRemote = id === 'connections';
  const { t } = text;
  const columns: Column[] = [
    col('protocol', t(SOCKET_COLUMNS.proto), true),
    col('local_address', t(SOCKET_COLUMNS.local), true),
    col('local_port', t('report.column.localPort'), false, true),
    ...(withRemote ? [col('remote_address', t(SOCKET_COLUMNS.remote), true), col('remote_port', t('report.column.remotePort'), false, true)] : []),
    col('state', t(SOCKET_COLUMNS.state), true),
    col('service', t(SOCKET_COLUMNS.service), true),
    col('exposure', t(SOCKET_COLUMNS.exposure), !withRemote),
    col('pid', t('report.column.pid'), true, true),
    col('pids', t('report.column.allPids'), false),
    col('process', t('report.column.process'), true),
    col('user', t(SOCKET_COLUMNS.user), true),
    col('uid', t('report.column.uid'), false, true),
    col('owner_note', t('report.column.ownerNote'), false),
    col('command_line', t('report.column.commandLine'), !withRemote),
    col('risks', t(SOCKET_COLUMNS.notes), !withRemote),
  ];
  return {
    id,
    title,
    columns,
    rows: rows.map((r) => [
      protoLabel(r),
      localLabel(r),
      r.localPort,
      ...(withRemote ? [remoteLabel(r), r.remotePort] : []),
      r.state,
      r.service,
      exposureLabel(r, text),
      r.pid,
      r.pids.join(' '),
      r.processName ?? (r.pid === null ? ownerStatusLabel(r, text) : null),
      r.user,
      r.socketUid,
      ownerStatusLabel(r, text),
      commandLineOf(r, processes),
      risksLabel(r, text),
    ]),
  };
}

/**
 * Every table a report holds, in reading order; sections the report lacks are left out. Headers,
 * titles and word cells are in `text`'s language (English by default, as CSV always is); the
 * CSV keys and the data never change.
 */
export function reportTables(report: Report, text: ReportText = reportText()): Table[] {
  const { t } = text;
  const tables: Table[] = [];
  if (report.listeners) tables.push(socketTable('listeners', t('report.table.listeners'), report.listeners, report, text));
  if (report.connections) tables.push(socketTable('connections', t('report.table.connections'), report.connections, report, text));
  if (report.listeners || report.connections) {
    tables.push({
      id: 'processes',
      title: t('report.table.processes'),
      columns: [
        col('pid', t('report.column.pid'), true, true),
        col('ppid', t('report.column.ppid'), false, true),
        col('name', t('report.column.name'), true),
        col('user', t(SOCKET_COLUMNS.user), true),
        col('uid', t('report.column.uid'), false, true),
        col('unit', t('report.column.unit'), true),
        col('container', t('report.column.container'), false),
        col('start_time', t('report.column.started'), false),
        col('exe', t('report.column.executable'), false),
        col('command_line', t('report.column.commandLine'), true),
      ],
      rows: report.processes.map((p) => [p.pid, p.ppid, p.name, p.user, p.uid, p.unit, p.container, p.startTime, p.exe, p.commandLine]),
    });
  }
  if (report.scan) {
    tables.push({
      id: 'scan',
      title: t('report.table.scan'),
      columns: [
        col('host', t('report.column.host'), true),
        col('port', t('report.column.port'), true, true),
        col('protocol', t(SOCKET_COLUMNS.proto), true),
        col('state', t(SOCKET_COLUMNS.state), true),
        col('reason', t('report.column.reason'), true),
        col('rtt_ms', t('report.column.rtt'), true, true),
        col('service', t(SOCKET_COLUMNS.service), true),
        col('hint', t('report.column.serviceHint'), true),
        col('banner', t('report.column.banner'), false),
      ],
      rows: report.scan.result.results.map((r) => [
        r.host,
        r.port,
        r.protocol,
        r.state,
        r.reason,
        r.rttMs,
        r.service,
        r.hint ? hintLabel(r.hint) : null,
        r.hint?.banner ?? null,
      ]),
    });
  }
  if (report.probes) {
    tables.push({
      id: 'probes',
      title: t('report.table.probes'),
      columns: [
        col('host', t('report.column.host'), true),
        col('port', t('report.column.port'), true, true),
        col('protocol', t(SOCKET_COLUMNS.proto), true),
        col('seq', '#', true, true),
        col('time', t('report.column.time'), true),
        col('address', t('report.column.address'), false),
        col('outcome', t('report.column.outcome'), true),
        col('rtt_ms', t('report.column.rtt'), true, true),
        col('message', t('report.column.message'), true),
      ],
      rows: report.probes.flatMap((p) =>
        p.attempts.map((a) => [p.host, p.port, p.protocol, a.seq, a.at, a.address, a.outcome, a.rttMs, t.maybe(a.messageKey, a.values, a.message)]),
      ),
    });
  }
  if (report.diagnosis) {
    tables.push({
      id: 'diagnosis',
      title: t('report.table.diagnosis', { label: `${report.diagnosis.port}/${report.diagnosis.protocol}` }),
      columns: [
        col('step', '#', true, true),
        col('id', t('report.column.id'), false),
        col('name', t('report.column.step'), true),
        col('status', t('report.column.result'), true),
        col('message', t('report.column.finding'), true),
        col('details', t('report.column.details'), true),
        col('duration_ms', t('report.column.duration'), true, true),
      ],
      rows: report.diagnosis.steps.map((s, i) => [
        i + 1,
        s.id,
        t.maybe(s.nameKey, undefined, s.name),
        s.status,
        t.maybe(s.messageKey, s.values, s.message),
        s.details.map((d, j) => (s.detailTexts?.[j] ? t.maybe(s.detailTexts[j].key, s.detailTexts[j].values, d) : d)).join('; '),
        s.durationMs,
      ]),
    });
  }
  return tables;
}

/** A service hint in a few words: the guess, the HTTP status line, the TLS subject. */
function hintLabel(hint: ServiceHint): string {
  return [hint.guess, hint.http?.statusLine, hint.http?.server, hint.tls ? `TLS ${hint.tls.protocol ?? ''} ${hint.tls.subject ?? ''}`.trim() : null]
    .filter((x): x is string => Boolean(x))
    .join('; ');
}

/**
 * Formats a number cell the same way in HTML and Markdown: integers bare, small values (loopback
 * round trips are fractions of a millisecond) to 0.01, larger ones to 0.1. CSV and JSON keep the
 * full value.
 */
export function numberText(n: number, text: ReportText = reportText()): string {
  return text.cellNumber(n);
}

/**
 * The columns HTML and Markdown show: the display ones, minus those empty in every row (a Notes
 * column with no notes is noise on paper). An empty table keeps its headers.
 */
export function shownColumns(table: Table): Array<{ c: Column; i: number }> {
  const display = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.display);
  if (table.rows.length === 0) return display;
  return display.filter(({ i }) => table.rows.some((row) => row[i] !== null && row[i] !== ''));
}
