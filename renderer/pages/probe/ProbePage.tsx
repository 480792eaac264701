import { useServices, useProbes, useUi } from '../../app/services';
import { AuthorizationDialog } from '../../components/AuthorizationDialog';
import { formatMs } from '../../format/time';
import { RttChart } from './RttChart';
import { ProbeForm } from './ProbeForm';

const OUTCOME_ICON: Record<string, string> = { connected: '✓', reply: '✓' };

export function ProbePage() {
  const { probes } = useServices();
  const initial = useUi((s) => s.probeTarget);
  const phase = useProbes((s) => s.phase);
  const attempts = useProbes((s) => s.attempts);
  const result = useProbes((s) => s.result);
  const error = useProbes((s) => s.error);
  const request = useProbes((s) => s.request);
  const authorizationMessage = useProbes((s) => s.authorizationMessage);
  const busy = phase === 'starting' || phase === 'running';
  const okCount = attempts.filter((a) => a.ok).length;

  return (
    <div className="probe-page">
      <ProbeForm initial={initial} last={request} busy={busy} onStart={(r) => void probes.getState().start(r)} onCancel={() => void probes.getState().cancel()} />
      {phase === 'needs-authorization' ? (
        <AuthorizationDialog what="Probe" message={authorizationMessage} onConfirm={() => void probes.getState().authorize()} onCancel={() => probes.getState().declineAuthorization()} />
      ) : null}
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
      {request && phase !== 'idle' ? (
        <p className="probe-status" role="status">
          {request.host}:{request.port}/{request.protocol ?? 'tcp'} —{' '}
          {result?.cancelled
            ? `cancelled after ${attempts.length} attempt${attempts.length === 1 ? '' : 's'} (${okCount} answered)`
            : `${okCount} of ${attempts.length} attempts answered`}
          {result ? `. ${result.verdict}` : busy ? '…' : ''}
        </p>
      ) : null}
      {result ? (
        <dl className="stats">
          <dt>Sent</dt>
          <dd>{result.sent}</dd>
          <dt>Answered</dt>
          <dd>{result.received}</dd>
          <dt>Loss</dt>
          <dd>{Math.round(result.loss * 100)}%</dd>
          <dt>RTT min / avg / max</dt>
          <dd>{result.rtt ? `${formatMs(result.rtt.minMs)} / ${formatMs(result.rtt.avgMs)} / ${formatMs(result.rtt.maxMs)}` : '—'}</dd>
          {result.address ? (
            <>
              <dt>Address</dt>
              <dd>{result.address}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {result?.banner ? (
        <section className="panel" aria-label="Banner">
          <h2>Banner</h2>
          <pre className="banner-text">{result.banner}</pre>
        </section>
      ) : null}
      <RttChart attempts={attempts} />
      {attempts.length > 0 ? (
        <section className="panel" aria-label="Attempts">
          <h2>Attempts</h2>
          <ol className="attempts">
            {attempts
              .slice(-200)
              .reverse()
              .map((a) => (
                <li key={a.seq} className={a.ok ? 'ok-text' : 'error-text'}>
                  <span aria-hidden="true">{OUTCOME_ICON[a.outcome] ?? '✗'} </span>#{a.seq} {a.message}
                </li>
              ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
