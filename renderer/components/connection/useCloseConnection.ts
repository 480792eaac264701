import { useCallback, useEffect, useRef, useState } from 'react';
import type { CloseOutcome, SocketRow } from '../../../shared/contract';
import { useServices } from '../../app/services';
import { errorMessage } from '../../format/errors';
import { currentLang } from '../../i18n/current';
import { engineText } from '../../i18n/engine';

export type CloseStep =
  | { step: 'idle' }
  | { step: 'confirm' }
  | { step: 'closing' }
  | { step: 'done'; ok: boolean; outcome: CloseOutcome | 'error'; message: string };

/** A headline per outcome (catalog keys); the engine's message follows it with the detail. */
export const CLOSE_OUTCOME_TEXT = {
  closed: 'ui.traffic.close.outcome.closed',
  'not-found': 'ui.traffic.close.outcome.notFound',
  'not-established': 'ui.traffic.close.outcome.notEstablished',
  denied: 'ui.traffic.close.outcome.denied',
  unsupported: 'ui.traffic.close.outcome.unsupported',
  'still-open': 'ui.traffic.close.outcome.stillOpen',
  error: 'ui.traffic.close.outcome.error',
} as const satisfies Record<CloseOutcome | 'error', string>;

/** Only an established TCP connection can be closed (the engine refuses anything else too). */
export function closable(row: SocketRow): boolean {
  return row.protocol === 'tcp' && row.state === 'ESTABLISHED' && row.localPort > 0 && row.remotePort > 0;
}

/**
 * Closing one connection, as TCPView does: confirm with the process and both endpoints, then
 * `connection.close` with exactly the endpoints the user saw, never anything broader.
 */
export function useCloseConnection(row: SocketRow, onClosed?: () => void) {
  const { client } = useServices();
  const [state, setState] = useState<CloseStep>({ step: 'idle' });
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );

  const close = useCallback(async () => {
    setState({ step: 'closing' });
    try {
      const result = await client.call('connection.close', {
        protocol: 'tcp',
        localAddress: row.localAddress,
        localPort: row.localPort,
        remoteAddress: row.remoteAddress,
        remotePort: row.remotePort,
      });
      if (!live.current) return;
      setState({ step: 'done', ok: result.ok, outcome: result.outcome, message: engineText(currentLang(), result) });
      if (result.ok) onClosed?.();
    } catch (err) {
      if (live.current) setState({ step: 'done', ok: false, outcome: 'error', message: errorMessage(err) });
    }
  }, [client, row.localAddress, row.localPort, row.remoteAddress, row.remotePort, onClosed]);

  return {
    state,
    ask: () => setState({ step: 'confirm' }),
    cancel: () => setState({ step: 'idle' }),
    close,
  };
}
