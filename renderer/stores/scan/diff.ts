import { forEachPort, type HostResult, type PortResult, type PortState, type ScanResult } from '../../../shared/contract';
import { plainT, type Tr } from '../../i18n/plain';

/** What a scan knows of a port: its state, or `not-recorded` (probed, but its closed ports were only counted). */
export type PortOutcome = PortState | 'not-recorded';

export interface PortChange {
  host: string;
  port: number;
  protocol: PortResult['protocol'];
  before: PortOutcome;
  after: PortOutcome;
}

const key = (r: Pick<PortResult, 'host' | 'port' | 'protocol'>) => `${r.protocol}|${r.host}|${r.port}`;

function portSet(list: string | null | undefined): Set<number> | null {
  if (list === null || list === undefined) return null;
  const set = new Set<number>();
  forEachPort(list, (p) => set.add(p));
  return set;
}

/** Reads one scan's answer for any port: listed, among the closed ones it kept, or not probed at all. */
class ScanView {
  private readonly listed: Map<string, PortResult>;
  private readonly hosts: Map<string, HostResult>;
  private readonly ports: Set<number> | null;
  private readonly closed = new Map<string, Set<number> | null>();

  constructor(private readonly scan: ScanResult) {
    this.listed = new Map(scan.results.map((r) => [key(r), r]));
    this.hosts = new Map(scan.hosts.map((h) => [h.address, h]));
    this.ports = portSet(scan.ports);
  }

  /** null: this scan did not probe the port (another host, port or protocol, or cancelled before it). */
  outcome(host: string, port: number, protocol: PortResult['protocol']): PortOutcome | null {
    if (protocol !== this.scan.protocol) return null;
    const r = this.listed.get(key({ host, port, protocol }));
    if (r) return r.state;
    if (this.ports && !this.ports.has(port)) return null;
    const h = this.hosts.get(host);
    if (!h) return this.scan.hostsOmitted ? 'not-recorded' : null;
    if (!this.closed.has(host)) this.closed.set(host, portSet(h.closedPorts));
    const closed = this.closed.get(host)!;
    if (closed) return closed.has(port) ? 'closed' : null;
    // An older result: its omitted closed ports were counted, not listed.
    return h.closedOmitted > 0 ? 'not-recorded' : null;
  }
}

/**
 * What changed between two scans, port by port, like `ndiff`: ports that opened, closed or
 * became filtered. Only ports both scans probed are compared (a 1-300 scan says nothing about
 * port 1000); ports with the same state in both are left out, and so is a port one scan saw
 * closed where the other only counted its closed ports.
 */
export function diffScans(a: ScanResult, b: ScanResult): PortChange[] {
  const va = new ScanView(a);
  const vb = new ScanView(b);
  const changes = new Map<string, PortChange>();
  for (const r of [...a.results, ...b.results]) {
    const k = key(r);
    if (changes.has(k)) continue;
    const before = va.outcome(r.host, r.port, r.protocol);
    const after = vb.outcome(r.host, r.port, r.protocol);
    if (before === null || after === null || before === after) continue;
    if ((before === 'not-recorded' && after === 'closed') || (before === 'closed' && after === 'not-recorded')) continue;
    changes.set(k, { host: r.host, port: r.port, protocol: r.protocol, before, after });
  }
  return [...changes.values()].sort((x, y) => x.host.localeCompare(y.host) || x.port - y.port);
}

/**
 * How a port's state (or a change's side) reads on screen. The states are nmap's words (open,
 * closed, filtered, open|filtered) and stay as nmap, the CLI and the reports print them, like
 * LISTEN and ESTABLISHED; only "not recorded", Portscope's own, is translated.
 */
export function outcomeLabel(o: PortOutcome, t: Tr = plainT('en')): string {
  return o === 'not-recorded' ? t('ui.scan.state.notRecorded') : o;
}

/** Round-trip times in buckets for the histogram; bucket width adapts to the spread. */
/** A number with exactly `decimals` digits after the point, in the reader's language ("0,005" in German). */
export type FixedNumber = (value: number, decimals: number) => string;

const fixedEnglish: FixedNumber = (v, decimals) => v.toFixed(decimals);

export function rttHistogram(results: readonly PortResult[], fixed: FixedNumber = fixedEnglish, buckets = 12): Array<{ label: string; from: number; count: number }> {
  const rtts = results.map((r) => r.rttMs).filter((v): v is number => v !== null);
  if (rtts.length === 0) return [];
  let max = 0;
  for (const v of rtts) if (v > max) max = v;
  const width = niceWidth(max / buckets);
  const n = Math.max(1, Math.min(buckets, Math.ceil((max + Number.EPSILON) / width)));
  const counts = new Array<number>(n).fill(0);
  for (const v of rtts) {
    const i = Math.min(n - 1, Math.floor(v / width));
    counts[i] = (counts[i] ?? 0) + 1;
  }
  // Kernel-measured loopback times are microseconds: the labels carry as many decimals as the width needs.
  const decimals = Math.max(0, -Math.floor(Math.log10(width) + 1e-9));
  return counts.map((count, i) => ({ label: `${bound(i * width, decimals, fixed)}–${bound((i + 1) * width, decimals, fixed)} ms`, from: i * width, count }));
}

function niceWidth(raw: number): number {
  if (raw <= 0) return 0.1;
  const exp = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 5, 10]) if (raw <= m * exp) return m * exp;
  return 10 * exp;
}

function bound(v: number, decimals: number, fixed: FixedNumber): string {
  return v === 0 ? '0' : fixed(v, decimals);
}
