import { ReportScanSchema, type ReportScan } from '../../../shared/contract/report';
import type { HostResult, PortResult, PortState, ServiceHint, StateCounts, TimingProfile } from '../../../shared/contract/scan';
import { ReportError } from './errors';
import { childNamed, childrenNamed, parseXml, type XmlElement } from './xml';

/**
 * nmap's XML output (`nmap -oX file …`) as the scanner's own ScanResult, so the scan view, its
 * charts and every report format show imported scans exactly like Portscope's.
 * Reference: nmap's DTD (docs/nmap.dtd): nmaprun > (scaninfo, host > (status, address,
 * hostnames, ports > (extraports, port > (state, service)), times), runstats > (finished, hosts)).
 */
export interface NmapImport {
  scan: ReportScan;
  warnings: string[];
}

/**
 * nmap has six port states; Portscope's scanner has four. `closed|filtered` (idle scan) is
 * shown as filtered with the nmap state kept in the reason; `unfiltered` (ACK scan: reachable,
 * open or closed unknown) has no equivalent and is left out with a warning.
 */
function mapState(state: string): { state: PortState; note: string | null } | null {
  switch (state) {
    case 'open':
    case 'closed':
    case 'filtered':
    case 'open|filtered':
      return { state, note: null };
    case 'closed|filtered':
      return { state: 'filtered', note: 'nmap: closed|filtered' };
    default:
      return null;
  }
}

function isoFromUnix(value: string | undefined): string | null {
  if (!value || !/^\d+$/.test(value)) return null;
  return new Date(Number(value) * 1000).toISOString();
}

function hostAddress(host: XmlElement): string | null {
  const addresses = childrenNamed(host, 'address');
  const ip = addresses.find((a) => a.attrs.get('addrtype') === 'ipv4' || a.attrs.get('addrtype') === 'ipv6');
  return (ip ?? addresses[0])?.attrs.get('addr') ?? null;
}

function protocolOf(value: string | undefined): 'tcp' | 'udp' | null {
  return value === 'tcp' || value === 'udp' ? value : null;
}

/** nmap's -T0..-T5 in the scanner's words (T0–T2 are all slower than "normal"). */
function timingOf(args: string | null): TimingProfile {
  const m = /(?:^|\s)-T\s*([0-5]|paranoid|sneaky|polite|normal|aggressive|insane)(?:\s|$)/.exec(args ?? '');
  const t = m?.[1];
  if (t === '4' || t === 'aggressive') return 'aggressive';
  if (t === '5' || t === 'insane') return 'insane';
  if (t === '0' || t === '1' || t === '2' || t === 'paranoid' || t === 'sneaky' || t === 'polite') return 'polite';
  return 'normal';
}

/** Service facts nmap found by probing (-sV), as the scanner's hint; a table lookup is not a hint. */
function hintOf(service: XmlElement | undefined): ServiceHint | null {
  if (!service || service.attrs.get('method') !== 'probed') return null;
  const words = [service.attrs.get('product'), service.attrs.get('version'), service.attrs.get('extrainfo')].filter(Boolean).join(' ');
  const name = service.attrs.get('name') ?? null;
  return { banner: null, http: null, tls: null, guess: words ? `${name ?? '?'} (${words})` : name };
}

const zero = (): StateCounts => ({ open: 0, closed: 0, filtered: 0, 'open|filtered': 0 });

/** The elements the importer reads, by path; the rest of the file (scripts, OS guesses, traces) is checked but not kept. */
const KEPT_PATHS = new Set([
  'nmaprun',
  'nmaprun/scaninfo',
  'nmaprun/runstats',
  'nmaprun/runstats/finished',
  'nmaprun/host',
  'nmaprun/host/status',
  'nmaprun/host/address',
  'nmaprun/host/hostnames',
  'nmaprun/host/hostnames/hostname',
  'nmaprun/host/times',
  'nmaprun/host/ports',
  'nmaprun/host/ports/extraports',
  'nmaprun/host/ports/port',
  'nmaprun/host/ports/port/state',
  'nmaprun/host/ports/port/service',
]);

/** More hosts than a scan view can show usefully (a /14); the file is refused with a clear reason. */
export const NMAP_MAX_HOSTS = 262_144;

/** nmap writes port ids as plain decimal numbers; `0x16`, `1e1` or ` 22 ` are not port ids. */
export function parsePortId(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,5}$/.test(value)) return null;
  const port = Number(value);
  return port >= 1 && port <= 65535 ? port : null;
}

function parseCount(value: string | undefined): number | null {
  return value !== undefined && /^\d{1,10}$/.test(value) ? Number(value) : null;
}

export function parseNmapXml(text: string): NmapImport {
  const warnings: string[] = [];
  const hosts: HostResult[] = [];
  const results: PortResult[] = [];
  const skipped = new Map<string, number>();
  let badPortIds = 0;
  let hostsWithoutAddress = 0;

  // Hosts are read one at a time as each <host> closes, then dropped: memory holds the results,
  // never the whole document tree (a file of 5 million elements once took 1.6 GB).
  const readHost = (host: XmlElement): void => {
    const address = hostAddress(host);
    if (!address) {
      hostsWithoutAddress++;
      return;
    }
    if (hosts.length >= NMAP_MAX_HOSTS) {
      throw new ReportError('bad-request', `this nmap file lists more than ${NMAP_MAX_HOSTS.toLocaleString('en-US')} hosts, more than Portscope imports; split the scan`);
    }
    const status = childNamed(host, 'status');
    const srtt = childNamed(host, 'times')?.attrs.get('srtt');
    const names = childrenNamed(childNamed(host, 'hostnames') ?? host, 'hostname').map((h) => h.attrs.get('name'));
    const entry: HostResult = {
      address,
      name: names.find((n): n is string => typeof n === 'string') ?? null,
      state: status?.attrs.get('state') === 'up' ? 'up' : 'down',
      reason: status?.attrs.get('reason') ?? 'unknown',
      counts: zero(),
      closedOmitted: 0,
      srttMs: srtt && /^\d+$/.test(srtt) ? Number(srtt) / 1000 : null,
    };
    hosts.push(entry);
    const ports = childNamed(host, 'ports');
    for (const extra of ports ? childrenNamed(ports, 'extraports') : []) {
      const mapped = mapState(extra.attrs.get('state') ?? '');
      const count = parseCount(extra.attrs.get('count'));
      if (!mapped || count === null) {
        warnings.push(`${address}: ${extra.attrs.get('count') ?? '?'} port(s) in state '${extra.attrs.get('state') ?? '?'}' were left out`);
        continue;
      }
      entry.counts[mapped.state] += count;
      if (mapped.state === 'closed') entry.closedOmitted += count;
    }
    for (const port of ports ? childrenNamed(ports, 'port') : []) {
      const protocol = protocolOf(port.attrs.get('protocol'));
      const portid = parsePortId(port.attrs.get('portid'));
      const st = childNamed(port, 'state');
      const mapped = mapState(st?.attrs.get('state') ?? '');
      if (portid === null) {
        badPortIds++;
        continue;
      }
      if (!protocol || !mapped) {
        const key = `${port.attrs.get('protocol') ?? '?'} ${st?.attrs.get('state') ?? '?'}`;
        skipped.set(key, (skipped.get(key) ?? 0) + 1);
        continue;
      }
      const reason = st?.attrs.get('reason') ?? 'unknown';
      const service = childNamed(port, 'service');
      entry.counts[mapped.state]++;
      results.push({
        host: address,
        port: portid,
        protocol,
        state: mapped.state,
        reason: mapped.note ? `${reason} (${mapped.note})` : reason,
        // nmap records no per-port round trip, only the host's smoothed one (HostResult.srttMs).
        rttMs: null,
        service: service?.attrs.get('name') ?? null,
        hint: hintOf(service),
      });
    }
  };

  const root = parseXml(text, {
    keep: (path) => path.length === 1 || KEPT_PATHS.has(path.join('/')),
    onClose: (el, path) => {
      if (path.length !== 2 || path[0] !== 'nmaprun' || el.name !== 'host') return false;
      readHost(el);
      return true;
    },
  });
  if (root.name !== 'nmaprun') {
    throw new ReportError('bad-request', `this XML is not nmap output: its root element is <${root.name}>, not <nmaprun>`);
  }
  const args = root.attrs.get('args') ?? null;
  const runstats = childNamed(root, 'runstats');
  const finished = runstats ? childNamed(runstats, 'finished') : undefined;
  // Run-level notes first, as a reader expects them.
  const runNotes: string[] = [];
  if (!finished) runNotes.push('the scan did not finish (the file has no <runstats>): results may be partial');
  if (finished?.attrs.get('exit') === 'error') runNotes.push(`nmap reported an error: ${finished.attrs.get('errormsg') ?? 'unknown'}`);
  const startedAt = isoFromUnix(root.attrs.get('start')) ?? isoFromUnix(finished?.attrs.get('time')) ?? new Date().toISOString();
  const finishedAt = isoFromUnix(finished?.attrs.get('time')) ?? startedAt;
  const protocols = [...new Set(childrenNamed(root, 'scaninfo').map((s) => protocolOf(s.attrs.get('protocol'))).filter((p) => p !== null))];
  if (protocols.length > 1) runNotes.push(`the scan covers ${protocols.join(' and ')}: each row keeps its own protocol`);
  warnings.unshift(...runNotes);
  if (hostsWithoutAddress > 0) warnings.push(hostsWithoutAddress === 1 ? 'a <host> without an address was skipped' : `${hostsWithoutAddress} <host> elements without an address were skipped`);
  if (badPortIds > 0) warnings.push(`${badPortIds} port(s) without a valid port id (a decimal number from 1 to 65535) were left out`);
  for (const [key, n] of skipped) warnings.push(`${n} port(s) of kind '${key}' have no place in Portscope's scan view and were left out`);

  const counts = zero();
  for (const h of hosts) for (const s of Object.keys(counts) as PortState[]) counts[s] += h.counts[s];
  const probes = counts.open + counts.closed + counts.filtered + counts['open|filtered'];
  const elapsed = Number(finished?.attrs.get('elapsed'));
  const durationMs = Number.isFinite(elapsed) && elapsed >= 0 ? elapsed * 1000 : Math.max(0, Date.parse(finishedAt) - Date.parse(startedAt));
  const scan: ReportScan = {
    source: 'nmap',
    target: targetsFromArgs(args) ?? hosts.map((h) => h.address).join(' '),
    command: args,
    scanner: `nmap ${root.attrs.get('version') ?? ''}`.trim(),
    result: {
      scanId: `nmap-${root.attrs.get('start') ?? Date.parse(startedAt) / 1000}`,
      protocol: protocols[0] ?? results[0]?.protocol ?? 'tcp',
      timing: timingOf(args),
      startedAt,
      finishedAt,
      cancelled: !finished || finished.attrs.get('exit') === 'error',
      hosts,
      results,
      summary: {
        probes,
        retransmissions: 0,
        resourceBackoffs: 0,
        selfConnects: 0,
        counts,
        hostsUp: hosts.filter((h) => h.state === 'up').length,
        hostsDown: hosts.filter((h) => h.state === 'down').length,
        durationMs,
        ratePerSec: durationMs > 0 ? Math.round((probes / durationMs) * 1000) : 0,
      },
      warnings,
    },
  };
  const checked = ReportScanSchema.safeParse(scan);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new ReportError('bad-request', `nmap XML could not be read: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
  }
  return { scan: checked.data, warnings };
}

/** nmap's options that take a value, so the targets are what remains of the command line. */
const OPTIONS_WITH_VALUE = new Set([
  '-p', '-oX', '-oN', '-oG', '-oA', '-oS', '-iL', '-e', '-S', '-g', '-D', '--top-ports', '--exclude', '--excludefile',
  '--max-retries', '--host-timeout', '--scan-delay', '--min-rate', '--max-rate', '--source-port', '--script',
  '--script-args', '--max-rtt-timeout', '--initial-rtt-timeout', '--min-rtt-timeout', '--datadir', '--stylesheet',
  '--ttl', '--data-length', '--dns-servers', '--min-parallelism', '--max-parallelism', '--min-hostgroup', '--max-hostgroup',
]);

/** `nmap -sT -p 22,80 -oX - 127.0.0.1 ::1` -> `127.0.0.1 ::1` (best effort: a label only). */
export function targetsFromArgs(args: string | null): string | null {
  if (!args) return null;
  const words = args.trim().split(/\s+/).slice(1);
  const targets: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (OPTIONS_WITH_VALUE.has(w)) i++;
    else if (!w.startsWith('-')) targets.push(w);
  }
  return targets.length > 0 ? targets.join(' ') : null;
}
