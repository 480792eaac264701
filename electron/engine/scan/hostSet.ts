import type { ScanTarget } from '../../../shared/contract/scan';
import { addressString } from './address';

/** Consecutive addresses from one spec: a CIDR block, a range, a literal, or one resolved address. */
export interface HostRun {
  spec: string;
  name: string | null;
  family: 4 | 6;
  start: bigint;
  count: number;
}

/**
 * The hosts of a scan as address runs, read by index on demand: memory stays the size of the
 * request (a few runs), not of the scan (a /8 is 16,777,216 hosts). The scan takes them a batch
 * at a time, as nmap's host groups do.
 */
export class HostSet {
  readonly count: number;
  /** offsets[i] = index of runs[i]'s first host. */
  private readonly offsets: number[] = [];

  constructor(readonly runs: readonly HostRun[]) {
    let n = 0;
    for (const r of runs) {
      this.offsets.push(n);
      n += r.count;
    }
    this.count = n;
  }

  at(index: number): ScanTarget {
    let lo = 0;
    let hi = this.runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    const r = this.runs[lo]!;
    return { spec: r.spec, address: addressString(r.family, r.start + BigInt(index - this.offsets[lo]!)), family: r.family, name: r.name };
  }

  /** Hosts [from, to), in order. */
  slice(from: number, to: number): ScanTarget[] {
    const out: ScanTarget[] = [];
    for (let i = from; i < Math.min(to, this.count); i++) out.push(this.at(i));
    return out;
  }
}

const key = (family: number, value: bigint) => (family === 6 ? value + (1n << 130n) : value);

/**
 * Drops addresses an earlier run already holds, keeping first-seen order. Runs rarely overlap:
 * a sorted pass finds out, and only then are the later runs cut around the earlier ones.
 */
export function withoutDuplicates(runs: readonly HostRun[]): HostRun[] {
  const sorted = runs
    .map((r, i) => ({ i, a: key(r.family, r.start), b: key(r.family, r.start) + BigInt(r.count) }))
    .sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.i - y.i));
  let overlap = false;
  for (let i = 1; i < sorted.length && !overlap; i++) overlap = sorted[i]!.a < sorted[i - 1]!.b;
  if (!overlap) return [...runs];
  // Covered intervals [a, b) seen so far, kept sorted and disjoint.
  const seen: Array<[bigint, bigint]> = [];
  const out: HostRun[] = [];
  for (const r of runs) {
    const a = key(r.family, r.start);
    const b = a + BigInt(r.count);
    let cursor = a;
    for (const [sa, sb] of seen) {
      if (sb <= cursor) continue;
      if (sa >= b) break;
      if (sa > cursor) out.push({ ...r, start: r.start + (cursor - a), count: Number(sa - cursor) });
      cursor = sb > cursor ? sb : cursor;
      if (cursor >= b) break;
    }
    if (cursor < b) out.push({ ...r, start: r.start + (cursor - a), count: Number(b - cursor) });
    insert(seen, a, b);
  }
  return out;
}

function insert(seen: Array<[bigint, bigint]>, a: bigint, b: bigint): void {
  let i = 0;
  while (i < seen.length && seen[i]![1] < a) i++;
  let j = i;
  let lo = a;
  let hi = b;
  while (j < seen.length && seen[j]![0] <= b) {
    if (seen[j]![0] < lo) lo = seen[j]![0];
    if (seen[j]![1] > hi) hi = seen[j]![1];
    j++;
  }
  seen.splice(i, j - i, [lo, hi]);
}
