import { useServices, useProbes, useUi } from '../../app/services';
import { AuthorizationDialog } from '../../components/AuthorizationDialog';
import { formatMs } from '../../format/time';
import { useT } from '../../i18n/useT';
import { RttChart } from './RttChart';
import { ProbeForm } from './ProbeForm';

const OUTCOME_ICON: Record<string, string> = { connected: '✓', reply: '✓' };
const FAILED_ICON = '✗';
const NONE = '—';

/** The verdict as a catalog key, where the engine sends one (`verdictText`, optional on the wire). */
function verdictText(result: object): { key: string; values?: Record<string, string | number> } | undefined {
  const text = (result as { verdictText?: unknown }).verdictText;
  return typeof text === 'object' && text !== null && typeof (text as { key?: unknown }).key === 'string' ? (text as { key: string; values?: Record<string, string | number> }) : undefined;
}

export function ProbePage() {
  const { probes } = useServices();
  const t = useT();
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
        <AuthorizationDialog what={t('ui.probe.confirm')} message={authorizationMessage} onConfirm={() => void probes.getState().authorize()} onCancel={() => probes.getState().declineAuthorization()} />
      ) : null}
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
      {request && phase !== 'idle' ? (
        <p className="probe-status" role="status">
          {t('ui.probe.status', {
            target: `${request.host}:${request.port}/${request.protocol ?? 'tcp'}`,
            progress: result?.cancelled ? t('ui.probe.cancelledAfter', { count: attempts.length, answered: okCount }) : t('ui.probe.answered', { answered: okCount, count: attempts.length }),
          })}
          {result ? t('ui.probe.verdict', { verdict: t.engineKeyed(verdictText(result), result.verdict) }) : busy ? t('ui.probe.busy') : null}
        </p>
      ) : null}
      {result ? (
        <dl className="stats">
          <dt>{t('ui.probe.stats.sent')}</dt>
          <dd>{t.fmt.number(result.sent)}</dd>
          <dt>{t('ui.probe.stats.answered')}</dt>
          <dd>{t.fmt.number(result.received)}</dd>
          <dt>{t('ui.probe.stats.loss')}</dt>
          <dd>{t.fmt.percent(result.loss)}</dd>
          <dt>{t('ui.probe.stats.rtt')}</dt>
          <dd>{result.rtt ? t('ui.probe.stats.rttValue', { min: formatMs(t.fmt, result.rtt.minMs), avg: formatMs(t.fmt, result.rtt.avgMs), max: formatMs(t.fmt, result.rtt.maxMs) }) : NONE}</dd>
          {result.address ? (
            <>
              <dt>{t('ui.dashboard.col.address')}</dt>
              <dd>{result.address}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {result?.banner ? (
        <section className="panel" aria-label={t('ui.probe.banner')}>
          <h2>{t('ui.probe.banner')}</h2>
          <pre className="banner-text">{result.banner}</pre>
        </section>
      ) : null}
      <RttChart attempts={attempts} />
      {attempts.length > 0 ? (
        <section className="panel" aria-label={t('ui.probe.form.attempts')}>
          <h2>{t('ui.probe.form.attempts')}</h2>
          <ol className="attempts">
            {attempts
              .slice(-200)
              .reverse()
              .map((a) => (
                <li key={a.seq} className={a.ok ? 'ok-text' : 'error-text'}>
                  <span aria-hidden="true">{OUTCOME_ICON[a.outcome] ?? FAILED_ICON} </span>
                  {t('ui.probe.attempt', { seq: a.seq, message: t.engine(a) })}
                </li>
              ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
