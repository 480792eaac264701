import type { Family, Protocol, SocketState } from '../../../../shared/contract/sockets';
import { formatIPv6 } from '../addresses';
import type { RawSocket } from '../types';

/** MIB_TCP_STATE (tcpmib.h) in the kernel names the engine uses everywhere. */
const MIB_TCP_STATES: Record<number, SocketState> = {
  1: 'CLOSE',
  2: 'LISTEN',
  3: 'SYN_SENT',
  4: 'SYN_RECV',
  5: 'ESTABLISHED',
  6: 'FIN_WAIT1',
  7: 'FIN_WAIT2',
  8: 'CLOSE_WAIT',
  9: 'CLOSING',
  10: 'LAST_ACK',
  11: 'TIME_WAIT',
  12: 'CLOSE', // DELETE_TCB: being torn down
};

/** Row sizes of the owner-pid table classes (TCP_TABLE_OWNER_PID_ALL, UDP_TABLE_OWNER_PID). */
export const ROW_BYTES = { tcp4: 24, tcp6: 56, udp4: 12, udp6: 28 } as const;

/**
 * A table row as read, with the pid the OS put there (0: none; TIME_WAIT rows and, under Wine,
 * every TCP row).
 */
export interface OwnerPidRow extends RawSocket {
  ownerPid: number;
}

function v4(buf: Buffer, at: number): string {
  return `${buf[at]}.${buf[at + 1]}.${buf[at + 2]}.${buf[at + 3]}`;
}

/** Ports sit in network byte order in the low 16 bits of a DWORD: the first two bytes. */
function port(buf: Buffer, at: number): number {
  return (buf[at]! << 8) | buf[at + 1]!;
}

const v6Memo = new Map<string, string>();

function v6(buf: Buffer, at: number): string {
  const key = buf.toString('latin1', at, at + 16);
  let text = v6Memo.get(key);
  if (text === undefined) {
    text = formatIPv6([...buf.subarray(at, at + 16)]);
    if (v6Memo.size < 100_000) v6Memo.set(key, text);
  }
  return text;
}

/**
 * The scope id of a link-local address is the interface index (`fe80::1%12`, as Windows writes
 * it); other addresses have none even when the table fills the field.
 */
function scopeOf(address: string, scope: number): string | null {
  return scope !== 0 && /^fe[89ab]/i.test(address) ? String(scope) : null;
}

/**
 * Decodes a MIB_{TCP,UDP}{,6}TABLE_OWNER_PID: a DWORD count, then fixed-size rows (layouts from
 * tcpmib.h / udpmib.h). Pure: tests feed it bytes laid out as Windows lays them out.
 */
export function decodeOwnerPidTable(buf: Buffer, protocol: Protocol, family: Family): OwnerPidRow[] {
  const rowBytes = ROW_BYTES[`${protocol}${family}`];
  const count = buf.length >= 4 ? buf.readUInt32LE(0) : 0;
  const n = Math.max(0, Math.min(count, Math.floor((buf.length - 4) / rowBytes)));
  const rows: OwnerPidRow[] = new Array(n);
  const anyV6 = '::';
  for (let i = 0, at = 4; i < n; i++, at += rowBytes) {
    let row: OwnerPidRow;
    if (protocol === 'tcp' && family === 4) {
      // dwState, dwLocalAddr, dwLocalPort, dwRemoteAddr, dwRemotePort, dwOwningPid
      row = {
        protocol,
        family,
        state: MIB_TCP_STATES[buf.readUInt32LE(at)] ?? 'CLOSE',
        localAddress: v4(buf, at + 4),
        localPort: port(buf, at + 8),
        remoteAddress: v4(buf, at + 12),
        remotePort: port(buf, at + 16),
        ownerPid: buf.readUInt32LE(at + 20),
        uid: null,
        inode: 0,
        scopeId: null,
      };
    } else if (protocol === 'tcp') {
      // ucLocalAddr[16], dwLocalScopeId, dwLocalPort, ucRemoteAddr[16], dwRemoteScopeId, dwRemotePort, dwState, dwOwningPid
      const localAddress = v6(buf, at);
      row = {
        protocol,
        family,
        localAddress,
        scopeId: scopeOf(localAddress, buf.readUInt32LE(at + 16)),
        localPort: port(buf, at + 20),
        remoteAddress: v6(buf, at + 24),
        remotePort: port(buf, at + 44),
        state: MIB_TCP_STATES[buf.readUInt32LE(at + 48)] ?? 'CLOSE',
        ownerPid: buf.readUInt32LE(at + 52),
        uid: null,
        inode: 0,
      };
    } else if (family === 4) {
      // dwLocalAddr, dwLocalPort, dwOwningPid
      row = {
        protocol,
        family,
        state: 'UNCONN',
        localAddress: v4(buf, at),
        localPort: port(buf, at + 4),
        remoteAddress: '0.0.0.0',
        remotePort: 0,
        ownerPid: buf.readUInt32LE(at + 8),
        uid: null,
        inode: 0,
        scopeId: null,
      };
    } else {
      // ucLocalAddr[16], dwLocalScopeId, dwLocalPort, dwOwningPid
      const localAddress = v6(buf, at);
      row = {
        protocol,
        family,
        state: 'UNCONN',
        localAddress,
        scopeId: scopeOf(localAddress, buf.readUInt32LE(at + 16)),
        localPort: port(buf, at + 20),
        remoteAddress: anyV6,
        remotePort: 0,
        ownerPid: buf.readUInt32LE(at + 24),
        uid: null,
        inode: 0,
      };
    }
    rows[i] = row;
  }
  return rows;
}

/**
 * Decodes MIB_TCPTABLE (GetTcpTable) and MIB_TCP6TABLE (GetTcp6Table): the same sockets without
 * owner pids. Read where the owner-pid class is known to name no TCP owner (Wine), so the rows
 * carry ownerPid 0.
 */
export function decodeBasicTcpTable(buf: Buffer, family: Family): OwnerPidRow[] {
  const rowBytes = family === 4 ? 20 : 52;
  const count = buf.length >= 4 ? buf.readUInt32LE(0) : 0;
  const n = Math.max(0, Math.min(count, Math.floor((buf.length - 4) / rowBytes)));
  const rows: OwnerPidRow[] = new Array(n);
  for (let i = 0, at = 4; i < n; i++, at += rowBytes) {
    if (family === 4) {
      // dwState, dwLocalAddr, dwLocalPort, dwRemoteAddr, dwRemotePort
      rows[i] = {
        protocol: 'tcp',
        family,
        state: MIB_TCP_STATES[buf.readUInt32LE(at)] ?? 'CLOSE',
        localAddress: v4(buf, at + 4),
        localPort: port(buf, at + 8),
        remoteAddress: v4(buf, at + 12),
        remotePort: port(buf, at + 16),
        ownerPid: 0,
        uid: null,
        inode: 0,
        scopeId: null,
      };
    } else {
      // State, LocalAddr[16], dwLocalScopeId, dwLocalPort, RemoteAddr[16], dwRemoteScopeId, dwRemotePort
      const localAddress = v6(buf, at + 4);
      rows[i] = {
        protocol: 'tcp',
        family,
        state: MIB_TCP_STATES[buf.readUInt32LE(at)] ?? 'CLOSE',
        localAddress,
        scopeId: scopeOf(localAddress, buf.readUInt32LE(at + 20)),
        localPort: port(buf, at + 24),
        remoteAddress: v6(buf, at + 28),
        remotePort: port(buf, at + 48),
        ownerPid: 0,
        uid: null,
        inode: 0,
      };
    }
  }
  return rows;
}
