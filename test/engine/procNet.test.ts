import { describe, expect, it } from 'vitest';
import { AddressDecoder, formatIPv6, parseIfInet6, parseProcNet } from '../../electron/engine/platform/linux/procNet';

const HEADER_TCP = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
const le = new AddressDecoder(true);

describe('address decoding', () => {
  it('reverses each 32-bit word on little-endian machines', () => {
    expect(le.decode('0100007F')).toBe('127.0.0.1');
    expect(le.decode('3500007F')).toBe('127.0.0.53');
    expect(le.decode('00000000')).toBe('0.0.0.0');
    expect(le.decode('1AB2A8C0')).toBe('192.168.178.26');
  });

  it('keeps byte order on big-endian machines', () => {
    expect(new AddressDecoder(false).decode('7F000001')).toBe('127.0.0.1');
  });

  it('decodes IPv6 as four host-order words', () => {
    expect(le.decode('00000000000000000000000001000000')).toBe('::1');
    expect(le.decode('00000000000000000000000000000000')).toBe('::');
    expect(le.decode('000080FE00000000FF00FC0201001EFE')).toBe('fe80::2fc:ff:fe1e:1');
    expect(le.decode('B80D0120000000000000000001000000')).toBe('2001:db8::1');
  });

  it('writes v4-mapped addresses with a dotted tail', () => {
    expect(le.decode('0000000000000000FFFF00000100007F')).toBe('::ffff:127.0.0.1');
  });

  it('rejects non-hex and wrong lengths', () => {
    expect(le.decode('0100007G')).toBeNull();
    expect(le.decode('0100007')).toBeNull();
  });
});

describe('formatIPv6 (RFC 5952)', () => {
  const b = (hex: string) => hex.match(/../g)!.map((h) => parseInt(h, 16));
  it('compresses the longest zero run, the first on ties, never a single word', () => {
    expect(formatIPv6(b('20010db8000000010000000000000001'))).toBe('2001:db8:0:1::1');
    expect(formatIPv6(b('20010db8000000000001000000000001'))).toBe('2001:db8::1:0:0:1');
    expect(formatIPv6(b('20010db8000100010001000100010001'))).toBe('2001:db8:1:1:1:1:1:1');
    expect(formatIPv6(b('20010db8000000010001000100010001'))).toBe('2001:db8:0:1:1:1:1:1');
  });
});

describe('parseProcNet', () => {
  it('reads TCP rows with states, uid and inode', () => {
    const text =
      HEADER_TCP +
      '   0: 3500007F:0035 00000000:0000 0A 00000000:00000000 00:00000000 00000000   101        0 20118 1 0000000000000000 100 0 0 10 0\n' +
      '   1: 0100007F:1F90 0100007F:C350 01 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0000000000000000 20 4 30 10 -1\n' +
      '   2: 0100007F:C351 0100007F:1F90 06 00000000:00000000 03:00000F8F 00000000     0        0 0 3 0000000000000000\n';
    const { sockets, malformed } = parseProcNet(text, 'tcp', 4, le);
    expect(malformed).toBe(0);
    expect(sockets).toEqual([
      { protocol: 'tcp', family: 4, localAddress: '127.0.0.53', localPort: 53, remoteAddress: '0.0.0.0', remotePort: 0, state: 'LISTEN', uid: 101, inode: 20118 },
      { protocol: 'tcp', family: 4, localAddress: '127.0.0.1', localPort: 8080, remoteAddress: '127.0.0.1', remotePort: 50000, state: 'ESTABLISHED', uid: 1000, inode: 4242 },
      { protocol: 'tcp', family: 4, localAddress: '127.0.0.1', localPort: 50001, remoteAddress: '127.0.0.1', remotePort: 8080, state: 'TIME_WAIT', uid: 0, inode: 0 },
    ]);
  });

  it('maps UDP 07 to UNCONN and 01 to ESTABLISHED', () => {
    const text =
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n' +
      '12565: 00000000000000000000000000000000:A02B 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 8033 2 00000000b525bc05 0\n' +
      '  100: 00000000000000000000000001000000:0277 00000000000000000000000001000000:0035 01 00000000:00000000 00:00000000 00000000     0        0 8034 2 00000000b525bc05 0\n';
    const { sockets } = parseProcNet(text, 'udp', 6, le);
    expect(sockets.map((s) => [s.localAddress, s.localPort, s.state])).toEqual([
      ['::', 41003, 'UNCONN'],
      ['::1', 631, 'ESTABLISHED'],
    ]);
  });

  it('counts malformed and hostile lines instead of throwing', () => {
    const text =
      HEADER_TCP +
      'garbage\n' +
      '   0: 3500007F:0035 00000000:0000 0A 00000000:00000000\n' + // truncated
      '   1: ZZZZZZZZ:0035 00000000:0000 0A 00000000:00000000 00:00000000 00000000   101        0 1 1\n' +
      '   2: 3500007F:0035 00000000:0000 FF 00000000:00000000 00:00000000 00000000   101        0 2 1\n' + // unknown state
      '   3: 3500007F:0035 00000000:0000 0A 00000000:00000000 00:00000000 00000000   -5        0 3 1\n' + // bad uid
      '   4: 3500007F:0035 00000000:0000 0A 00000000:00000000 00:00000000 00000000   101        0 20118 1\n';
    const { sockets, malformed } = parseProcNet(text, 'tcp', 4, le);
    expect(malformed).toBe(5);
    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.inode).toBe(20118);
  });

  it('handles an empty table and a missing header', () => {
    expect(parseProcNet('', 'tcp', 4, le)).toEqual({ sockets: [], malformed: 0 });
    expect(parseProcNet(HEADER_TCP, 'tcp', 4, le)).toEqual({ sockets: [], malformed: 0 });
  });
});

describe('parseIfInet6', () => {
  it('maps addresses to interface names for scope ids', () => {
    const text =
      'fe8000000000000000fc00fffe000001 04 40 20 80     eth0\n00000000000000000000000000000001 01 80 10 80       lo\nnonsense\n';
    const map = parseIfInet6(text);
    expect(map.get('fe80::fc:ff:fe00:1')).toBe('eth0');
    expect(map.get('::1')).toBe('lo');
    expect(map.size).toBe(2);
  });
});
