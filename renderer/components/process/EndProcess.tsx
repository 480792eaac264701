import type { ProcessInfo } from '../../../shared/contract';
import { Dialog } from '../Dialog';
import { VisibleText } from '../text/VisibleText';
import { useEndProcess } from './useEndProcess';
import { useHello } from '../../app/useHello';
import { useT } from '../../i18n/useT';

/** `exited`: the process is gone (ended here or on its own): the button stays, disabled, so the outcome keeps its place. */
export function EndProcess({ process, onEnded, exited = false }: { process: ProcessInfo; onEnded: () => void; exited?: boolean }) {
  const t = useT();
  const { state, ask, cancel, send } = useEndProcess(process, onEnded);
  // The name is hostile text: shown with its hidden characters visible, isolated from "(pid …)".
  const name = <VisibleText text={process.name} />;
  const who = t.rich('ui.process.end.who', { name, pid: process.pid });
  const strongWho = <strong>{who}</strong>;
  const hello = useHello();
  const endCapability = hello?.capabilities?.endProcess ?? null;
  const capabilityNote = endCapability?.note ? t.engine({ ...endCapability, message: endCapability.note }) : null;
  const endNote = hello?.platform === 'win32' ? capabilityNote : null;
  // A remote agent without --allow-control refuses it: say so instead of offering a button.
  if (hello?.control === false) return <p className="muted">{capabilityNote ?? t('ui.process.end.readOnlyAgent')}</p>;
  return (
    <>
      <button
        type="button"
        className="danger"
        onClick={() => ask('SIGTERM')}
        disabled={exited || state.step === 'sending' || state.step === 'waiting'}
        title={exited ? t('ui.process.end.exitedTitle', { name: process.name, pid: process.pid }) : undefined}
      >
        {t('ui.process.end.button')}
      </button>
      <div className="end-status" aria-live="polite">
        {state.step === 'sending' ? t.rich('ui.process.end.sending', { signal: state.signal, who }) : null}
        {state.step === 'waiting' ? t.rich('ui.process.end.waiting', { who }) : null}
        {exited && state.step !== 'done' ? <span className="muted">{t.rich('ui.process.end.exited', { who })}</span> : null}
        {state.step === 'still-running' && !exited ? (
          <span role="alert">
            {t.rich('ui.process.end.stillRunning', { who })}{' '}
            <button type="button" className="danger" onClick={() => ask('SIGKILL')}>
              {t('ui.process.end.forceKill')}
            </button>
          </span>
        ) : null}
        {state.step === 'done' ? <span className={state.ok ? 'ok-text' : 'error-text'}>{state.message}</span> : null}
      </div>
      {state.step === 'confirm' ? (
        <Dialog
          title={state.signal === 'SIGTERM' ? t.rich('ui.process.end.confirmTerm', { name }) : t.rich('ui.process.end.confirmKill', { name })}
          onCancel={cancel}
          actions={
            <>
              <button type="button" data-autofocus onClick={cancel}>
                {t('ui.common.cancel')}
              </button>
              <button type="button" className="danger" onClick={() => void send(state.signal)}>
                {state.signal === 'SIGTERM' ? t.rich('ui.process.end.doTerm', { name }) : t.rich('ui.process.end.doKill', { name })}
              </button>
            </>
          }
        >
          {endNote ? (
            // Windows has no SIGTERM: say what End really does there (TerminateProcess).
            <p>{endNote}</p>
          ) : state.signal === 'SIGTERM' ? (
            <p>{t.rich('ui.process.end.termExplained', { who: strongWho })}</p>
          ) : (
            <p>{t.rich('ui.process.end.killExplained', { who: strongWho })}</p>
          )}
          <p className="muted">
            {t.rich('ui.process.end.commandLine', {
              commandLine: process.commandLine ? <VisibleText text={process.commandLine} className="mono" /> : t('ui.process.end.notReadable'),
            })}
          </p>
        </Dialog>
      ) : null}
    </>
  );
}
