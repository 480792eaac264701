import type { Family, Protocol, SocketState } from '../../../../shared/contract/sockets';
import type { RawSocket } from '../types';
import { formatIPv6 } from '../addresses';

export { formatIPv6 };

/** Kernel TCP state numbers (include/net/tcp_states.h), as procfs and sock_diag report them. */
export const TCP_STATES: Record<number, SocketState> = {
  1: 'ESTABLISHED',
  2: 'SYN_SENT',
  3: 'SYN_RECV',
  4: 'FIN_WAIT1',
  5: 'FIN_WAIT2',
  6: 'TIME_WAIT',
  7: 'CLOSE',
  8: 'CLOSE_WAIT',
  9: 'LAST_ACK',
  10: 'LISTEN',
  11: 'CLOSING',
  // Pending connections are request sockets in sock_diag; procfs and ss print them as SYN_RECV.
  12: 'SYN_RECV',
};

export interface ParseResult {
  sockets: RawSocket[];
  /** Lines that did not look like a socket row (hostile or truncated input), counted, never thrown. */
  malformed: number;
}

/**
 * Decodes addresses printed by /proc/net/{tcp,udp}{,6}. The kernel prints each 32-bit word of
 * the network-order address as a host-order integer in hex, so on little-endian machines every
 * word's four bytes come out reversed: 0100007F is 127.0.0.1.
 */
export class AddressDecoder {
  private readonly memo = new Map<string, string>();

  constructor(private readonly littleEndian: boolean) {}

  decode(hex: string): string | null {
    const hit = this.memo.get(hex);
    if (hit !== undefined) return hit;
    let out: string | null = null;
    if (hex.length === 8) out = this.decodeV4(hex);
    else if (hex.length === 32) out = this.decodeV6(hex);
    if (out !== null && this.memo.size < 100_000) this.memo.set(hex, out);
    return out;
  }

  private wordBytes(hex: string, at: number): number[] | null {
    const bytes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const b = parseHexByte(hex, at + i * 2);
      if (b < 0) return null;
      bytes.push(b);
    }
    return this.littleEndian ? bytes.reverse() : bytes;
  }

  private decodeV4(hex: string): string | null {
    const b = this.wordBytes(hex, 0);
    return b ? `${b[0]}.${b[1]}.${b[2]}.${b[3]}` : null;
  }

  private decodeV6(hex: string): string | null {
    const bytes: number[] = [];
    for (let w = 0; w < 4; w++) {
      const b = this.wordBytes(hex, w * 8);
      if (!b) return null;
      bytes.push(...b);
    }
    return formatIPv6(bytes);
  }
}

function parseHexByte(s: string, at: number): number {
  const hi = hexDigit(s.charCodeAt(at));
  const lo = hexDigit(s.charCodeAt(at + 1));
  return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}


/**
 * Parses one /proc/net/{tcp,tcp6,udp,udp6} table. Pure: the caller reads the file. Columns:
 * sl local rem st tx:rx tr:when retrnsmt uid timeout inode ...
 * Scans character codes instead of splitting lines: at 10,000 sockets a split-per-line parser
 * spent more time allocating arrays than the kernel spent printing the table.
 */
export function parseProcNet(
  text: string,
  protocol: Protocol,
  family: Family,
  decoder: AddressDecoder,
): ParseResult {
  const sockets: RawSocket[] = [];
  let malformed = 0;
  let start = text.indexOf('\n') + 1; // skip the header line
  if (start === 0) return { sockets, malformed: text.trim() === '' ? 0 : 1 };
  const addrLen = family === 4 ? 8 : 32;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const lineStart = start;
    start = end + 1;
    const row = parseLine(text, lineStart, end, protocol, family, addrLen, decoder);
    if (row) sockets.push(row);
    else if (row === null) malformed++;
  }
  return { sockets, malformed };
}

/** Start and end of the next whitespace-separated token at or after `at`, or -1 when none. */
function token(text: string, at: number, end: number, out: [number, number]): boolean {
  while (at < end && text.charCodeAt(at) <= 32) at++;
  if (at >= end) return false;
  let stop = at;
  while (stop < end && text.charCodeAt(stop) > 32) stop++;
  out[0] = at;
  out[1] = stop;
  return true;
}

const tok: [number, number] = [0, 0];

function parseDecimal(text: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** A socket, null for a malformed line, undefined for a blank one. */
function parseLine(
  text: string,
  from: number,
  end: number,
  protocol: Protocol,
  family: Family,
  addrLen: number,
  decoder: AddressDecoder,
): RawSocket | null | undefined {
  if (!token(text, from, end, tok)) return undefined;
  // Field 0 is the slot number ("12:"); fields 1-9 follow.
  const bounds: number[] = [];
  let at = tok[1];
  for (let field = 1; field <= 9; field++) {
    if (!token(text, at, end, tok)) return null;
    bounds.push(tok[0], tok[1]);
    at = tok[1];
  }
  const local = endpoint(text, bounds[0]!, bounds[1]!, addrLen, decoder);
  const remote = endpoint(text, bounds[2]!, bounds[3]!, addrLen, decoder);
  if (!local || !remote) return null;
  if (bounds[5]! - bounds[4]! !== 2) return null;
  const st = parseHexByte(text, bounds[4]!);
  const uid = parseDecimal(text, bounds[12]!, bounds[13]!);
  const inode = parseDecimal(text, bounds[16]!, bounds[17]!);
  if (st < 0 || uid < 0 || inode < 0) return null;
  let state: SocketState | undefined;
  if (protocol === 'tcp') state = TCP_STATES[st];
  // UDP has no states of its own: the kernel marks connected sockets ESTABLISHED, the rest CLOSE.
  else if (st === 1) state = 'ESTABLISHED';
  else if (st === 7) state = 'UNCONN';
  if (!state) return null;
  return {
    protocol,
    family,
    localAddress: local.address,
    localPort: local.port,
    remoteAddress: remote.address,
    remotePort: remote.port,
    state,
    uid,
    inode,
  };
}

function endpoint(text: string, from: number, to: number, addrLen: number, decoder: AddressDecoder): { address: string; port: number } | null {
  if (to - from !== addrLen + 5 || text.charCodeAt(from + addrLen) !== 58 /* : */) return null;
  const address = decoder.decode(text.slice(from, from + addrLen));
  const hi = parseHexByte(text, from + addrLen + 1);
  const lo = parseHexByte(text, from + addrLen + 3);
  if (address === null || hi < 0 || lo < 0) return null;
  return { address, port: hi * 256 + lo };
}

/** /proc/net/if_inet6: address (32 hex digits, network order) ifindex prefix scope flags name. */
export function parseIfInet6(text: string): Map<string, string> {
  const byAddress = new Map<string, string>();
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 6 || !/^[0-9a-fA-F]{32}$/.test(f[0]!)) continue;
    const bytes: number[] = [];
    for (let i = 0; i < 32; i += 2) bytes.push(Number.parseInt(f[0]!.slice(i, i + 2), 16));
    byAddress.set(formatIPv6(bytes), f[5]!);
  }
  return byAddress;
}
