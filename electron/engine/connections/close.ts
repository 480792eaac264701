import ipaddr from 'ipaddr.js';
import type { CloseResult, ConnectionEndpoints } from '../../../shared/contract/connection';
import type { Snapshot, SocketRow } from '../../../shared/contract/sockets';
import { formatEndpoint } from '../../../shared/net/address';
import type { PlatformAdapter } from '../platform/types';

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
  if (!ipaddr.isValid(c.localAddress.replace(/%.*$/, '')) || !ipaddr.isValid(c.remoteAddress.replace(/%.*$/, ''))) {
    return { ok: false, outcome: 'not-found', message: `${what}: both ends must be IP addresses as the socket table shows them.` };
  }
  const before = (await deps.refresh()).rows.filter((r) => matches(r, c));
  const row = before.find((r) => r.state === 'ESTABLISHED');
  if (!row) {
    if (before.length === 0) return { ok: false, outcome: 'not-found', message: `No TCP connection ${what} is open now.` };
    const states = [...new Set(before.map((r) => r.state))].join(', ');
    return { ok: false, outcome: 'not-established', message: `TCP ${what} is ${states}: only established connections are closed, never a listener.` };
  }
  const owner = row.processName ? `${row.processName} (pid ${row.pid})` : 'a process Portscope cannot see';
  if (!deps.adapter.closeConnection) {
    const note = deps.adapter.capabilities().closeConnection.note;
    return { ok: false, outcome: 'unsupported', message: `Cannot close connections here${note ? `: ${note}` : '.'}` };
  }
  try {
    deps.adapter.closeConnection(row.family, { localAddress: row.localAddress, localPort: row.localPort, remoteAddress: row.remoteAddress, remotePort: row.remotePort });
  } catch (err) {
    const code = errno(err);
    const reason = reasonOf(err);
    if (code === 'ENOENT') return { ok: false, outcome: 'not-found', message: `TCP ${what} closed on its own before Portscope could close it.` };
    if (code === 'EPERM' || code === 'EACCES') {
      return { ok: false, outcome: 'denied', message: `Not allowed to close TCP ${what} of ${owner}: ${reason ?? 'run as root (sudo); the kernel lets only CAP_NET_ADMIN abort a socket'}.` };
    }
    if (code === 'EOPNOTSUPP' || code === 'EPROTONOSUPPORT' || code === 'EINVAL') {
      return {
        ok: false,
        outcome: 'unsupported',
        message: reason ? `Cannot close TCP ${what}: ${reason}. It is still open.` : `This kernel cannot close connections (it needs CONFIG_INET_DIAG_DESTROY): TCP ${what} is still open.`,
      };
    }
    throw err;
  }
  const after = (await deps.refresh()).rows.filter((r) => matches(r, c) && r.state === 'ESTABLISHED');
  if (after.length > 0) return { ok: false, outcome: 'still-open', message: `The kernel accepted the close, but TCP ${what} is still established.` };
  return { ok: true, outcome: 'closed', message: `Closed TCP ${what} of ${owner}: both ends see the connection aborted.` };
}
