import net from 'node:net';
import type { Family } from '../../../../shared/contract/sockets';
import { MIB_ROW_BYTES } from './estats';

/** MIB_TCP_STATE_DELETE_TCB: the one state SetTcpEntry accepts, "delete the connection's TCB". */
export const MIB_TCP_STATE_DELETE_TCB = 12;

/** Errors SetTcpEntry answers (iphlpapi docs). 317 is what it gives a non-elevated caller. */
const ERROR_ACCESS_DENIED = 5;
const ERROR_NOT_SUPPORTED = 50;
const ERROR_INVALID_PARAMETER = 87;
const ERROR_MR_MID_NOT_FOUND = 317;
const ERROR_NOT_FOUND = 1168;

export interface Endpoints {
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
}

/**
 * A MIB_TCPROW asking Windows to delete this IPv4 connection: dwState = DELETE_TCB, then each
 * address as its four bytes in network order and each port in network order in the low word
 * of its DWORD, as GetTcpTable hands them out.
 */
export function deleteTcbRow(c: Endpoints): Buffer {
  if (net.isIPv4(c.localAddress) === false || net.isIPv4(c.remoteAddress) === false) throw new Error('SetTcpEntry takes IPv4 addresses only');
  const row = Buffer.alloc(MIB_ROW_BYTES[4]);
  row.writeUInt32LE(MIB_TCP_STATE_DELETE_TCB, 0);
  c.localAddress.split('.').forEach((x, i) => (row[4 + i] = Number(x)));
  row.writeUInt16BE(c.localPort, 8);
  c.remoteAddress.split('.').forEach((x, i) => (row[12 + i] = Number(x)));
  row.writeUInt16BE(c.remotePort, 16);
  return row;
}

/** An error close.ts understands: `code` in errno terms, `reason` the Windows-specific why. */
function refused(code: string, reason: string): Error {
  return Object.assign(new Error(reason), { code, reason });
}

export const WINE_CLOSE_REASON = "Wine's SetTcpEntry is a stub that answers success without closing anything, so Portscope does not call it under Wine";
export const IPV6_CLOSE_REASON = 'Windows has no call to close an IPv6 connection (SetTcpEntry takes IPv4 rows only)';

/**
 * TCPView's Close Connection: SetTcpEntry with DELETE_TCB, which resets the connection for both
 * ends. Throws close.ts's errno codes: EOPNOTSUPP for IPv6 and Wine, EACCES without elevation,
 * ENOENT when it is gone. Whether it went is for the caller to check by reading the table again.
 */
export function closeTcpEntry(setTcpEntry: (row: Buffer) => number, wine: boolean, family: Family, c: Endpoints): void {
  if (family === 6) throw refused('EOPNOTSUPP', IPV6_CLOSE_REASON);
  if (wine) throw refused('EOPNOTSUPP', WINE_CLOSE_REASON);
  const status = setTcpEntry(deleteTcbRow(c));
  if (status === 0) return;
  if (status === ERROR_ACCESS_DENIED || status === ERROR_MR_MID_NOT_FOUND) {
    throw refused('EACCES', `run Portscope as administrator: Windows lets only an elevated administrator close connections (SetTcpEntry answered error ${status})`);
  }
  if (status === ERROR_NOT_FOUND) throw refused('ENOENT', 'no such connection');
  if (status === ERROR_NOT_SUPPORTED) throw refused('EOPNOTSUPP', 'Windows answered that IPv4 is not configured here (SetTcpEntry error 50)');
  if (status === ERROR_INVALID_PARAMETER) throw new Error('SetTcpEntry rejected the connection row (error 87)');
  throw new Error(`SetTcpEntry failed: Windows error ${status}`);
}
