import { useEffect, useId, useState, type FormEvent } from 'react';
import type { DiagnoseStep } from '../../../shared/contract';
import { useDiagnoses, useServices, useUi } from '../../app/services';
import { formatDuration } from '../../format/time';
import { localTimes } from './localTimes';
import { VisibleText } from '../../components/text/VisibleText';
import { useT } from '../../i18n/useT';

const STATUS_ICON: Record<DiagnoseStep['status'], string> = { ok: '✓', warn: '⚠', fail: '✗', skip: '–' };
const STATUS_TEXT = {
  ok: 'ui.diagnose.status.ok',
  warn: 'ui.diagnose.status.warn',
  fail: 'ui.diagnose.status.fail',
  skip: 'ui.diagnose.status.skip',
} as const satisfies Record<DiagnoseStep['status'], string>;
const PENDING = '…';
const SEPARATOR = ' · ';
const PROTO = { tcp: 'TCP', udp: 'UDP' } as const;
/** "Diagnose this port" requests already started (each request object once). */
const started = new WeakSet<object>();

/** Engine text holds process names and command lines: hostile, shown with hidden characters visible. */
function StepText({ text }: { text: string }) {
  const t = useT();
  return <VisibleText text={localTimes(t.fmt, text)} />;
}

const VERDICT_TEXT = {
  ok: 'ui.diagnose.verdict.ok',
  'not-listening': 'ui.diagnose.verdict.notListening',
  'local-only': 'ui.diagnose.verdict.localOnly',
  blocked: 'ui.diagnose.verdict.blocked',
  unknown: 'ui.diagnose.verdict.unknown',
} as const;

export function DiagnosePage() {
  const { diagnoses } = useServices();
  const t = useT();
  const initial = useUi((s) => s.diagnoseTarget);
  const phase = useDiagnoses((s) => s.phase);
  const steps = useDiagnoses((s) => s.steps);
  const result = useDiagnoses((s) => s.result);
  const error = useDiagnoses((s) => s.error);
  const lastRequest = useDiagnoses((s) => s.request);
  const [port, setPort] = useState(lastRequest ? String(lastRequest.port) : initial ? String(initial.port) : '');
  const [protocol, setProtocol] = useState<'tcp' | 'udp'>(lastRequest?.protocol ?? initial?.protocol ?? 'tcp');
  const [loopbackOnly, setLoopbackOnly] = useState(lastRequest?.loopbackOnly ?? false);
  const loopbackId = useId();
  const portId = useId();

  useEffect(() => {
    if (!initial || started.has(initial)) return;
    started.add(initial);
    setPort(String(initial.port));
    setProtocol(initial.protocol);
    // Arriving from "diagnose this port" starts the diagnosis: that is what was asked for.
    // Once: coming back to this page later shows that result rather than running it again.
    void diagnoses.getState().run({ port: initial.port, protocol: initial.protocol, loopbackOnly });
    // loopbackOnly is read once, when the request arrives; ticking the box later does not rerun.
  }, [initial, diagnoses]);

  const portNum = Number(port);
  const valid = Number.isInteger(portNum) && portNum >= 1 && portNum <= 65535;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) void diagnoses.getState().run({ port: portNum, protocol, loopbackOnly });
  };

  return (
    <div className="diagnose-page">
      <form className="form panel" onSubmit={submit} aria-label={t('ui.diagnose.form.label')}>
        <div className="field">
          <label htmlFor={portId}>{t('ui.diagnose.form.port')}</label>
          <input id={portId} value={port} onChange={(e) => setPort(e.target.value)} inputMode="numeric" required size={6} aria-invalid={port !== '' && !valid} />
        </div>
        <fieldset className="field">
          <legend>{t('ui.common.protocol')}</legend>
          <label className="check">
            <input type="radio" name="diag-protocol" checked={protocol === 'tcp'} onChange={() => setProtocol('tcp')} /> {PROTO.tcp}
          </label>
          <label className="check">
            <input type="radio" name="diag-protocol" checked={protocol === 'udp'} onChange={() => setProtocol('udp')} /> {PROTO.udp}
          </label>
        </fieldset>
        <div className="field">
          <label className="check" htmlFor={loopbackId} title={t('ui.diagnose.form.loopbackTitle')}>
            <input id={loopbackId} type="checkbox" checked={loopbackOnly} onChange={(e) => setLoopbackOnly(e.target.checked)} /> {t('ui.diagnose.form.loopback')}
          </label>
        </div>
        <div className="field buttons">
          <button type="submit" className="primary" disabled={!valid || phase === 'running'}>
            {t('ui.diagnose.form.run')}
          </button>
        </div>
        <p className="muted grow">{t('ui.diagnose.form.intro')}</p>
      </form>
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
      {result ? (
        <section className={`verdict verdict-${result.verdict}`} role="status" aria-label={t('ui.diagnose.verdict.label')}>
          <h2>{t(VERDICT_TEXT[result.verdict])}</h2>
          <p>
            <StepText text={t.engineKeyed(result.summaryText, result.summary)} />
          </p>
          {result.nextStep ? (
            <p>{t.rich('ui.diagnose.nextStep', { strong: (chunks) => <strong>{chunks}</strong>, step: t.engineKeyed(result.nextStepText, result.nextStep) })}</p>
          ) : null}
        </section>
      ) : null}
      {phase !== 'idle' ? (
        <section className="panel" aria-label={t('ui.diagnose.checklist')}>
          <h2>{phase === 'running' ? t('ui.diagnose.checklistRunning') : t('ui.diagnose.checklist')}</h2>
          <ol className="checklist">
            {steps.map((s, i) =>
              s ? (
                <li key={s.id} className={`step step-${s.status}`}>
                  <span className="step-icon" aria-hidden="true">
                    {STATUS_ICON[s.status]}
                  </span>
                  <div>
                    <p>
                      <strong>{t.engineKeyed(s.nameKey ? { key: s.nameKey } : undefined, s.name)}</strong>{' '}
                      <span className="sr-only">{t('ui.diagnose.stepStatus', { status: t(STATUS_TEXT[s.status]) })}</span>
                      <span className="muted">
                        {SEPARATOR}
                        {formatDuration(t.fmt, s.durationMs)}
                      </span>
                    </p>
                    <p>
                      <StepText text={t.engine(s)} />
                    </p>
                    {s.details.length > 0 ? (
                      <details>
                        <summary>{t('ui.common.details')}</summary>
                        <ul className="mono">
                          {s.details.map((d, j) => (
                            <li key={j}>
                              <StepText text={t.engineKeyed(s.detailTexts?.[j] ?? undefined, d)} />
                            </li>
                          ))}
                        </ul>
                      </details>
                    ) : null}
                  </div>
                </li>
              ) : (
                <li key={`pending-${i}`} className="step step-pending">
                  {PENDING}
                </li>
              ),
            )}
            {phase === 'running' ? <li className="step step-pending">{t('ui.diagnose.checking')}</li> : null}
          </ol>
        </section>
      ) : (
        <p className="muted empty-page">{t('ui.diagnose.empty')}</p>
      )}
    </div>
  );
}
