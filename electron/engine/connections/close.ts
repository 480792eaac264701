import ipaddr from 'ipaddr.js';
import type { CloseResult, ConnectionEndpoints } from '../../../shared/contract/connection';
import type { Snapshot, SocketRow } from '../../../shared/contract/sockets';
import { formatEndpoint } from '../../../shared/net/address';
import type { PlatformAdapter } from '../platform/types';
import type { EngineKey } from '../../../shared/i18n/catalogs/engine';
import { localizedMessage } from '../localizedText';

export interface CloseDeps {
  adapter: Pick<PlatformAdapter, 'closeConnection' | 'capabilities'>;
  /** A fresh socket table (the close is checked against what is there now, not a stale view). */
  refresh(): Promise<Snapshot>;
}

/** Two spellings of one address compare equal: case, zones and IPv4-mapped IPv6 aside. */
export function sameAddress(a: string, b: string): boolean {
  const norm = (s: string) => {
    const bare = s.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
    return ipaddr.isValid(bare) ? ipaddr.process(bare).toString() : bare.toLowerCase();
  };
  return norm(a) === norm(b);
}

function matches(row: SocketRow, c: ConnectionEndpoints): boolean {
  return (
    row.protocol === 'tcp' &&
    row.localPort === c.localPort &&
    row.remotePort === c.remotePort &&
    sameAddress(row.localAddress, c.localAddress) &&
    sameAddress(row.remoteAddress, c.remoteAddress)
  );
}

function errno(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
}

/** The adapter's own why, where it knows better than the Linux wording (Windows: administrator, IPv6, Wine). */
function reasonOf(err: unknown): string | null {
  return typeof err === 'object' && err !== null && 'reason' in err && typeof err.reason === 'string' ? err.reason : null;
}

/**
 * TCPView's "Close Connection": aborts the one established TCP connection with exactly these
 * endpoints. It is looked up in the socket table first, so a listener, a TIME_WAIT or a
 * connection that is not there is never handed to the kernel; afterwards the table is read again
 * to say truthfully whether it went.
 */
export async function closeConnection(deps: CloseDeps, c: ConnectionEndpoints): Promise<CloseResult> {
  const what = `${formatEndpoint(c.localAddress, c.localPort)} → ${formatEndpoint(c.remoteAddress, c.remotePort)}`;
  // Every message from the engine catalog: English on the wire, the key beside it for translation.
  const result = (ok: boolean, outcome: CloseResult['outcome'], key: EngineKey, values: Record<string, string | number> = { what }): CloseResult => ({
    ok,
    outcome,
    ...localizedMessage(key, values),
  });
  if (!ipaddr.isValid(c.localAddress.replace(/%.*$/, '')) || !ipaddr.isValid(c.remoteAddress.replace(/%.*$/, ''))) {
    return result(false, 'not-found', 'engine.close.notAddresses');
  }
  const before = (await deps.refresh()).rows.filter((r) => matches(r, c));
  const row = before.find((r) => r.state === 'ESTABLISHED');
  if (!row) {
    if (before.length === 0) return result(false, 'not-found', 'engine.close.notOpen');
    const states = [...new Set(before.map((r) => r.state))].join(', ');
    return result(false, 'not-established', 'engine.close.notEstablished', { what, states });
  }
  const owner = { what, owner: row.processName ? 'known' : 'unknown', process: row.processName ?? '', pid: String(row.pid ?? '') };
  if (!deps.adapter.closeConnection) {
    const note = deps.adapter.capabilities().closeConnection.note;
    return result(false, 'unsupported', 'engine.close.unsupported', { note: note ?? 'none' });
  }
  try {
    deps.adapter.closeConnection(row.family, { localAddress: row.localAddress, localPort: row.localPort, remoteAddress: row.remoteAddress, remotePort: row.remotePort });
  } catch (err) {
    const code = errno(err);
    const reason = reasonOf(err);
    if (code === 'ENOENT') return result(false, 'not-found', 'engine.close.closedMeanwhile');
    if (code === 'EPERM' || code === 'EACCES') {
      // The adapter's own words for why (Windows: needs administrator), else the kernel's rule.
      return reason ? result(false, 'denied', 'engine.close.deniedReason', { ...owner, reason }) : result(false, 'denied', 'engine.close.denied', owner);
    }
    if (code === 'EOPNOTSUPP' || code === 'EPROTONOSUPPORT' || code === 'EINVAL') {
      return reason ? result(false, 'unsupported', 'engine.close.unsupportedReason', { what, reason }) : result(false, 'unsupported', 'engine.close.kernelCannot');
    }
    throw err;
  }
  const after = (await deps.refresh()).rows.filter((r) => matches(r, c) && r.state === 'ESTABLISHED');
  if (after.length > 0) return result(false, 'still-open', 'engine.close.stillOpen');
  return result(true, 'closed', 'engine.close.closed', owner);
}
