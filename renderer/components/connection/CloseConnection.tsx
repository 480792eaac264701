import { useEffect, useRef } from 'react';
import type { SocketRow } from '../../../shared/contract';
import { useHello } from '../../app/useHello';
import { localEndpoint, processLabel, remoteEndpoint } from '../../format/socket';
import { Dialog } from '../Dialog';
import { VisibleText } from '../text/VisibleText';
import { CLOSE_OUTCOME_TEXT, useCloseConnection } from './useCloseConnection';
import { useT } from '../../i18n/useT';

const DASH = ' — ';

/**
 * "Close connection…" for one established TCP connection: a confirmation that names the process
 * and both endpoints, then the outcome in words (closed, denied, gone already …). Disabled, with
 * the reason, where the engine says this system cannot do it.
 */
export function CloseConnection({ row, localName, remoteName, gone = false }: { row: SocketRow; localName: string | null; remoteName: string | null; gone?: boolean }) {
  const t = useT();
  const { state, ask, cancel, close } = useCloseConnection(row);
  const capability = useHello()?.capabilities?.closeConnection;
  const button = useRef<HTMLButtonElement>(null);
  // The button is disabled while the call runs, which drops the focus to <body>: give it back.
  useEffect(() => {
    if (state.step === 'done' && document.activeElement === document.body && button.current && !button.current.disabled) button.current.focus();
  }, [state.step]);
  const unavailable =
    capability && !capability.available ? (capability.note ? t.engine({ ...capability, message: capability.note }) : t('ui.traffic.close.cannot')) : null;
  const who =
    row.processName !== null ? (
      row.pid !== null ? (
        t.rich('ui.process.end.who', { name: <VisibleText text={row.processName} />, pid: row.pid })
      ) : (
        <VisibleText text={row.processName} />
      )
    ) : (
      processLabel(row, t)
    );
  const endpoint = (text: string, name: string | null) => (
    <>
      <span className="mono">{text}</span>
      {name ? (
        <>
          {DASH}
          <VisibleText text={name} />
        </>
      ) : null}
    </>
  );
  return (
    <>
      <button ref={button} type="button" className="danger" onClick={ask} disabled={gone || unavailable !== null || state.step === 'closing'}
        title={gone ? t('ui.traffic.close.closedTitle') : undefined} aria-describedby={unavailable ? 'close-unavailable' : undefined}>
        {t('ui.traffic.close.button')}
      </button>
      <div className="end-status" aria-live="polite">
        {unavailable ? (
          <span id="close-unavailable" className="muted">
            {t('ui.traffic.close.unavailable', { reason: unavailable })}
          </span>
        ) : null}
        {state.step === 'closing' ? t('ui.traffic.close.closing') : null}
        {gone && state.step !== 'done' ? <span className="muted">{t('ui.traffic.close.hasClosed')}</span> : null}
        {state.step === 'done' ? (
          <span role={state.ok ? 'status' : 'alert'} className={state.ok ? 'ok-text' : 'error-text'} data-outcome={state.outcome}>
            <strong>{t(CLOSE_OUTCOME_TEXT[state.outcome])}</strong>
            {state.message ? ' ' : null}
            {state.message || null}
          </span>
        ) : null}
      </div>
      {state.step === 'confirm' ? (
        <Dialog
          title={t('ui.traffic.close.confirmTitle')}
          onCancel={cancel}
          actions={
            <>
              <button type="button" data-autofocus onClick={cancel}>
                {t('ui.common.cancel')}
              </button>
              <button type="button" className="danger" onClick={() => void close()}>
                {t('ui.traffic.close.confirm')}
              </button>
            </>
          }
        >
          <p>{t.rich('ui.traffic.close.explain', { who: <strong>{who}</strong> })}</p>
          <dl className="fields close-endpoints">
            <dt>{t('ui.dashboard.col.process')}</dt>
            <dd>{who}</dd>
            <dt>{t('ui.dashboard.col.local')}</dt>
            <dd>{endpoint(localEndpoint(row), localName)}</dd>
            <dt>{t('ui.dashboard.col.remote')}</dt>
            <dd>{endpoint(remoteEndpoint(row), remoteName)}</dd>
          </dl>
          <p className="hint">{t('ui.traffic.close.onlyThis')}</p>
        </Dialog>
      ) : null}
    </>
  );
}
