import { generateKeyPairSync, randomBytes, sign, X509Certificate } from 'node:crypto';

/**
 * A self-signed certificate for `portscope agent --listen` when the administrator gives none.
 * Nobody vouches for it: clients trust it by its SHA-256 fingerprint, which the agent prints and
 * the app pins on first use (as Syncthing pins device IDs). Node can sign but not build X.509, so
 * the few DER structures a certificate needs are written here (RFC 5280): an ECDSA P-256 key,
 * the host name as common name and subject alternative name, ten years of validity.
 */
export interface GeneratedCertificate {
  certPem: string;
  keyPem: string;
  fingerprint: string;
}

export function generateSelfSigned(commonName: string, now: Date = new Date()): GeneratedCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const ecdsaWithSha256 = seq(oid('1.2.840.10045.4.3.2'));
  const name = seq(set(seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(commonName.slice(0, 64), 'utf8')))));
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f; // positive
  const notAfter = new Date(now.getTime() + 10 * 365.25 * 86_400_000);
  const dnsName = /^[A-Za-z0-9.-]{1,253}$/.test(commonName) ? commonName : 'portscope-agent';
  const extensions = tlv(
    0xa3,
    seq(
      // basicConstraints: not a CA (critical).
      seq(oid('2.5.29.19'), tlv(0x01, Buffer.from([0xff])), tlv(0x04, seq())),
      // subjectAltName: dNSName.
      seq(oid('2.5.29.17'), tlv(0x04, seq(tlv(0x82, Buffer.from(dnsName, 'ascii'))))),
    ),
  );
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.from([2]))), // v3
    tlv(0x02, serial),
    ecdsaWithSha256,
    name,
    seq(time(new Date(now.getTime() - 60_000)), time(notAfter)),
    name,
    spki,
    extensions,
  );
  const signature = sign('sha256', tbs, { key: privateKey, dsaEncoding: 'der' });
  const der = seq(tbs, ecdsaWithSha256, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const certPem = pem('CERTIFICATE', der);
  return { certPem, keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), fingerprint: fingerprintOf(certPem) };
}

/** The SHA-256 fingerprint of a PEM or DER certificate, `AB:CD:…`. */
export function fingerprintOf(cert: string | Buffer): string {
  return new X509Certificate(cert).fingerprint256;
}

function tlv(tag: number, body: Buffer): Buffer {
  const n = body.length;
  const len = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), len, body]);
}

const seq = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number) as [number, number, ...number[]];
  const bytes = [40 * a + b];
  for (const v of rest) {
    const chunk = [v & 0x7f];
    for (let x = v >> 7; x > 0; x >>= 7) chunk.unshift((x & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** UTCTime through 2049, GeneralizedTime after (RFC 5280 4.1.2.5). */
function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14); // YYYYMMDDHHMMSS
  return d.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`)) : tlv(0x18, Buffer.from(`${iso}Z`));
}

function pem(label: string, der: Buffer): string {
  const b64 = der.toString('base64').match(/.{1,64}/g)!.join('\n');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}
