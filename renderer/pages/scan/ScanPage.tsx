import { useMemo } from 'react';
import type { HostResult } from '../../../shared/contract';
import { useServices, useScans } from '../../app/services';
import { AuthorizationDialog } from '../../components/AuthorizationDialog';
import { formatDuration } from '../../format/time';
import { useT } from '../../i18n/useT';
import { ScanCharts } from './ScanCharts';
import { ScanForm } from './ScanForm';
import { ScanHistory } from './ScanHistory';
import { ScanProgressView } from './ScanProgressView';
import { ScanResults } from './ScanResults';

export function ScanPage() {
  const { scans } = useServices();
  const t = useT();
  const phase = useScans((s) => s.phase);
  const started = useScans((s) => s.started);
  const progress = useScans((s) => s.progress);
  const found = useScans((s) => s.found);
  const result = useScans((s) => s.result);
  const error = useScans((s) => s.error);
  const authorizationMessage = useScans((s) => s.authorizationMessage);
  const confirmation = useScans((s) => s.confirmation);
  const history = useScans((s) => s.history);
  const busy = phase === 'starting' || phase === 'running' || phase === 'cancelling';

  // While running, the table shows open ports as they are found; the final result replaces them.
  const results = result?.results ?? found;
  const hosts: HostResult[] = useMemo(() => result?.hosts ?? [], [result]);

  return (
    <div className="scan-page">
      <ScanForm busy={busy} canCancel={phase === 'running'} onStart={(r) => void scans.getState().start(r)} onCancel={() => void scans.getState().cancel()} />
      {phase === 'needs-authorization' ? (
        <AuthorizationDialog
          key={confirmation ?? 'public'}
          kind={confirmation ?? 'public'}
          what={t('ui.scan.confirm')}
          message={authorizationMessage}
          onConfirm={() => void scans.getState().authorize()}
          onCancel={() => scans.getState().declineAuthorization()}
        />
      ) : null}
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
      <ScanProgressView started={started} progress={progress} phase={phase} cancelled={result?.cancelled ?? false} />
      {result ? (
        <p className="scan-summary" role="status">
          {[
            result.cancelled ? t('ui.scan.cancelled') : '',
            t('ui.scan.summary', {
              open: result.summary.counts.open,
              closed: result.summary.counts.closed,
              filtered: result.summary.counts.filtered,
              openFiltered: result.summary.counts['open|filtered'],
              up: result.summary.hostsUp,
              down: result.summary.hostsDown,
              duration: formatDuration(t.fmt, result.summary.durationMs),
            }),
            ...result.warnings,
          ]
            .filter((part) => part !== '')
            .join(' ')}
        </p>
      ) : null}
      {phase === 'idle' && history.length === 0 ? (
        <p className="muted empty-page">{t('ui.scan.empty')}</p>
      ) : null}
      {result ? <ScanCharts hosts={hosts} results={result.results} /> : null}
      {started || result ? <ScanResults results={results} hosts={hosts} protocol={result?.protocol ?? 'tcp'} running={busy} /> : null}
      <ScanHistory history={history} />
    </div>
  );
}
