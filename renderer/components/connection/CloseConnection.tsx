import { useEffect, useRef } from 'react';
import type { SocketRow } from '../../../shared/contract';
import { useHello } from '../../app/useHello';
import { localEndpoint, processLabel, remoteEndpoint } from '../../format/socket';
import { Dialog } from '../Dialog';
import { VisibleText } from '../text/VisibleText';
import { CLOSE_OUTCOME_TEXT, useCloseConnection } from './useCloseConnection';

/**
 * "Close connection…" for one established TCP connection: a confirmation that names the process
 * and both endpoints, then the outcome in words (closed, denied, gone already …). Disabled, with
 * the reason, where the engine says this system cannot do it.
 */
export function CloseConnection({ row, localName, remoteName, gone = false }: { row: SocketRow; localName: string | null; remoteName: string | null; gone?: boolean }) {
  const { state, ask, cancel, close } = useCloseConnection(row);
  const capability = useHello()?.capabilities?.closeConnection;
  const button = useRef<HTMLButtonElement>(null);
  // The button is disabled while the call runs, which drops the focus to <body>: give it back.
  useEffect(() => {
    if (state.step === 'done' && document.activeElement === document.body && button.current && !button.current.disabled) button.current.focus();
  }, [state.step]);
  const unavailable = capability && !capability.available ? (capability.note ?? 'This system cannot close connections from Portscope.') : null;
  const who =
    row.processName !== null ? (
      <>
        <VisibleText text={row.processName} />
        {row.pid !== null ? ` (pid ${row.pid})` : ''}
      </>
    ) : (
      processLabel(row)
    );
  const endpoint = (text: string, name: string | null) => (
    <>
      <span className="mono">{text}</span>
      {name ? (
        <>
          {' — '}
          <VisibleText text={name} />
        </>
      ) : null}
    </>
  );
  return (
    <>
      <button ref={button} type="button" className="danger" onClick={ask} disabled={gone || unavailable !== null || state.step === 'closing'}
        title={gone ? 'The connection has closed' : undefined} aria-describedby={unavailable ? 'close-unavailable' : undefined}>
        Close connection…
      </button>
      <div className="end-status" aria-live="polite">
        {unavailable ? (
          <span id="close-unavailable" className="muted">
            Closing is not available here: {unavailable}
          </span>
        ) : null}
        {state.step === 'closing' ? <>Closing the connection…</> : null}
        {gone && state.step !== 'done' ? <span className="muted">The connection has closed.</span> : null}
        {state.step === 'done' ? (
          <span role={state.ok ? 'status' : 'alert'} className={state.ok ? 'ok-text' : 'error-text'} data-outcome={state.outcome}>
            <strong>{CLOSE_OUTCOME_TEXT[state.outcome]}</strong>
            {state.message ? <> {state.message}</> : null}
          </span>
        ) : null}
      </div>
      {state.step === 'confirm' ? (
        <Dialog
          title="Close this connection?"
          onCancel={cancel}
          actions={
            <>
              <button type="button" data-autofocus onClick={cancel}>
                Cancel
              </button>
              <button type="button" className="danger" onClick={() => void close()}>
                Close connection
              </button>
            </>
          }
        >
          <p>
            Portscope will abort this TCP connection of <strong>{who}</strong>. Both ends see it reset; the process may reconnect or report an error.
          </p>
          <dl className="fields close-endpoints">
            <dt>Process</dt>
            <dd>{who}</dd>
            <dt>Local</dt>
            <dd>{endpoint(localEndpoint(row), localName)}</dd>
            <dt>Remote</dt>
            <dd>{endpoint(remoteEndpoint(row), remoteName)}</dd>
          </dl>
          <p className="hint">Only this connection is closed: the listener and other connections stay.</p>
        </Dialog>
      ) : null}
    </>
  );
}
