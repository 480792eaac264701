/**
 * Byte counts, rates and round-trip times for people: binary units, as `ss`, `ip -s` and
 * Portscope's CLI count them (1 KiB = 1,024 B), three significant digits, grouped and punctuated
 * by the user's locale through Intl.NumberFormat.
 */

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

// Built once: Intl formatters are costly to create and the table formats thousands of cells.
const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const small = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const tiny = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The number scaled to its unit step, and the unit: 1536 → [1.5, 'KiB']. */
export function scaleBytes(bytes: number): { value: number; unit: (typeof UNITS)[number] } {
  let value = Math.max(0, bytes);
  let i = 0;
  while (i < UNITS.length - 1 && value >= 1024) {
    value /= 1024;
    i++;
  }
  return { value, unit: UNITS[i] as (typeof UNITS)[number] };
}

function formatScaled(value: number, unit: string): string {
  if (unit === 'B') return `${whole.format(value)} B`;
  // As the CLI rounds: two decimals below 10, one below 100, none above.
  const fmt = value >= 100 ? whole : value >= 10 ? small : tiny;
  return `${fmt.format(value)} ${unit}`;
}

/** "0 B", "512 B", "1.50 KiB", "45.6 MiB", "789 GiB" (as the CLI prints them). */
export function formatBytes(bytes: number): string {
  const { value, unit } = scaleBytes(bytes);
  return formatScaled(value, unit);
}

/** Bytes per second: "0 B/s", "1.20 MiB/s". */
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

const axis = new Intl.NumberFormat(undefined, { maximumSignificantDigits: 2 });

/** For chart axes, where width is short: two significant digits, "1.5 MiB", "780 KiB". */
export function formatBytesShort(bytes: number): string {
  const { value, unit } = scaleBytes(bytes);
  return `${axis.format(value)} ${unit}`;
}
