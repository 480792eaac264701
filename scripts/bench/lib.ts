/** Small helpers shared by the benchmarks: timing, medians, a results table. */

export async function timeIt(fn: () => unknown | Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface Target {
  label: string;
  value: number;
  limit: number;
  /** 'max': value must be ≤ limit; 'min': value must be ≥ limit. */
  kind: 'max' | 'min';
  unit: string;
}

export function printTargets(targets: Target[]): boolean {
  let ok = true;
  console.log('\ntarget                                              measured      limit   verdict');
  for (const t of targets) {
    const pass = t.kind === 'max' ? t.value <= t.limit : t.value >= t.limit;
    ok &&= pass;
    const v = `${t.value.toFixed(t.unit === '×' ? 2 : 1)}${t.unit}`;
    const l = `${t.kind === 'max' ? '≤' : '≥'} ${t.limit}${t.unit}`;
    console.log(`${t.label.padEnd(52)} ${v.padStart(10)} ${l.padStart(10)}   ${pass ? 'met' : 'MISSED'}`);
  }
  return ok;
}
