import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProcessInfo } from '../../../shared/contract';
import { useServices } from '../../app/services';
import { errorMessage } from '../../format/errors';
import { useT } from '../../i18n/useT';

export type EndStep =
  | { step: 'idle' }
  | { step: 'confirm'; signal: 'SIGTERM' | 'SIGKILL' }
  | { step: 'sending'; signal: 'SIGTERM' | 'SIGKILL' }
  | { step: 'waiting' }
  | { step: 'still-running' }
  | { step: 'done'; ok: boolean; message: string };

/** How long a process gets to honour SIGTERM before Portscope offers SIGKILL. */
export const GRACE_MS = 2_000;

/**
 * Ending a process the way a careful admin does: confirm, SIGTERM, give it a moment, and only
 * if it is still there offer SIGKILL. Every signal carries the start time the user saw, so a
 * pid reused by another process in the meantime is never hit.
 */
export function useEndProcess(process: ProcessInfo, onEnded: () => void) {
  const { client } = useServices();
  const t = useT();
  const [state, setState] = useState<EndStep>({ step: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  useEffect(() => setState({ step: 'idle' }), [process.pid, process.startTime]);

  const stillThere = useCallback(async (): Promise<boolean> => {
    const details = await client.call('process.details', { pid: process.pid });
    return details !== null && details.process.startTime === process.startTime;
  }, [client, process.pid, process.startTime]);

  const send = useCallback(
    async (signal: 'SIGTERM' | 'SIGKILL') => {
      // The engine refuses a signal without the start time (it cannot tell a reused pid apart).
      if (process.startTime === null) {
        setState({ step: 'done', ok: false, message: t('ui.process.end.noStartTime', { name: process.name, pid: process.pid }) });
        return;
      }
      setState({ step: 'sending', signal });
      try {
        const result = await client.call('process.signal', { pid: process.pid, signal, expectedStartTime: process.startTime });
        if (result.outcome === 'exited' || result.outcome === 'ended') {
          setState({
            step: 'done',
            ok: true,
            message:
              result.outcome === 'ended'
                ? t('ui.process.end.ended', { name: process.name, pid: process.pid, signal })
                : t('ui.process.end.alreadyExited', { name: process.name, pid: process.pid }),
          });
          onEnded();
          return;
        }
        if (result.outcome !== 'sent') {
          const why = result.outcome === 'denied' ? t('ui.process.end.denied') : result.outcome === 'changed' ? t('ui.process.end.changed') : '';
          setState({ step: 'done', ok: false, message: `${why} ${t.engine(result)}`.trim() });
          return;
        }
        setState({ step: 'waiting' });
        timer.current = setTimeout(() => {
          void stillThere().then(
            (alive) => {
              if (alive) setState({ step: 'still-running' });
              else {
                setState({ step: 'done', ok: true, message: t('ui.process.end.ended', { name: process.name, pid: process.pid, signal }) });
                onEnded();
              }
            },
            (err: unknown) => setState({ step: 'done', ok: false, message: errorMessage(err) }),
          );
        }, GRACE_MS);
      } catch (err) {
        setState({ step: 'done', ok: false, message: errorMessage(err) });
      }
    },
    [client, process, stillThere, onEnded, t],
  );

  return {
    state,
    ask: (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') => setState({ step: 'confirm', signal }),
    cancel: () => setState({ step: 'idle' }),
    send,
  };
}
