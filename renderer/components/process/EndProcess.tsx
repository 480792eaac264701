import type { ProcessInfo } from '../../../shared/contract';
import { Dialog } from '../Dialog';
import { VisibleText } from '../text/VisibleText';
import { useEndProcess } from './useEndProcess';
import { useHello } from '../../app/useHello';

/** `exited`: the process is gone (ended here or on its own): the button stays, disabled, so the outcome keeps its place. */
export function EndProcess({ process, onEnded, exited = false }: { process: ProcessInfo; onEnded: () => void; exited?: boolean }) {
  const { state, ask, cancel, send } = useEndProcess(process, onEnded);
  // The name is hostile text: shown with its hidden characters visible, isolated from "(pid …)".
  const name = <VisibleText text={process.name} />;
  const who = (
    <>
      {name} (pid {process.pid})
    </>
  );
  const hello = useHello();
  const endNote = hello?.platform === 'win32' ? (hello.capabilities?.endProcess.note ?? null) : null;
  // A remote agent without --allow-control refuses it: say so instead of offering a button.
  if (hello?.control === false) return <p className="muted">{hello.capabilities?.endProcess.note ?? 'This machine\u2019s agent is read-only.'}</p>;
  return (
    <>
      <button
        type="button"
        className="danger"
        onClick={() => ask('SIGTERM')}
        disabled={exited || state.step === 'sending' || state.step === 'waiting'}
        title={exited ? `${process.name} (pid ${process.pid}) has exited` : undefined}
      >
        End process…
      </button>
      <div className="end-status" aria-live="polite">
        {state.step === 'sending' ? <>Sending {state.signal} to {who}…</> : null}
        {state.step === 'waiting' ? <>SIGTERM sent. Waiting for {who} to exit…</> : null}
        {exited && state.step !== 'done' ? <span className="muted">{who} has exited.</span> : null}
        {state.step === 'still-running' && !exited ? (
          <span role="alert">
            {who} is still running.{' '}
            <button type="button" className="danger" onClick={() => ask('SIGKILL')}>
              Force kill (SIGKILL)…
            </button>
          </span>
        ) : null}
        {state.step === 'done' ? <span className={state.ok ? 'ok-text' : 'error-text'}>{state.message}</span> : null}
      </div>
      {state.step === 'confirm' ? (
        <Dialog
          title={state.signal === 'SIGTERM' ? <>End {name}?</> : <>Force-kill {name}?</>}
          onCancel={cancel}
          actions={
            <>
              <button type="button" data-autofocus onClick={cancel}>
                Cancel
              </button>
              <button type="button" className="danger" onClick={() => void send(state.signal)}>
                {state.signal === 'SIGTERM' ? <>End {name}</> : <>Kill {name}</>}
              </button>
            </>
          }
        >
          {endNote ? (
            // Windows has no SIGTERM: say what End really does there (TerminateProcess).
            <p>{endNote}</p>
          ) : state.signal === 'SIGTERM' ? (
            <p>
              Portscope will ask <strong>{who}</strong> to exit (SIGTERM). Its connections close and any service it provides stops.
            </p>
          ) : (
            <p>
              <strong>{who}</strong> did not exit. SIGKILL stops it at once, without a chance to save its work or close cleanly.
            </p>
          )}
          <p className="muted">Command line: {process.commandLine ? <VisibleText text={process.commandLine} className="mono" /> : '(not readable)'}</p>
        </Dialog>
      ) : null}
    </>
  );
}
