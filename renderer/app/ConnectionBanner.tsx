import { useEffect, useState } from 'react';
import type { ConnectionState } from '../contract/types';
import { useServices, useSockets } from './services';

/** Says when the engine is out of reach or complaining; silent while all is well. */
export function ConnectionBanner() {
  const { client } = useServices();
  const [conn, setConn] = useState<ConnectionState>({ ...client.connection });
  const monitorError = useSockets((s) => s.monitorError);
  const warnings = useSockets((s) => s.warnings);
  useEffect(() => client.onConnection(setConn), [client]);

  if (conn.status === 'reconnecting' || (conn.status === 'closed' && conn.error)) {
    return (
      <div className="banner banner-error" role="alert">
        {conn.error ?? 'Disconnected from the Portscope engine.'}
      </div>
    );
  }
  if (monitorError) {
    return (
      <div className="banner banner-warn" role="status">
        The last refresh failed: {monitorError} The table shows the last good picture.
      </div>
    );
  }
  if (warnings.length > 0) {
    return (
      <div className="banner banner-info" role="status">
        {warnings.slice(0, 2).join(' ')}
      </div>
    );
  }
  return null;
}
