import type { ScanProgress, ScanStartResponse } from '../../../shared/contract';
import { formatDuration } from '../../format/time';

export function ScanProgressView({ started, progress, phase, cancelled = false }: { started: ScanStartResponse | null; progress: ScanProgress | null; phase: string; cancelled?: boolean }) {
  if (!started) return phase === 'starting' ? <p role="status">Resolving targets…</p> : null;
  const done = progress?.done ?? 0;
  const total = progress?.total ?? started.total;
  const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
  return (
    <div className="scan-progress" role="group" aria-label="Scan progress">
      <progress max={Math.max(total, 1)} value={phase === 'done' && !cancelled ? Math.max(total, 1) : done} aria-label="Probes done" />
      <span aria-live="polite">
        {phase === 'done' ? (cancelled ? 'Cancelled' : 'Finished') : phase === 'cancelling' ? 'Cancelling…' : `${pct}%`} · {done.toLocaleString()} / {total.toLocaleString()} probes · {started.hostCount.toLocaleString()} host
        {started.hostCount === 1 ? '' : 's'} × {started.portCount.toLocaleString()} ports
        {progress ? ` · ${progress.open} open · ${progress.phase === 'hints' ? 'reading service hints' : `${Math.round(progress.ratePerSec).toLocaleString()}/s`}` : ''}
        {progress && progress.etaMs !== null && phase === 'running' ? ` · about ${formatDuration(progress.etaMs)} left` : ''}
      </span>
      {started.warnings.map((w) => (
        <p key={w} className="muted">
          {w}
        </p>
      ))}
    </div>
  );
}
