import { useMemo, useState } from 'react';
import type { ProcessInfo, Report, ReportDiff, SocketRow } from '../../../shared/contract';
import type { CaptureInfo } from '../../../shared/contract/report';
import { DonutChart } from '../../components/charts/DonutChart';
import { TopProcessesChart } from '../../components/charts/TopProcessesChart';
import { connectionColumns, listeningColumns } from '../../components/table/socketColumns';
import { perT, useT } from '../../i18n/useT';
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

/** host:port/protocol, as the CLI writes a target. */
const probeTarget = (p: { host: string; port: number; protocol: string }) => `${p.host}:${p.port}/${p.protocol}`;

/** A table panel as tall as its rows need (header and a row or two at least), scrolling past 12 rows. */
const panelHeight = (rows: number) => Math.min(440, Math.max(180, 96 + rows * 28));

const STEP_ICON = { ok: '✔', fail: '✖', warn: '!', skip: '–' } as const;
const STEP_STATUS = {
  ok: 'ui.diagnose.status.ok',
  warn: 'ui.diagnose.status.warn',
  fail: 'ui.diagnose.status.fail',
  skip: 'ui.diagnose.status.skip',
} as const;

const processColumns = perT((t): Column<ProcessInfo>[] => [
  { id: 'pid', label: t('ui.dashboard.col.pid'), width: '5rem', align: 'end', render: (p) => p.pid },
  { id: 'name', label: t('ui.process.field.name'), width: 'minmax(7rem, 0.8fr)', render: (p) => <VisibleText text={p.name} /> },
  { id: 'user', label: t('ui.dashboard.col.user'), width: '7rem', render: (p) => <VisibleText text={p.user ?? ''} /> },
  { id: 'unit', label: t('ui.process.field.unit'), width: 'minmax(7rem, 0.7fr)', render: (p) => <VisibleText text={p.unit ?? p.container ?? ''} /> },
  { id: 'cmd', label: t('ui.process.field.commandLine'), width: 'minmax(14rem, 3fr)', render: (p) => <span title={p.commandLine === null ? undefined : visibleControls(p.commandLine)}><VisibleText text={p.commandLine ?? p.exe ?? ''} /></span> },
]);

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
  const t = useT();
  const [search, setSearch] = useState('');
  const listening = useMemo(() => asLiveRows(report.listeners), [report]);
  const connections = useMemo(() => asLiveRows(report.connections), [report]);
  const top = useMemo(() => topProcesses(rowMap([...listening, ...connections])), [listening, connections]);
  const exposure = useMemo(() => exposureSlices(listening, t), [listening, t]);
  const classes = useMemo(() => portClassSlices(listening, t), [listening, t]);
  const states = useMemo(() => stateSlices(report.machine.summary.states), [report]);
  const filter = useMemo<RowFilter>(() => ({ ...DEFAULT_FILTER, search }), [search]);
  const s = report.machine.summary;
  const os = report.machine.os;

  return (
    <section className="report-view" aria-label={t('ui.reports.view.label')}>
      <div className="panel">
        <div className="report-head">
          <h2>
            <VisibleText text={report.title ?? fileName} />
            <span className="readonly-tag">{capture ? t('ui.reports.view.captureTag', { label: capture.label }) : t('ui.reports.view.reportTag')}</span>
          </h2>
        </div>
        {capture?.stoppedAt ? (
          <p role="alert" className="error-text">
            {t('ui.reports.view.stoppedAt', { line: capture.stoppedAt.line, reason: capture.stoppedAt.reason })}
          </p>
        ) : null}
        <dl className="fields report-fields">
          <dt>{t('ui.reports.view.file')}</dt>
          <dd>
            <VisibleText text={fileName} />
            {capture?.encoding ? <span className="muted">{t('ui.reports.view.encoding', { encoding: capture.encoding })}</span> : null}
          </dd>
          <dt>{t('ui.scan.col.host')}</dt>
          <dd><VisibleText text={report.machine.hostname} /></dd>
          <dt>{t('ui.reports.view.system')}</dt>
          <dd>{t('ui.reports.view.systemValue', { platform: os.platform, release: os.release, arch: os.arch })}</dd>
          <dt>{t('ui.reports.view.taken')}</dt>
          <dd>{formatDateTime(t.fmt, report.machine.takenAt)}</dd>
          <dt>{t('ui.reports.view.madeBy')}</dt>
          <dd>{t('ui.reports.view.generator', { name: report.generator.name, version: report.generator.version, time: formatDateTime(t.fmt, report.generatedAt) })}</dd>
        </dl>
        <dl className="stats" aria-label={t('ui.reports.view.summary')}>
          <dt>{t('ui.reports.view.sockets')}</dt>
          <dd>{t.fmt.number(s.sockets)}</dd>
          <dt>{t('ui.reports.view.listening')}</dt>
          <dd>
            {t.fmt.number(s.listeners.total)} <span className="muted">{t('ui.reports.view.listeningSplit', { tcp: s.listeners.tcp, udp: s.listeners.udp })}</span>
          </dd>
          <dt>{t('ui.dashboard.connections.title')}</dt>
          <dd>
            {t.fmt.number(s.connections.total)} <span className="muted">{t('ui.reports.view.established', { count: s.connections.established })}</span>
          </dd>
          <dt>{t('ui.reports.view.onAll')}</dt>
          <dd>{t.fmt.number(s.exposure.all)}</dd>
          <dt>{t('ui.reports.table.processes')}</dt>
          <dd>{t.fmt.number(s.processes)}</dd>
          <dt>{t('ui.reports.view.risks')}</dt>
          <dd>
            {t.fmt.number(s.risks.danger + s.risks.warning)} <span className="muted">{t('ui.reports.view.danger', { count: s.risks.danger })}</span>
          </dd>
        </dl>
        {report.warnings.length ? (
          <ul className="report-warnings" aria-label={t('ui.reports.view.warnings')}>
            {report.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        ) : null}
      </div>

      <section className="charts report-charts" aria-label={t('ui.reports.view.charts')}>
        <DonutChart title={t('ui.charts.history.title')} data={states} empty={t('ui.charts.top.none')} />
        <TopProcessesChart data={top} />
        <DonutChart title={t('ui.charts.exposure')} data={exposure} />
        <DonutChart title={t('ui.charts.portClasses')} data={classes} />
      </section>

      {diff ? (
        <DiffPanel diff={diff} reportHost={report.machine.hostname} comparing={comparing} onCompare={onCompare} />
      ) : report.listeners === null || capture ? null : (
        <p className="muted">{t('ui.reports.view.noCompare')}</p>
      )}

      {report.listeners !== null || report.connections !== null ? (
        <div className="toolbar" role="toolbar" aria-label={t('ui.reports.view.controls')}>
          <label htmlFor="report-search" className="sr-only">
            {t('ui.reports.view.search')}
          </label>
          <input id="report-search" type="search" className="search" placeholder={t('ui.reports.view.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" spellCheck={false} />
        </div>
      ) : null}
      {report.listeners !== null ? (
        <div className="report-table" style={{ height: panelHeight(listening.length) }}>
          <SocketTablePanel
            title={t('ui.reports.view.listeningTitle')}
            rows={listening}
            columns={listeningColumns(t)}
            filter={filter}
            initialSort={{ key: 'localPort', dir: 'asc' }}
            onOpen={readOnly}
            empty={t('ui.reports.view.noListening')}
          />
        </div>
      ) : null}
      {report.connections !== null ? (
        <div className="report-table" style={{ height: panelHeight(connections.length) }}>
          <SocketTablePanel
            title={t('ui.reports.view.connectionsTitle')}
            rows={connections}
            columns={connectionColumns(t)}
            filter={filter}
            initialSort={{ key: 'state', dir: 'asc' }}
            onOpen={readOnly}
            empty={t('ui.reports.view.noConnections')}
          />
        </div>
      ) : null}
      {report.processes.length ? (
        <section className="panel table-panel" aria-labelledby="report-proc-h">
          <header className="panel-head">
            <h2 id="report-proc-h">
              {t('ui.reports.table.processes')} <span className="count">{t.fmt.number(report.processes.length)}</span>
            </h2>
          </header>
          <div className="report-table" style={{ height: Math.min(300, Math.max(132, 34 + report.processes.length * 28 + 6)) }}>
            <VirtualTable label={t('ui.reports.view.processesLabel')} items={report.processes} columns={processColumns(t)} getKey={(p) => String(p.pid)} />
          </div>
        </section>
      ) : null}

      {report.scan ? <ScanSection scan={report.scan} heading={report.scan.source === 'nmap' ? t('ui.reports.view.nmapScan') : t('ui.reports.view.scan')} fileName={fileName} /> : null}

      {report.probes?.length ? (
        <section className="panel" aria-labelledby="report-probes-h">
          <h2 id="report-probes-h">{t('ui.reports.view.probes')}</h2>
          <ul className="probe-list">
            {report.probes.map((p) => (
              <li key={p.probeId}>
                <strong>{probeTarget(p)}</strong>{' '}
                {p.rtt
                  ? t('ui.reports.view.probeLineAvg', { verdict: p.verdict, received: p.received, sent: p.sent, avg: formatMs(t.fmt, p.rtt.avgMs) })
                  : t('ui.reports.view.probeLine', { verdict: p.verdict, received: p.received, sent: p.sent })}
                <RttChart attempts={p.attempts} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {report.diagnosis ? (
        <section className="panel" aria-labelledby="report-diag-h">
          <h2 id="report-diag-h">
            {t('ui.reports.view.diagnosis', { port: report.diagnosis.port, protocol: report.diagnosis.protocol })}
          </h2>
          <div className={`verdict verdict-${report.diagnosis.verdict}`}>
            <p>{t.engineKeyed(report.diagnosis.summaryText, report.diagnosis.summary)}</p>
            <p className="muted">{t.engineKeyed(report.diagnosis.nextStepText, report.diagnosis.nextStep)}</p>
          </div>
          <ol className="checklist">
            {report.diagnosis.steps.map((step) => (
              <li key={step.id} className={`step step-${step.status}`}>
                <span className="step-icon" aria-hidden="true">
                  {STEP_ICON[step.status]}
                </span>
                <div>
                  <strong>{t.engineKeyed(step.nameKey ? { key: step.nameKey } : undefined, step.name)}</strong>{' '}
                  <span className="sr-only">{t('ui.diagnose.stepStatus', { status: t(STEP_STATUS[step.status]) })}</span>
                  <p>{t.engine(step)}</p>
                </div>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </section>
  );
}
