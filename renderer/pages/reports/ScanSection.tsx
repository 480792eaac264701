import type { ReportScan } from '../../../shared/contract';
import { useScans, useServices } from '../../app/services';
import { scanViewBusy, showInScanView } from '../../features/reports/scanView';
import { formatDateTime, formatDuration } from '../../format/time';
import { VisibleText } from '../../components/text/VisibleText';
import { ScanCharts } from '../scan/ScanCharts';
import { ScanResults } from '../scan/ScanResults';

/** A finished scan (Portscope's own, or imported nmap XML) with the scan page's charts and table. */
export function ScanSection({ scan, heading, fileName }: { scan: ReportScan; heading: string; fileName: string }) {
  const { scans, ui } = useServices();
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
            title={busy ? 'A scan is running on the Scan page' : undefined}
            onClick={() => {
              if (showInScanView(scans, scan, fileName)) ui.getState().navigate('scan');
            }}
          >
            Open in the Scan page
          </button>
        </div>
        <dl className="fields report-fields">
          <dt>Target</dt>
          <dd><VisibleText text={scan.target || '—'} /></dd>
          <dt>Scanner</dt>
          <dd><VisibleText text={scan.scanner ?? (scan.source === 'nmap' ? 'nmap' : 'Portscope')} /></dd>
          {scan.command ? (
            <>
              <dt>Command</dt>
              <dd>
                <code className="cmd-line"><VisibleText text={scan.command} /></code>
              </dd>
            </>
          ) : null}
          <dt>Started</dt>
          <dd>{formatDateTime(result.startedAt)}</dd>
          <dt>Protocol</dt>
          <dd>{result.protocol.toUpperCase()}</dd>
        </dl>
        <p className="scan-summary" role="status">
          {result.cancelled ? 'Cancelled. ' : ''}
          {c.open} open, {c.closed} closed, {c.filtered} filtered
          {c['open|filtered'] ? `, ${c['open|filtered']} open|filtered` : ''} on {result.summary.hostsUp} host{result.summary.hostsUp === 1 ? '' : 's'} up ({result.summary.hostsDown} down) in{' '}
          {formatDuration(result.summary.durationMs)}.
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
