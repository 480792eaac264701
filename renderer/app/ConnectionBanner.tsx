import { useEffect, useState } from 'react';
import type { ConnectionReason, ConnectionState } from '../contract/types';
import type { T } from '../i18n/useT';
import { useT } from '../i18n/useT';
import { useServices, useSockets } from './services';

function reasonText(t: T, reason: ConnectionReason): string {
  switch (reason.kind) {
    case 'version':
      return t('ui.app.banner.version', { engine: reason.engine, page: reason.page });
    case 'expired':
      return t('ui.app.banner.expired', { seconds: reason.retryInS });
    case 'lost':
      return t('ui.app.banner.lost', { seconds: reason.retryInS });
    case 'unreachable':
      return t('ui.app.banner.unreachable', { seconds: reason.retryInS });
    case 'machineRemoved':
      return t('ui.machines.removedElsewhere');
    case 'machineUnreachable': {
      const head = reason.error
        ? t('ui.machines.unreachableWhy', { label: reason.label, error: reason.error })
        : t('ui.machines.unreachableBanner', { label: reason.label });
      return `${head} ${reason.seen ? t('ui.machines.lastSeen', { time: reason.seen }) : t('ui.machines.notLive')}`;
    }
  }
}

/** Says when the engine is out of reach or complaining; silent while all is well. */
export function ConnectionBanner() {
  const { client } = useServices();
  const t = useT();
  const [conn, setConn] = useState<ConnectionState>({ ...client.connection });
  const monitorError = useSockets((s) => s.monitorError);
  const warnings = useSockets((s) => s.warnings);
  useEffect(() => client.onConnection(setConn), [client]);

  if (conn.status === 'reconnecting' || (conn.status === 'closed' && conn.error)) {
    return (
      <div className="banner banner-error" role="alert">
        {conn.reason ? reasonText(t, conn.reason) : (conn.error ?? t('ui.app.banner.disconnected'))}
      </div>
    );
  }
  if (monitorError) {
    return (
      <div className="banner banner-warn" role="status">
        {t('ui.app.banner.refreshFailed', { error: t.engine(monitorError) })}
      </div>
    );
  }
  if (warnings.length > 0) {
    return (
      <div className="banner banner-info" role="status">
        {warnings
          .slice(0, 2)
          .map((w) => t.engine(w))
          .join(' ')}
      </div>
    );
  }
  return null;
}
