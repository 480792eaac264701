import { useCallback, useEffect, useState } from 'react';
import type { ProcessDetails } from '../../shared/contract';
import { useServices } from '../app/services';
import { errorMessage } from '../format/errors';

export type DetailsState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; details: ProcessDetails }
  | { status: 'gone' }
  | { status: 'error'; message: string };

/** process.details for one pid; `gone` when the engine no longer finds the process. */
export function useProcessDetails(pid: number | null): { state: DetailsState; reload: () => void } {
  const { client } = useServices();
  const [state, setState] = useState<DetailsState>({ status: pid === null ? 'idle' : 'loading' });
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    if (pid === null) {
      setState({ status: 'idle' });
      return;
    }
    let cancelled = false;
    setState((s) => (s.status === 'ready' && s.details.process.pid === pid ? s : { status: 'loading' }));
    client.call('process.details', { pid }).then(
      (details) => {
        if (!cancelled) setState(details ? { status: 'ready', details } : { status: 'gone' });
      },
      (err: unknown) => {
        if (!cancelled) setState({ status: 'error', message: errorMessage(err) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, pid, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { state, reload };
}
