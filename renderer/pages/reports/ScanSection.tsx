import type { ReportScan } from '../../../shared/contract';
import { useScans, useServices } from '../../app/services';
import { scanViewBusy, showInScanView } from '../../features/reports/scanView';
import { formatDateTime, formatDuration } from '../../format/time';
import { VisibleText } from '../../components/text/VisibleText';
import { ScanCharts } from '../scan/ScanCharts';
import { ScanResults } from '../scan/ScanResults';
import { useT } from '../../i18n/useT';

/** A finished scan (Portscope's own, or imported nmap XML) with the scan page's charts and table. */
export function ScanSection({ scan, heading, fileName }: { scan: ReportScan; heading: string; fileName: string }) {
  const { scans, ui } = useServices();
  const t = useT();
  const busy = useScans((s) => scanViewBusy(s.phase));
  const { result } = scan;
  const c = result.summary.counts;
  const closedOmitted = result.hosts.reduce((n, h) => n + h.closedOmitted, 0);
  return (
    <section className="report-view" aria-label={heading}>
      <div className="panel">
        <div className="report-head">
          <h2><VisibleText text={heading} /></h2>
          <button
            type="button"
            disabled={busy}
            title={busy ? t('ui.reports.scan.busy') : undefined}
            onClick={() => {
              if (showInScanView(scans, scan, fileName)) ui.getState().navigate('scan');
            }}
          >
            {t('ui.reports.scan.open')}
          </button>
        </div>
        <dl className="fields report-fields">
          <dt>{t('ui.reports.scan.target')}</dt>
          <dd><VisibleText text={scan.target || '—'} /></dd>
          <dt>{t('ui.reports.scan.scanner')}</dt>
          <dd><VisibleText text={scan.scanner ?? (scan.source === 'nmap' ? 'nmap' : 'Portscope')} /></dd>
          {scan.command ? (
            <>
              <dt>{t('ui.reports.scan.command')}</dt>
              <dd>
                <code className="cmd-line"><VisibleText text={scan.command} /></code>
              </dd>
            </>
          ) : null}
          <dt>{t('ui.process.field.started')}</dt>
          <dd>{formatDateTime(t.fmt, result.startedAt)}</dd>
          <dt>{t('ui.common.protocol')}</dt>
          <dd>{result.protocol.toUpperCase()}</dd>
        </dl>
        <p className="scan-summary" role="status">
          {result.cancelled ? t('ui.scan.cancelled') : null}
          {result.cancelled ? ' ' : null}
          {t('ui.scan.summary', {
            open: c.open,
            closed: c.closed,
            filtered: c.filtered,
            openFiltered: c['open|filtered'],
            up: result.summary.hostsUp,
            down: result.summary.hostsDown,
            duration: formatDuration(t.fmt, result.summary.durationMs),
          })}
        </p>
        {result.warnings.length ? (
          <ul className="report-warnings">
            {result.warnings.map((w, i) => (
              <li key={i}><VisibleText text={w} /></li>
            ))}
          </ul>
        ) : null}
      </div>
      <ScanCharts hosts={result.hosts} results={result.results} />
      <ScanResults results={result.results} closedOmitted={closedOmitted} />
    </section>
  );
}
