import { useMemo, useState } from 'react';
import type { ProcessInfo, Report, ReportDiff, SocketRow } from '../../../shared/contract';
import type { CaptureInfo } from '../../../shared/contract/report';
import { DonutChart } from '../../components/charts/DonutChart';
import { TopProcessesChart } from '../../components/charts/TopProcessesChart';
import { CONNECTION_COLUMNS, LISTENING_COLUMNS } from '../../components/table/socketColumns';
import { VirtualTable } from '../../components/table/VirtualTable';
import { VisibleText } from '../../components/text/VisibleText';
import { visibleControls } from '../../../shared/text/visible';
import type { Column } from '../../components/table/types';
import { formatDateTime, formatMs } from '../../format/time';
import { asLiveRows, rowMap, stateSlices } from '../../features/reports/view';
import { DEFAULT_FILTER, type RowFilter } from '../../stores/sockets/query';
import { exposureSlices, portClassSlices, topProcesses } from '../../stores/sockets/stats';
import { SocketTablePanel } from '../dashboard/SocketTablePanel';
import { RttChart } from '../probe/RttChart';
import { DiffPanel } from './DiffPanel';
import { ScanSection } from './ScanSection';

// A saved report is read-only: rows do not open the live process panel (that pid may be another
// process by now); the report's own process list is shown below instead.
const readOnly = (_row: SocketRow) => {};

/** A table panel as tall as its rows need (header and a row or two at least), scrolling past 12 rows. */
const panelHeight = (rows: number) => Math.min(440, Math.max(180, 96 + rows * 28));

const PROCESS_COLUMNS: Column<ProcessInfo>[] = [
  { id: 'pid', label: 'PID', width: '5rem', align: 'end', render: (p) => p.pid },
  { id: 'name', label: 'Name', width: 'minmax(7rem, 0.8fr)', render: (p) => <VisibleText text={p.name} /> },
  { id: 'user', label: 'User', width: '7rem', render: (p) => <VisibleText text={p.user ?? ''} /> },
  { id: 'unit', label: 'Unit / container', width: 'minmax(7rem, 0.7fr)', render: (p) => <VisibleText text={p.unit ?? p.container ?? ''} /> },
  { id: 'cmd', label: 'Command line', width: 'minmax(14rem, 3fr)', render: (p) => <span title={p.commandLine === null ? undefined : visibleControls(p.commandLine)}><VisibleText text={p.commandLine ?? p.exe ?? ''} /></span> },
];

export interface SavedReportViewProps {
  fileName: string;
  report: Report;
  diff: ReportDiff | null;
  /** Set for a capture from another machine (netstat, ss, lsof…): nothing to compare with here. */
  capture?: CaptureInfo | null;
  comparing: boolean;
  onCompare: () => void;
}

export function SavedReportView({ fileName, report, diff, capture = null, comparing, onCompare }: SavedReportViewProps) {
  const [search, setSearch] = useState('');
  const listening = useMemo(() => asLiveRows(report.listeners), [report]);
  const connections = useMemo(() => asLiveRows(report.connections), [report]);
  const top = useMemo(() => topProcesses(rowMap([...listening, ...connections])), [listening, connections]);
  const exposure = useMemo(() => exposureSlices(listening), [listening]);
  const classes = useMemo(() => portClassSlices(listening), [listening]);
  const states = useMemo(() => stateSlices(report.machine.summary.states), [report]);
  const filter = useMemo<RowFilter>(() => ({ ...DEFAULT_FILTER, search }), [search]);
  const s = report.machine.summary;
  const os = report.machine.os;

  return (
    <section className="report-view" aria-label="Saved report">
      <div className="panel">
        <div className="report-head">
          <h2>
            <VisibleText text={report.title ?? fileName} />
            <span className="readonly-tag">{capture ? `${capture.label} capture · read-only` : 'saved report · read-only'}</span>
          </h2>
        </div>
        {capture?.stoppedAt ? (
          <p role="alert" className="error-text">
            The file stops being readable at line {capture.stoppedAt.line} ({capture.stoppedAt.reason}): everything before it is shown.
          </p>
        ) : null}
        <dl className="fields report-fields">
          <dt>File</dt>
          <dd>
            <VisibleText text={fileName} />
            {capture?.encoding ? <span className="muted"> ({capture.encoding})</span> : null}
          </dd>
          <dt>Host</dt>
          <dd><VisibleText text={report.machine.hostname} /></dd>
          <dt>System</dt>
          <dd>
            {os.platform} {os.release} ({os.arch})
          </dd>
          <dt>Taken</dt>
          <dd>{formatDateTime(report.machine.takenAt)}</dd>
          <dt>Made by</dt>
          <dd>
            {report.generator.name} {report.generator.version}, {formatDateTime(report.generatedAt)}
          </dd>
        </dl>
        <dl className="stats" aria-label="Summary">
          <dt>Sockets</dt>
          <dd>{s.sockets}</dd>
          <dt>Listening</dt>
          <dd>
            {s.listeners.total} <span className="muted">({s.listeners.tcp} TCP, {s.listeners.udp} UDP)</span>
          </dd>
          <dt>Connections</dt>
          <dd>
            {s.connections.total} <span className="muted">({s.connections.established} established)</span>
          </dd>
          <dt>On all interfaces</dt>
          <dd>{s.exposure.all}</dd>
          <dt>Processes</dt>
          <dd>{s.processes}</dd>
          <dt>Risk notes</dt>
          <dd>
            {s.risks.danger + s.risks.warning} <span className="muted">({s.risks.danger} danger)</span>
          </dd>
        </dl>
        {report.warnings.length ? (
          <ul className="report-warnings" aria-label="Warnings">
            {report.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        ) : null}
      </div>

      <section className="charts report-charts" aria-label="Report charts">
        <DonutChart title="Sockets by state" data={states} />
        <TopProcessesChart data={top} />
        <DonutChart title="Exposure" data={exposure} />
        <DonutChart title="Port classes" data={classes} />
      </section>

      {diff ? (
        <DiffPanel diff={diff} reportHost={report.machine.hostname} comparing={comparing} onCompare={onCompare} />
      ) : report.listeners === null || capture ? null : (
        <p className="muted">Could not compare with the live state.</p>
      )}

      {report.listeners !== null || report.connections !== null ? (
        <div className="toolbar" role="toolbar" aria-label="Report table controls">
          <label htmlFor="report-search" className="sr-only">
            Search the report
          </label>
          <input id="report-search" type="search" className="search" placeholder="Search the report: port, process, address, state…" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" spellCheck={false} />
        </div>
      ) : null}
      {report.listeners !== null ? (
        <div className="report-table" style={{ height: panelHeight(listening.length) }}>
          <SocketTablePanel title="Listening ports in the report" rows={listening} columns={LISTENING_COLUMNS} filter={filter} initialSort={{ key: 'localPort', dir: 'asc' }} onOpen={readOnly} empty="The report holds no listening ports." />
        </div>
      ) : null}
      {report.connections !== null ? (
        <div className="report-table" style={{ height: panelHeight(connections.length) }}>
          <SocketTablePanel title="Connections in the report" rows={connections} columns={CONNECTION_COLUMNS} filter={filter} initialSort={{ key: 'state', dir: 'asc' }} onOpen={readOnly} empty="The report holds no connections." />
        </div>
      ) : null}
      {report.processes.length ? (
        <section className="panel table-panel" aria-labelledby="report-proc-h">
          <header className="panel-head">
            <h2 id="report-proc-h">
              Processes <span className="count">{report.processes.length}</span>
            </h2>
          </header>
          <div className="report-table" style={{ height: Math.min(300, Math.max(132, 34 + report.processes.length * 28 + 6)) }}>
            <VirtualTable label="Processes in the report" items={report.processes} columns={PROCESS_COLUMNS} getKey={(p) => String(p.pid)} />
          </div>
        </section>
      ) : null}

      {report.scan ? <ScanSection scan={report.scan} heading={report.scan.source === 'nmap' ? 'nmap scan in the report' : 'Scan in the report'} fileName={fileName} /> : null}

      {report.probes?.length ? (
        <section className="panel" aria-labelledby="report-probes-h">
          <h2 id="report-probes-h">Probes</h2>
          <ul className="probe-list">
            {report.probes.map((p) => (
              <li key={p.probeId}>
                <strong>
                  {p.host}:{p.port}/{p.protocol}
                </strong>{' '}
                — {p.verdict} ({p.received}/{p.sent} answered{p.rtt ? `, avg ${formatMs(p.rtt.avgMs)}` : ''})
                <RttChart attempts={p.attempts} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {report.diagnosis ? (
        <section className="panel" aria-labelledby="report-diag-h">
          <h2 id="report-diag-h">
            Diagnosis of port {report.diagnosis.port}/{report.diagnosis.protocol}
          </h2>
          <div className={`verdict verdict-${report.diagnosis.verdict}`}>
            <p>{report.diagnosis.summary}</p>
            <p className="muted">{report.diagnosis.nextStep}</p>
          </div>
          <ol className="checklist">
            {report.diagnosis.steps.map((step) => (
              <li key={step.id} className={`step step-${step.status}`}>
                <span className="step-icon" aria-hidden="true">
                  {step.status === 'ok' ? '✔' : step.status === 'fail' ? '✖' : step.status === 'warn' ? '!' : '–'}
                </span>
                <div>
                  <strong>{step.name}</strong> <span className="sr-only">({step.status})</span>
                  <p>{step.message}</p>
                </div>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </section>
  );
}
