import { useEffect, useId } from 'react';
import { useNames, useServices } from '../../app/services';
import { isResolvable } from '../../stores/names';
import type { LiveRow } from '../../stores/sockets/table';
import { useT } from '../../i18n/useT';

/**
 * TCPView's "Resolve Addresses": off by default, remembered. While on, the remote addresses of
 * the connections shown are handed to the names store, which asks the engine for each address
 * once, in batches; the table never waits for the answers.
 */
export function ResolveSwitch({ rows }: { rows: readonly LiveRow[] }) {
  const { names } = useServices();
  const t = useT();
  const enabled = useNames((s) => s.enabled);
  const error = useNames((s) => s.error);
  const id = useId();
  useEffect(() => {
    if (!enabled) return;
    // One pass over the rows per tick, one Set; the store skips addresses it asked for already.
    const addresses = new Set<string>();
    for (const { row } of rows) if (isResolvable(row.remoteAddress)) addresses.add(row.remoteAddress);
    names.getState().want(addresses);
  }, [enabled, rows, names]);
  return (
    <span className="check" title={error ? t('ui.traffic.resolve.failed', { error }) : t('ui.traffic.resolve.title')}>
      <input id={id} type="checkbox" role="switch" checked={enabled} onChange={(e) => names.getState().setEnabled(e.target.checked)} />
      <label htmlFor={id}>{t('ui.traffic.resolve.label')}</label>
    </span>
  );
}
