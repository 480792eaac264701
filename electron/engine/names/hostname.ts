/**
 * Whether a name from DNS or a hosts file may be shown as a host name. Names are hostile text:
 * whoever controls the reverse zone of an address writes its PTR record, and may write escape
 * sequences, bidi overrides, a 200-character line or another address ("10.0.0.1") to mislead.
 *
 * The rule: a host name in the RFC 1123 sense, checked, never repaired (a name that needs
 * repair is not one). At most 253 characters without the trailing dot (dropped); labels of 1 to
 * 63 letters, digits and hyphens, not starting or ending with a hyphen; underscores allowed
 * (Windows DHCP registers `my_pc.corp`, harmless to show); punycode labels (`xn--`) kept as
 * ASCII, never decoded, so a homograph cannot pass for a known name; the last label not all
 * digits, so no name reads as an IPv4 address. Returned lowercase (DNS ignores case).
 */
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

export function validHostname(raw: string): string | null {
  if (typeof raw !== 'string') return null;
  const name = (raw.endsWith('.') ? raw.slice(0, -1) : raw).toLowerCase();
  if (name.length === 0 || name.length > 253) return null;
  const labels = name.split('.');
  if (!labels.every((l) => LABEL.test(l))) return null;
  if (/^\d+$/.test(labels[labels.length - 1]!)) return null;
  return name;
}

/**
 * `localhost` and `*.localhost` are this machine by definition (RFC 6761): a DNS answer naming
 * another address so is a lie, and loopback itself never goes to DNS.
 */
export function isLocalhostName(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost');
}
