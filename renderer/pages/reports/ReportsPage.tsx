import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services';
import { reportsStoreFor } from '../../features/reports/store';
import { ExportPanel } from './ExportPanel';
import { OpenPanel } from './OpenPanel';
import { SavedReportView } from './SavedReportView';
import { ScanSection } from './ScanSection';
import './reports.css';
import { useT } from '../../i18n/useT';

/**
 * Reports: export what Portscope sees (download in a browser, Save dialog and PDF in the app),
 * open a saved JSON report read-only with the dashboard's tables and charts and what changed
 * since, or look at an nmap XML scan with the scan page's table and charts.
 */
export function ReportsPage() {
  const { client } = useServices();
  const t = useT();
  const store = useMemo(() => reportsStoreFor(client), [client]);
  const opened = useStore(store, (s) => s.opened);
  const comparing = useStore(store, (s) => s.comparing);

  return (
    <div className="reports-page">
      <div className="reports-top">
        <ExportPanel store={store} />
        <OpenPanel store={store} />
      </div>
      {opened?.kind === 'report' ? (
        <SavedReportView fileName={opened.fileName} report={opened.report} diff={opened.diff} capture={opened.capture ?? null} comparing={comparing} onCompare={() => void store.getState().compareAgain()} />
      ) : null}
      {opened?.kind === 'nmap' ? (
        <>
          {opened.warnings.length ? (
            <ul className="report-warnings" aria-label={t('ui.reports.importWarnings')}>
              {opened.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          ) : null}
          <ScanSection scan={opened.scan} heading={t('ui.reports.nmapFrom', { name: opened.fileName })} fileName={opened.fileName} />
        </>
      ) : null}
      {!opened ? <p className="muted empty-page">{t('ui.reports.empty')}</p> : null}
    </div>
  );
}
