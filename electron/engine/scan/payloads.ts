/**
 * Datagrams that make common UDP services answer. A UDP service keeps quiet about a datagram it
 * cannot parse, so an empty probe would leave an open DNS, NTP or SNMP server as "open|filtered".
 * Other ports get an empty datagram, as nmap sends.
 */

function dnsQuery(name: string, type: number, id: number): Uint8Array {
  const labels = name.split('.').filter(Boolean);
  const bytes: number[] = [id >> 8, id & 0xff, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0];
  for (const l of labels) bytes.push(l.length, ...[...l].map((c) => c.charCodeAt(0)));
  bytes.push(0, type >> 8, type & 0xff, 0, 1);
  return Uint8Array.from(bytes);
}

/** NTP v4 client request (LI=3 unsynchronised, VN=4, mode 3): 48 bytes, the rest zero. */
function ntpRequest(): Uint8Array {
  const b = new Uint8Array(48);
  b[0] = 0xe3;
  return b;
}

/** SNMPv1 GetRequest for sysDescr.0 with community "public" (BER). */
function snmpGet(): Uint8Array {
  const oid = [0x06, 0x08, 0x2b, 0x06, 0x01, 0x02, 0x01, 0x01, 0x01, 0x00];
  const varbind = [0x30, oid.length + 2, ...oid, 0x05, 0x00];
  const list = [0x30, varbind.length, ...varbind];
  const pduBody = [0x02, 0x04, 0x50, 0x53, 0x43, 0x4e, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00, ...list];
  const pdu = [0xa0, pduBody.length, ...pduBody];
  const community = [0x04, 0x06, ...[...'public'].map((c) => c.charCodeAt(0))];
  const body = [0x02, 0x01, 0x00, ...community, ...pdu];
  return Uint8Array.from([0x30, body.length, ...body]);
}

/** NetBIOS node status request for the wildcard name "*". */
function netbiosStatus(): Uint8Array {
  const name = 'CK' + 'A'.repeat(30);
  return Uint8Array.from([0x13, 0x37, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0x20, ...[...name].map((c) => c.charCodeAt(0)), 0, 0, 0x21, 0, 1]);
}

const text = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

const PAYLOADS = new Map<number, Uint8Array>([
  [53, dnsQuery('', 2, 0x5053)], // root NS query: any DNS server answers, even with a refusal
  [123, ntpRequest()],
  [137, netbiosStatus()],
  [161, snmpGet()],
  [1900, text('M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: "ssdp:discover"\r\nMX: 1\r\nST: ssdp:all\r\n\r\n')],
  [5353, dnsQuery('_services._dns-sd._udp.local', 12, 0)],
]);

const EMPTY = new Uint8Array(0);

export function udpPayload(port: number): Uint8Array {
  return PAYLOADS.get(port) ?? EMPTY;
}

export function hasUdpPayload(port: number): boolean {
  return PAYLOADS.has(port);
}
