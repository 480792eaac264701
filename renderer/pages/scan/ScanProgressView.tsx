import type { ScanProgress, ScanStartResponse } from '../../../shared/contract';
import { formatDuration } from '../../format/time';
import { useT } from '../../i18n/useT';

export function ScanProgressView({ started, progress, phase, cancelled = false }: { started: ScanStartResponse | null; progress: ScanProgress | null; phase: string; cancelled?: boolean }) {
  const t = useT();
  if (!started) return phase === 'starting' ? <p role="status">{t('ui.scan.progress.resolving')}</p> : null;
  const done = progress?.done ?? 0;
  const total = progress?.total ?? started.total;
  const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
  return (
    <div className="scan-progress" role="group" aria-label={t('ui.scan.progress.label')}>
      <progress max={Math.max(total, 1)} value={phase === 'done' && !cancelled ? Math.max(total, 1) : done} aria-label={t('ui.scan.progress.bar')} />
      <span aria-live="polite">
        {[
          phase === 'done' ? (cancelled ? t('ui.scan.progress.cancelled') : t('ui.scan.progress.finished')) : phase === 'cancelling' ? t('ui.scan.progress.cancelling') : t.fmt.percent(pct / 100),
          t('ui.scan.progress.probes', { done, total }),
          t('ui.scan.progress.size', { hosts: started.hostCount, ports: started.portCount }),
          progress ? t('ui.scan.progress.open', { count: progress.open }) : '',
          progress ? (progress.phase === 'hints' ? t('ui.scan.progress.hints') : t('ui.scan.progress.rate', { rate: Math.round(progress.ratePerSec) })) : '',
          progress && progress.etaMs !== null && phase === 'running' ? t('ui.scan.progress.eta', { time: formatDuration(t.fmt, progress.etaMs) }) : '',
        ]
          .filter((part) => part !== '')
          .join(' · ')}
      </span>
      {started.warnings.map((w) => (
        <p key={w} className="muted">
          {w}
        </p>
      ))}
    </div>
  );
}
