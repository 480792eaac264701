import { useId, useState } from 'react';
import { useStore } from 'zustand';
import type { ReportScan, ReportTable, ReportWhat } from '../../../shared/contract';
import type { ReportSaveFormat } from '../../../shared/contract/report-save';
import { useDiagnoses, useProbes, useScans } from '../../app/services';
import type { ExportChoice } from '../../features/reports/saver';
import type { ReportsStore } from '../../features/reports/store';

const FORMAT_LABEL: Record<ReportSaveFormat, string> = { json: 'JSON', csv: 'CSV (one table)', html: 'HTML', md: 'Markdown', pdf: 'PDF' };
const WHAT_LABEL: Record<ReportWhat, string> = {
  listeners: 'Listening ports',
  connections: 'Connections',
  all: 'Listening ports and connections',
  none: 'Only the results included below',
};
const TABLE_LABEL: Record<ReportTable, string> = {
  listeners: 'Listening ports',
  connections: 'Connections',
  processes: 'Processes',
  scan: 'Scan results',
  probes: 'Probe attempts',
  diagnosis: 'Diagnosis steps',
};

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
        <h2 id={`${ids.what}-h`}>Export</h2>
        <span className="muted">{saver.kind === 'dialog' ? 'Saved through a Save dialog' : 'Saved as a download'}</span>
      </header>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="field">
          <label htmlFor={ids.what}>Contents</label>
          <select id={ids.what} value={what} onChange={(e) => setWhat(e.target.value as ReportWhat)}>
            {(Object.keys(WHAT_LABEL) as ReportWhat[]).map((w) => (
              <option key={w} value={w}>
                {WHAT_LABEL[w]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.format}>Format</label>
          <select id={ids.format} value={format} onChange={(e) => setFormat(e.target.value as ReportSaveFormat)}>
            {saver.formats.map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABEL[f]}
              </option>
            ))}
          </select>
        </div>
        {format === 'csv' ? (
          <div className="field">
            <label htmlFor={ids.table}>Table</label>
            <select id={ids.table} value={chosenTable ?? ''} onChange={(e) => setTable(e.target.value as ReportTable)} disabled={tables.length === 0}>
              {tables.map((t) => (
                <option key={t} value={t}>
                  {TABLE_LABEL[t]}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field grow">
          <label htmlFor={ids.title}>Title (optional)</label>
          <input id={ids.title} type="text" maxLength={200} value={title} placeholder="e.g. Before the firewall change" onChange={(e) => setTitle(e.target.value)} />
        </div>
        {scanResult || probeResult || diagnosis ? (
          <fieldset className="field">
            <legend>Include</legend>
            {scanResult ? (
              <label className="check">
                <input type="checkbox" checked={withScan} onChange={(e) => setWithScan(e.target.checked)} /> the last scan ({scanResult.summary.counts.open} open)
              </label>
            ) : null}
            {probeResult ? (
              <label className="check">
                <input type="checkbox" checked={withProbe} onChange={(e) => setWithProbe(e.target.checked)} /> the probe of {probeResult.host}:{probeResult.port}
              </label>
            ) : null}
            {diagnosis ? (
              <label className="check">
                <input type="checkbox" checked={withDiagnosis} onChange={(e) => setWithDiagnosis(e.target.checked)} /> the diagnosis of port {diagnosis.port}
              </label>
            ) : null}
          </fieldset>
        ) : null}
        <div className="field buttons">
          <button type="submit" className="primary" disabled={exporting !== null || nothing}>
            {exporting ? 'Exporting…' : saver.kind === 'dialog' ? 'Save…' : 'Download'}
          </button>
        </div>
      </form>
      {format === 'pdf' ? <p className="muted">PDF is the HTML report printed on A4.</p> : null}
      {saver.kind === 'download' ? <p className="muted">PDF: open the HTML report in your browser and print it (the report has A4 print styles), or use the desktop app.</p> : null}
      {nothing ? <p className="muted">Nothing to export: choose contents, or run a scan, probe or diagnosis first.</p> : null}
      <div className="report-status">
        {error ? (
          <p role="alert" className="error-text">
            Export failed: {error}
          </p>
        ) : (
          <p role="status">{message ?? ''}</p>
        )}
      </div>
    </section>
  );
}
