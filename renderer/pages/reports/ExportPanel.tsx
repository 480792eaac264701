import { useId, useState } from 'react';
import { useStore } from 'zustand';
import type { ReportScan, ReportTable, ReportWhat } from '../../../shared/contract';
import type { ReportSaveFormat } from '../../../shared/contract/report-save';
import { useDiagnoses, useProbes, useScans } from '../../app/services';
import type { ExportChoice } from '../../features/reports/saver';
import type { ReportsStore } from '../../features/reports/store';
import { useT } from '../../i18n/useT';

const FORMAT_LABEL = {
  json: 'ui.reports.format.json',
  csv: 'ui.reports.format.csv',
  html: 'ui.reports.format.html',
  md: 'ui.reports.format.md',
  pdf: 'ui.reports.format.pdf',
} as const satisfies Record<ReportSaveFormat, string>;
const WHAT_LABEL = {
  listeners: 'ui.dashboard.listening.title',
  connections: 'ui.dashboard.connections.title',
  all: 'ui.reports.what.all',
  none: 'ui.reports.what.none',
} as const satisfies Record<ReportWhat, string>;
const TABLE_LABEL = {
  listeners: 'ui.dashboard.listening.title',
  connections: 'ui.dashboard.connections.title',
  processes: 'ui.reports.table.processes',
  scan: 'ui.scan.results.label',
  probes: 'ui.reports.table.probes',
  diagnosis: 'ui.reports.table.diagnosis',
} as const satisfies Record<ReportTable, string>;

/** Which CSV tables the chosen report holds, in the order the engine picks its default. */
export function csvTables(what: ReportWhat, extras: { scan: boolean; probes: boolean; diagnosis: boolean }): ReportTable[] {
  const out: ReportTable[] = [];
  if (what === 'listeners' || what === 'all') out.push('listeners');
  if (what === 'connections' || what === 'all') out.push('connections');
  if (what !== 'none') out.push('processes');
  if (extras.scan) out.push('scan');
  if (extras.probes) out.push('probes');
  if (extras.diagnosis) out.push('diagnosis');
  return out;
}

export function ExportPanel({ store }: { store: ReportsStore }) {
  const t = useT();
  const exporting = useStore(store, (s) => s.exporting);
  const message = useStore(store, (s) => s.exportMessage);
  const error = useStore(store, (s) => s.exportError);
  const scanResult = useScans((s) => s.result);
  const scanRequest = useScans((s) => s.request);
  const probeResult = useProbes((s) => s.result);
  const diagnosis = useDiagnoses((s) => s.result);
  const saver = store.saver;

  const [what, setWhat] = useState<ReportWhat>('listeners');
  const [format, setFormat] = useState<ReportSaveFormat>('html');
  const [table, setTable] = useState<ReportTable | ''>('');
  const [title, setTitle] = useState('');
  const [withScan, setWithScan] = useState(true);
  const [withProbe, setWithProbe] = useState(true);
  const [withDiagnosis, setWithDiagnosis] = useState(true);
  const ids = { what: useId(), format: useId(), table: useId(), title: useId() };

  const extras = { scan: Boolean(scanResult && withScan), probes: Boolean(probeResult && withProbe), diagnosis: Boolean(diagnosis && withDiagnosis) };
  const tables = csvTables(what, extras);
  const chosenTable = table && tables.includes(table) ? table : (tables[0] ?? null);
  const nothing = what === 'none' && !extras.scan && !extras.probes && !extras.diagnosis;

  const submit = () => {
    const choice: ExportChoice = { what };
    if (title.trim()) choice.title = title.trim().slice(0, 200);
    if (format === 'csv' && chosenTable) choice.table = chosenTable;
    if (extras.scan && scanResult) {
      const scan: ReportScan = { source: 'portscope', target: scanRequest?.targets.join(', ') ?? scanResult.hosts.map((h) => h.address).join(', '), command: null, scanner: null, result: scanResult };
      choice.scan = scan;
    }
    if (extras.probes && probeResult) choice.probes = [probeResult];
    if (extras.diagnosis && diagnosis) choice.diagnosis = diagnosis;
    void store.getState().exportReport(format, choice);
  };

  return (
    <section className="panel" aria-labelledby={`${ids.what}-h`}>
      <header className="panel-head">
        <h2 id={`${ids.what}-h`}>{t('ui.reports.export.title')}</h2>
        <span className="muted">{saver.kind === 'dialog' ? t('ui.reports.export.viaDialog') : t('ui.reports.export.viaDownload')}</span>
      </header>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="field">
          <label htmlFor={ids.what}>{t('ui.reports.export.contents')}</label>
          <select id={ids.what} value={what} onChange={(e) => setWhat(e.target.value as ReportWhat)}>
            {(Object.keys(WHAT_LABEL) as ReportWhat[]).map((w) => (
              <option key={w} value={w}>
                {t(WHAT_LABEL[w])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.format}>{t('ui.reports.export.format')}</label>
          <select id={ids.format} value={format} onChange={(e) => setFormat(e.target.value as ReportSaveFormat)}>
            {saver.formats.map((f) => (
              <option key={f} value={f}>
                {t(FORMAT_LABEL[f])}
              </option>
            ))}
          </select>
        </div>
        {format === 'csv' ? (
          <div className="field">
            <label htmlFor={ids.table}>{t('ui.reports.export.table')}</label>
            <select id={ids.table} value={chosenTable ?? ''} onChange={(e) => setTable(e.target.value as ReportTable)} disabled={tables.length === 0}>
              {tables.map((name) => (
                <option key={name} value={name}>
                  {t(TABLE_LABEL[name])}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field grow">
          <label htmlFor={ids.title}>{t('ui.reports.export.titleLabel')}</label>
          <input id={ids.title} type="text" maxLength={200} value={title} placeholder={t('ui.reports.export.titlePlaceholder')} onChange={(e) => setTitle(e.target.value)} />
        </div>
        {scanResult || probeResult || diagnosis ? (
          <fieldset className="field">
            <legend>{t('ui.reports.export.include')}</legend>
            {scanResult ? (
              <label className="check">
                <input type="checkbox" checked={withScan} onChange={(e) => setWithScan(e.target.checked)} /> {t('ui.reports.export.withScan', { open: scanResult.summary.counts.open })}
              </label>
            ) : null}
            {probeResult ? (
              <label className="check">
                <input type="checkbox" checked={withProbe} onChange={(e) => setWithProbe(e.target.checked)} /> {t('ui.reports.export.withProbe', { target: `${probeResult.host}:${probeResult.port}` })}
              </label>
            ) : null}
            {diagnosis ? (
              <label className="check">
                <input type="checkbox" checked={withDiagnosis} onChange={(e) => setWithDiagnosis(e.target.checked)} /> {t('ui.reports.export.withDiagnosis', { port: diagnosis.port })}
              </label>
            ) : null}
          </fieldset>
        ) : null}
        <div className="field buttons">
          <button type="submit" className="primary" disabled={exporting !== null || nothing}>
            {exporting ? t('ui.reports.export.exporting') : saver.kind === 'dialog' ? t('ui.reports.export.save') : t('ui.reports.export.download')}
          </button>
        </div>
      </form>
      {format === 'pdf' ? <p className="muted">{t('ui.reports.export.pdfNote')}</p> : null}
      {saver.kind === 'download' ? <p className="muted">{t('ui.reports.export.pdfBrowser')}</p> : null}
      {nothing ? <p className="muted">{t('ui.reports.export.nothing')}</p> : null}
      <div className="report-status">
        {error ? (
          <p role="alert" className="error-text">
            {t('ui.reports.export.failed', { error })}
          </p>
        ) : (
          <p role="status">{message ?? ''}</p>
        )}
      </div>
    </section>
  );
}
