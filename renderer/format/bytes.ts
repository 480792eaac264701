/**
 * Byte counts, rates and round-trip times for people: decimal units as network tools count them
 * (1 kB = 1,000 B, as Sniffnet and nethogs' "KB/s" mean it), three significant digits at most,
 * grouped and punctuated by the user's locale through Intl.NumberFormat.
 */

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] as const;

// Built once: Intl formatters are costly to create and the table formats thousands of cells.
const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const small = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const tiny = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The number scaled to its unit step, and the unit: 1234567 → [1.23, 'MB']. */
export function scaleBytes(bytes: number): { value: number; unit: (typeof UNITS)[number] } {
  let value = Math.max(0, bytes);
  let i = 0;
  // 999.6 kB would round to "1,000 kB": step up before rounding can reach the next unit.
  while (i < UNITS.length - 1 && value >= 999.5) {
    value /= 1000;
    i++;
  }
  return { value, unit: UNITS[i] as (typeof UNITS)[number] };
}

function formatScaled(value: number, unit: string): string {
  if (unit === 'B') return `${whole.format(value)} B`;
  const fmt = value >= 99.95 ? whole : value >= 9.995 ? small : tiny;
  return `${fmt.format(value)} ${unit}`;
}

/** "0 B", "512 B", "1.23 kB", "45.6 MB", "789 GB". */
export function formatBytes(bytes: number): string {
  const { value, unit } = scaleBytes(bytes);
  return formatScaled(value, unit);
}

/** Bytes per second: "0 B/s", "1.20 MB/s". */
export function formatRate(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

const msFmt = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const msWhole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** "0.05 ms", "12.3 ms", "240 ms", "1.50 s". */
export function formatRtt(ms: number): string {
  if (ms >= 1000) return `${tiny.format(ms / 1000)} s`;
  if (ms >= 100) return `${msWhole.format(ms)} ms`;
  if (ms < 1) return `${tiny.format(ms)} ms`;
  return `${msFmt.format(ms)} ms`;
}

const countFmt = new Intl.NumberFormat();

/** Plain counts (segments, packets, cwnd): "12,345". */
export function formatCount(n: number): string {
  return countFmt.format(n);
}
