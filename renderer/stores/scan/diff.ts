import type { PortResult, PortState, ScanResult } from '../../../shared/contract';

export interface PortChange {
  host: string;
  port: number;
  protocol: PortResult['protocol'];
  /** null: the port was not listed in that scan (not scanned, or a closed port left out). */
  before: PortState | null;
  after: PortState | null;
}

const key = (r: Pick<PortResult, 'host' | 'port' | 'protocol'>) => `${r.protocol}|${r.host}|${r.port}`;

/**
 * What changed between two scans, port by port, like `ndiff`: ports that opened, closed or
 * became filtered. Ports with the same state in both are left out.
 */
export function diffScans(a: ScanResult, b: ScanResult): PortChange[] {
  const before = new Map(a.results.map((r) => [key(r), r]));
  const after = new Map(b.results.map((r) => [key(r), r]));
  const changes: PortChange[] = [];
  for (const [k, r] of after) {
    const old = before.get(k);
    if (!old || old.state !== r.state) changes.push({ host: r.host, port: r.port, protocol: r.protocol, before: old?.state ?? null, after: r.state });
  }
  for (const [k, r] of before) if (!after.has(k)) changes.push({ host: r.host, port: r.port, protocol: r.protocol, before: r.state, after: null });
  return changes.sort((x, y) => x.host.localeCompare(y.host) || x.port - y.port);
}

/** Round-trip times in buckets for the histogram; bucket width adapts to the spread. */
export function rttHistogram(results: readonly PortResult[], buckets = 12): Array<{ label: string; from: number; count: number }> {
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
  return counts.map((count, i) => ({ label: `${fmt(i * width)}–${fmt((i + 1) * width)} ms`, from: i * width, count }));
}

function niceWidth(raw: number): number {
  if (raw <= 0) return 0.1;
  const exp = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 5, 10]) if (raw <= m * exp) return m * exp;
  return 10 * exp;
}

function fmt(v: number): string {
  return v < 1 ? v.toFixed(2).replace(/0+$/, '').replace(/\.$/, '') : String(Math.round(v * 10) / 10);
}
