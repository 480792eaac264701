import { createRequire } from 'node:module';
import { findPackageFile } from '../../system/packageFiles';
import type { Family, Protocol, SocketState } from '../../../../shared/contract/sockets';
import type { RawSocket } from '../types';
import { formatIPv6, TCP_STATES } from './procNet';

/** The native sock_diag reader (native/sockdiag.c), built at install into dist/native. */
export interface SockDiagAddon {
  dump(family: 4 | 6, protocol: 6 | 17): Buffer;
  /** u32 denied, u32 vanished, then (u32 pid, u32 inode) pairs: see native/sockdiag.c. */
  owners(procRoot: string, wanted: Uint32Array | null, firstPids: Uint32Array | null, onlyFirst: boolean): Buffer;
  /** SOCK_DESTROY of the one TCP socket with this 4-tuple (addresses in network order); throws with an errno `code`. */
  destroy?(family: 4 | 6, src: Buffer, sport: number, dst: Buffer, dport: number): number;
  recordSize: number;
}


let cached: SockDiagAddon | null | undefined;

/** Loads the addon once; null when it was not built (no compiler) or cannot load here. */
export function loadSockDiag(): SockDiagAddon | null {
  if (cached !== undefined) return cached;
  cached = null;
  if (process.platform !== 'linux' || process.env.PORTSCOPE_NO_NETLINK === '1') return cached;
  const file = findPackageFile('dist/native/sockdiag.node', 'native/sockdiag.node');
  if (!file) return cached;
  try {
    cached = createRequire(file)(file) as SockDiagAddon;
  } catch {
    cached = null; // built for another platform or a broken build: procfs it is
  }
  return cached;
}

/** Turns the addon's binary records into sockets. Pure; addresses are memoized across calls. */
export class RecordDecoder {
  private readonly v4 = new Map<number, string>();
  private readonly v6 = new Map<string, string>();

  decode(buf: Buffer, recordSize: number, protocol: Protocol, family: Family): RawSocket[] {
    const out: RawSocket[] = [];
    for (let at = 0; at + recordSize <= buf.length; at += recordSize) {
      const st = buf[at + 2]!;
      let state: SocketState | undefined;
      if (protocol === 'tcp') state = TCP_STATES[st];
      else if (st === 1) state = 'ESTABLISHED';
      else if (st === 7) state = 'UNCONN';
      if (!state) continue;
      const v6only = buf[at + 3]!;
      out.push({
        protocol,
        family,
        localAddress: this.address(buf, at + 8, family),
        localPort: buf.readUInt16LE(at + 4),
        remoteAddress: this.address(buf, at + 24, family),
        remotePort: buf.readUInt16LE(at + 6),
        state,
        uid: buf.readUInt32LE(at + 40),
        inode: buf.readUInt32LE(at + 44),
        dualStack: family === 6 && v6only !== 255 ? v6only === 0 : undefined,
      });
    }
    return out;
  }

  private address(buf: Buffer, at: number, family: Family): string {
    if (family === 4) {
      const key = buf.readUInt32BE(at);
      let s = this.v4.get(key);
      if (s === undefined) {
        s = `${buf[at]}.${buf[at + 1]}.${buf[at + 2]}.${buf[at + 3]}`;
        if (this.v4.size < 100_000) this.v4.set(key, s);
      }
      return s;
    }
    const key = buf.toString('latin1', at, at + 16);
    let s = this.v6.get(key);
    if (s === undefined) {
      s = formatIPv6([...buf.subarray(at, at + 16)]);
      if (this.v6.size < 100_000) this.v6.set(key, s);
    }
    return s;
  }
}

