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

function socketTable(id: 'listeners' | 'connections', title: string, rows: readonly SocketRow[], report: Report): Table {
  const processes = processIndex(report.processes);
  const withRemote = id === 'connections';
  const columns: Column[] = [
    col('protocol', 'Proto', true),
    col('local_address', 'Local address', true),
    col('local_port', 'Local port', false, true),
    ...(withRemote ? [col('remote_address', 'Remote address', true), col('remote_port', 'Remote port', false, true)] : []),
    col('state', 'State', true),
    col('service', 'Service', true),
    col('exposure', 'Exposure', !withRemote),
    col('pid', 'PID', true, true),
    col('pids', 'All PIDs', false),
    col('process', 'Process', true),
    col('user', 'User', true),
    col('uid', 'UID', false, true),
    col('owner_note', 'Owner note', false),
    col('command_line', 'Command line', !withRemote),
    col('risks', 'Notes', !withRemote),
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
      exposureLabel(r),
      r.pid,
      r.pids.join(' '),
      r.processName ?? (r.pid === null ? ownerStatusLabel(r) : null),
      r.user,
      r.socketUid,
      ownerStatusLabel(r),
      commandLineOf(r, processes),
      risksLabel(r),
    ]),
  };
}

/** Every table a report holds, in reading order; sections the report lacks are left out. */
export function reportTables(report: Report): Table[] {
  const tables: Table[] = [];
  if (report.listeners) tables.push(socketTable('listeners', 'Listening ports', report.listeners, report));
  if (report.connections) tables.push(socketTable('connections', 'Connections', report.connections, report));
  if (report.listeners || report.connections) {
    tables.push({
      id: 'processes',
      title: 'Processes',
      columns: [
        col('pid', 'PID', true, true),
        col('ppid', 'PPID', false, true),
        col('name', 'Name', true),
        col('user', 'User', true),
        col('uid', 'UID', false, true),
        col('unit', 'Unit', true),
        col('container', 'Container', false),
        col('start_time', 'Started', false),
        col('exe', 'Executable', false),
        col('command_line', 'Command line', true),
      ],
      rows: report.processes.map((p) => [p.pid, p.ppid, p.name, p.user, p.uid, p.unit, p.container, p.startTime, p.exe, p.commandLine]),
    });
  }
  if (report.scan) {
    tables.push({
      id: 'scan',
      title: 'Scan results',
      columns: [
        col('host', 'Host', true),
        col('port', 'Port', true, true),
        col('protocol', 'Proto', true),
        col('state', 'State', true),
        col('reason', 'Reason', true),
        col('rtt_ms', 'RTT (ms)', true, true),
        col('service', 'Service', true),
        col('hint', 'Service hint', true),
        col('banner', 'Banner', false),
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
      title: 'Probe attempts',
      columns: [
        col('host', 'Host', true),
        col('port', 'Port', true, true),
        col('protocol', 'Proto', true),
        col('seq', '#', true, true),
        col('time', 'Time', true),
        col('address', 'Address', false),
        col('outcome', 'Outcome', true),
        col('rtt_ms', 'RTT (ms)', true, true),
        col('message', 'Message', true),
      ],
      rows: report.probes.flatMap((p) => p.attempts.map((a) => [p.host, p.port, p.protocol, a.seq, a.at, a.address, a.outcome, a.rttMs, a.message])),
    });
  }
  if (report.diagnosis) {
    tables.push({
      id: 'diagnosis',
      title: `Diagnosis of port ${report.diagnosis.port}/${report.diagnosis.protocol}`,
      columns: [
        col('step', '#', true, true),
        col('id', 'Id', false),
        col('name', 'Step', true),
        col('status', 'Result', true),
        col('message', 'Finding', true),
        col('details', 'Details', true),
        col('duration_ms', 'Time (ms)', true, true),
      ],
      rows: report.diagnosis.steps.map((s, i) => [i + 1, s.id, s.name, s.status, s.message, s.details.join('; '), s.durationMs]),
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
export function numberText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return Math.abs(n) < 10 ? n.toFixed(2) : n.toFixed(1);
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
