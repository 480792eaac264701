import { useEffect, useId, useState, type FormEvent } from 'react';
import type { DiagnoseStep } from '../../../shared/contract';
import { useDiagnoses, useServices, useUi } from '../../app/services';
import { formatDuration } from '../../format/time';
import { localTimes } from './localTimes';
import { VisibleText } from '../../components/text/VisibleText';

const STATUS_ICON: Record<DiagnoseStep['status'], string> = { ok: '✓', warn: '⚠', fail: '✗', skip: '–' };
const STATUS_TEXT: Record<DiagnoseStep['status'], string> = { ok: 'passed', warn: 'warning', fail: 'failed', skip: 'skipped' };
/** "Diagnose this port" requests already started (each request object once). */
const started = new WeakSet<object>();

/** Engine text holds process names and command lines: hostile, shown with hidden characters visible. */
function StepText({ text }: { text: string }) {
  return <VisibleText text={localTimes(text)} />;
}

const VERDICT_TEXT = { ok: 'Reachable', 'not-listening': 'Nothing listens', 'local-only': 'This machine only', blocked: 'Blocked', unknown: 'Unclear' } as const;

export function DiagnosePage() {
  const { diagnoses } = useServices();
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
      <form className="form panel" onSubmit={submit} aria-label="Diagnose settings">
        <div className="field">
          <label htmlFor={portId}>Port on this machine</label>
          <input id={portId} value={port} onChange={(e) => setPort(e.target.value)} inputMode="numeric" required size={6} aria-invalid={port !== '' && !valid} />
        </div>
        <fieldset className="field">
          <legend>Protocol</legend>
          <label className="check">
            <input type="radio" name="diag-protocol" checked={protocol === 'tcp'} onChange={() => setProtocol('tcp')} /> TCP
          </label>
          <label className="check">
            <input type="radio" name="diag-protocol" checked={protocol === 'udp'} onChange={() => setProtocol('udp')} /> UDP
          </label>
        </fieldset>
        <div className="field">
          <label className="check" htmlFor={loopbackId} title="Connect to 127.0.0.1 and ::1 only, not to this machine's other addresses">
            <input id={loopbackId} type="checkbox" checked={loopbackOnly} onChange={(e) => setLoopbackOnly(e.target.checked)} /> Loopback only
          </label>
        </div>
        <div className="field buttons">
          <button type="submit" className="primary" disabled={!valid || phase === 'running'}>
            Diagnose
          </button>
        </div>
        <p className="muted grow">Why can&apos;t clients reach my server? Checks whether something listens, who, on which addresses, whether it answers, and the firewall.</p>
      </form>
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
      {result ? (
        <section className={`verdict verdict-${result.verdict}`} role="status" aria-label="Verdict">
          <h2>{VERDICT_TEXT[result.verdict]}</h2>
          <p>
            <StepText text={result.summary} />
          </p>
          {result.nextStep ? (
            <p>
              <strong>Next step:</strong> {result.nextStep}
            </p>
          ) : null}
        </section>
      ) : null}
      {phase !== 'idle' ? (
        <section className="panel" aria-label="Checklist">
          <h2>Checklist{phase === 'running' ? ' (running…)' : ''}</h2>
          <ol className="checklist">
            {steps.map((s, i) =>
              s ? (
                <li key={s.id} className={`step step-${s.status}`}>
                  <span className="step-icon" aria-hidden="true">
                    {STATUS_ICON[s.status]}
                  </span>
                  <div>
                    <p>
                      <strong>{s.name}</strong> <span className="sr-only">({STATUS_TEXT[s.status]})</span>
                      <span className="muted"> · {formatDuration(s.durationMs)}</span>
                    </p>
                    <p>
                      <StepText text={s.message} />
                    </p>
                    {s.details.length > 0 ? (
                      <details>
                        <summary>Details</summary>
                        <ul className="mono">
                          {s.details.map((d, j) => (
                            <li key={j}>
                              <StepText text={d} />
                            </li>
                          ))}
                        </ul>
                      </details>
                    ) : null}
                  </div>
                </li>
              ) : (
                <li key={`pending-${i}`} className="step step-pending">
                  …
                </li>
              ),
            )}
            {phase === 'running' ? <li className="step step-pending">Checking…</li> : null}
          </ol>
        </section>
      ) : (
        <p className="muted empty-page">Enter a port that should be reachable and press Diagnose.</p>
      )}
    </div>
  );
}
