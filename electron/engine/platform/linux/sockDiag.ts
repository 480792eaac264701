import { createRequire } from 'node:module';
import { findPackageFile } from '../../system/packageFiles';
import type { Family, Protocol, SocketState } from '../../../../shared/contract/sockets';
import type { RawSocket, RawTraffic, SocketChanges } from '../types';
import { formatIPv6, TCP_STATES } from './procNet';

/** The native sock_diag reader (native/sockdiag.c), built at install into dist/native. */
export interface SockDiagAddon {
  dump(family: 4 | 6, protocol: 6 | 17): Buffer;
  /** u32 denied, u32 vanished, then (u32 pid, u32 inode) pairs: see native/sockdiag.c. */
  owners(procRoot: string, wanted: Uint32Array | null, firstPids: Uint32Array | null, onlyFirst: boolean): Buffer;
  /** SOCK_DESTROY of the one TCP socket with this 4-tuple (addresses in network order); throws with an errno `code`. */
  destroy?(family: 4 | 6, src: Buffer, sport: number, dst: Buffer, dport: number): number;
  recordSize: number;
  /** The diffing reader's state (native/socktable.c); absent from older builds. */
  openTable?(): object;
  /** One pass over every TCP and UDP socket with tcp_info: the records that changed since the last pass. */
  scan?(table: object): Buffer;
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

  address(buf: Buffer, at: number, family: Family): string {
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


const U32 = 4294967296;

/**
 * The sockets of this machine as the diffing native reader (native/socktable.c) tells them: it
 * keeps one RawSocket per kernel socket (by slot) and replaces it only when the kernel's record
 * changed, so an idle socket is the same object refresh after refresh and is never decoded again.
 */
export class SocketTable {
  private readonly table: object;
  private readonly slots: Array<RawSocket | undefined> = [];
  private list: RawSocket[] = [];
  private readonly addresses = new RecordDecoder();

  constructor(private readonly addon: SockDiagAddon & { openTable(): object; scan(table: object): Buffer }) {
    this.table = addon.openTable();
  }

  private seq = 0;

  /** Every socket now, and what changed since the last read. */
  read(): { sockets: RawSocket[]; changes: SocketChanges } {
    const buf = this.addon.scan(this.table);
    const updates = buf.readUInt32LE(0);
    const removedCount = buf.readUInt32LE(4);
    const size = buf.readUInt32LE(12);
    const changes: SocketChanges = { seq: ++this.seq, added: [], replaced: [], removed: [] };
    let at = 16;
    for (let i = 0; i < updates; i++, at += 4 + size) {
      const slot = buf.readUInt32LE(at);
      const before = this.slots[slot];
      const s = this.decode(buf, at + 4);
      this.slots[slot] = s ?? undefined;
      if (before && s) changes.replaced.push([before, s]);
      else if (s) changes.added.push(s);
      else if (before) changes.removed.push(before);
    }
    for (let i = 0; i < removedCount; i++, at += 4) {
      const slot = buf.readUInt32LE(at);
      const before = this.slots[slot];
      if (before) changes.removed.push(before);
      this.slots[slot] = undefined;
    }
    if (updates > 0 || removedCount > 0) {
      const list: RawSocket[] = [];
      for (const s of this.slots) if (s) list.push(s);
      this.list = list;
    }
    return { sockets: this.list, changes };
  }

  private decode(buf: Buffer, at: number): RawSocket | null {
    const family: Family = buf[at] === 4 ? 4 : 6;
    const protocol: Protocol = buf[at + 1] === 6 ? 'tcp' : 'udp';
    const st = buf[at + 2]!;
    let state: SocketState | undefined;
    if (protocol === 'tcp') state = TCP_STATES[st];
    else if (st === 1) state = 'ESTABLISHED';
    else if (st === 7) state = 'UNCONN';
    if (!state) return null;
    const v6only = buf[at + 3]!;
    return {
      protocol,
      family,
      localAddress: this.addresses.address(buf, at + 8, family),
      localPort: buf.readUInt16LE(at + 4),
      remoteAddress: this.addresses.address(buf, at + 24, family),
      remotePort: buf.readUInt16LE(at + 6),
      state,
      uid: buf.readUInt32LE(at + 40),
      inode: buf.readUInt32LE(at + 44),
      dualStack: family === 6 && v6only !== 255 ? v6only === 0 : undefined,
      scopeId: null,
      traffic: protocol === 'tcp' && state !== 'LISTEN' ? decodeTraffic(buf, at) : null,
    };
  }
}

function u64(buf: Buffer, at: number): number {
  return buf.readUInt32LE(at) + buf.readUInt32LE(at + 4) * U32;
}

/** The tcp_info part of a record (see native/socktable.c); null when the kernel sent none. */
export function decodeTraffic(buf: Buffer, at: number): RawTraffic | null {
  const info = buf[at + 52]!;
  if ((info & 1) === 0) return null;
  const acked = u64(buf, at + 56);
  const sent = u64(buf, at + 72);
  const retrans = u64(buf, at + 80);
  // bytes_acked counts the SYN of an active open (and a FIN once acknowledged): no payload. The
  // payload sent once (bytes_sent less retransmissions) bounds what can have been delivered.
  const bytesSent = info & 2 ? Math.min(acked, Math.max(0, sent - retrans)) : acked;
  return {
    bytesSent,
    bytesReceived: u64(buf, at + 64),
    rttMs: buf.readUInt32LE(at + 96) / 1000,
    tcpInfo: {
      bytesRetrans: info & 2 ? retrans : 0,
      segsIn: buf.readUInt32LE(at + 88),
      segsOut: buf.readUInt32LE(at + 92),
      rttVarMs: buf.readUInt32LE(at + 100) / 1000,
      cwnd: buf.readUInt32LE(at + 104),
      deliveryRate: info & 4 ? u64(buf, at + 112) : 0,
    },
  };
}
