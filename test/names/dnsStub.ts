import dgram from 'node:dgram';
import net from 'node:net';

/** What the stub answers for one PTR name: the names (raw label bytes allowed), after a delay; or never. */
export interface PtrAnswer {
  names: Array<string | Buffer[]>;
  delayMs?: number;
  /** Never answer (the client times out). */
  silent?: boolean;
}

export interface SeenQuery {
  name: string;
  type: 'PTR' | 'A' | 'AAAA' | number;
}

const TYPES: Record<number, SeenQuery['type']> = { 12: 'PTR', 1: 'A', 28: 'AAAA' };

/** `10.1.2.3` -> `3.2.1.10.in-addr.arpa`; `2001:db8::1` -> the nibble form under ip6.arpa. */
export function reverseName(address: string): string {
  if (net.isIPv4(address)) return `${address.split('.').reverse().join('.')}.in-addr.arpa`;
  const groups = new net.SocketAddress({ address, family: 'ipv6' }).address;
  const [head, tail = ''] = groups.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const full = [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t].map((g) => g.padStart(4, '0')).join('');
  return `${[...full].reverse().join('.')}.ip6.arpa`;
}

/**
 * A tiny authoritative DNS server on loopback UDP for the names tests: PTR answers for chosen
 * addresses (after a chosen delay, or never), A and AAAA for forward checks, NXDOMAIN for
 * everything else. It counts the queries it receives and how many it held unanswered at once.
 */
export class DnsStub {
  readonly ptr = new Map<string, PtrAnswer>();
  readonly forward = new Map<string, { a?: string[]; aaaa?: string[]; ttl?: number }>();
  readonly queries: SeenQuery[] = [];
  inFlight = 0;
  maxInFlight = 0;
  private socket: dgram.Socket | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();

  async start(): Promise<string> {
    const socket = dgram.createSocket('udp4');
    this.socket = socket;
    socket.on('message', (msg, rinfo) => this.answer(msg, (reply) => socket.send(reply, rinfo.port, rinfo.address)));
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    return `127.0.0.1:${socket.address().port}`;
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const s = this.socket;
    this.socket = null;
    if (s) await new Promise<void>((r) => s.close(() => r()));
  }

  count(name: string, type?: SeenQuery['type']): number {
    return this.queries.filter((q) => q.name === name.toLowerCase() && (type === undefined || q.type === type)).length;
  }

  private answer(msg: Buffer, send: (b: Buffer) => void): void {
    if (msg.length < 12) return;
    let off = 12;
    const labels: string[] = [];
    while (off < msg.length && msg[off] !== 0) {
      const len = msg[off]!;
      labels.push(msg.subarray(off + 1, off + 1 + len).toString('latin1'));
      off += 1 + len;
    }
    off += 1;
    const qtype = msg.readUInt16BE(off);
    const question = msg.subarray(12, off + 4);
    const name = labels.join('.').toLowerCase();
    this.queries.push({ name, type: TYPES[qtype] ?? qtype });

    let rdatas: Buffer[] = [];
    let ttl = 300;
    let delayMs = 0;
    if (qtype === 12) {
      const p = this.ptr.get(name);
      if (p?.silent) return;
      rdatas = (p?.names ?? []).map(encodeName);
      delayMs = p?.delayMs ?? 0;
    } else if (qtype === 1 || qtype === 28) {
      const f = this.forward.get(name);
      ttl = f?.ttl ?? ttl;
      const list = (qtype === 1 ? f?.a : f?.aaaa) ?? [];
      rdatas = list.map((a) => (qtype === 1 ? Buffer.from(a.split('.').map(Number)) : ipv6Bytes(a)));
    }
    const header = Buffer.alloc(12);
    msg.copy(header, 0, 0, 2);
    // QR, authoritative, the query's RD; NXDOMAIN when there is nothing to say.
    header.writeUInt16BE(0x8400 | (msg.readUInt16BE(2) & 0x0100) | (rdatas.length === 0 ? 3 : 0), 2);
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(rdatas.length, 6);
    const answers = rdatas.map((rd) => {
      const rr = Buffer.alloc(12);
      rr.writeUInt16BE(0xc00c, 0);
      rr.writeUInt16BE(qtype, 2);
      rr.writeUInt16BE(1, 4);
      rr.writeUInt32BE(ttl, 6);
      rr.writeUInt16BE(rd.length, 10);
      return Buffer.concat([rr, rd]);
    });
    const reply = Buffer.concat([header, question, ...answers]);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const t = setTimeout(() => {
      this.timers.delete(t);
      this.inFlight--;
      if (this.socket) send(reply);
    }, delayMs);
    this.timers.add(t);
  }
}

/** A name in wire form; a Buffer[] gives raw label bytes (escape sequences, bidi controls, dots inside a label). */
function encodeName(name: string | Buffer[]): Buffer {
  const labels = typeof name === 'string' ? name.split('.').filter((l) => l !== '').map((l) => Buffer.from(l, 'latin1')) : name;
  return Buffer.concat([...labels.flatMap((l) => [Buffer.from([l.length]), l]), Buffer.from([0])]);
}

function ipv6Bytes(address: string): Buffer {
  const nibbles = reverseName(address).split('.').slice(0, 32).reverse().join('');
  return Buffer.from(nibbles, 'hex');
}
