import type { ReportScan } from '../../../shared/contract';
import type { ScanStore } from '../../stores/scan/store';
import { currentLang } from '../../i18n/current';
import { plainT } from '../../i18n/plain';

/**
 * Shows an imported scan (nmap XML, or the scan inside a saved report) on the Scan page, as if it
 * had just finished there: the scan page's summary, charts and table then show it. Refused while a
 * scan of the user's is starting or running, so it is never overwritten.
 */
export function showInScanView(scans: ScanStore, scan: ReportScan, fileName: string): boolean {
  if (scanViewBusy(scans.getState().phase)) return false;
  const t = plainT(currentLang());
  const origin = scan.scanner ? t('ui.reports.importedWith', { name: fileName, scanner: scan.scanner }) : t('ui.reports.imported', { name: fileName });
  scans.setState({
    phase: 'done',
    request: null,
    started: null,
    progress: null,
    found: [],
    result: { ...scan.result, warnings: [origin, ...scan.result.warnings] },
    error: null,
    authorizationMessage: null,
  });
  return true;
}

export function scanViewBusy(phase: string): boolean {
  return phase === 'starting' || phase === 'running' || phase === 'cancelling' || phase === 'needs-authorization';
}
