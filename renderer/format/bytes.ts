/**
 * Byte counts, rates and round-trip times for people: binary units, as `ss`, `ip -s` and
 * Portscope's CLI count them (1 KiB = 1,024 B), three significant digits, grouped and punctuated
 * for the language in use (de "1,50 KiB", en "1.50 KiB") through Intl.NumberFormat. The unit
 * symbols are the same in every language (IEC).
 */
import { INTL_LOCALE, type Lang } from '../../shared/i18n';
import { currentLang } from '../i18n/current';

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

interface Formats {
  whole: Intl.NumberFormat;
  small: Intl.NumberFormat;
  tiny: Intl.NumberFormat;
  ms: Intl.NumberFormat;
  count: Intl.NumberFormat;
  axis: Intl.NumberFormat;
}

// Built once per language: Intl formatters are costly to create and the table formats thousands of cells.
const byLang = new Map<Lang, Formats>();
function formats(lang: Lang = currentLang()): Formats {
  let f = byLang.get(lang);
  if (!f) {
    const locale = INTL_LOCALE[lang];
    f = {
      whole: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
      small: new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      tiny: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      ms: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
      count: new Intl.NumberFormat(locale),
      axis: new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 }),
    };
    byLang.set(lang, f);
  }
  return f;
}

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

function formatScaled(value: number, unit: string, lang?: Lang): string {
  const { whole, small, tiny } = formats(lang);
  if (unit === 'B') return `${whole.format(value)} B`;
  // As the CLI rounds: two decimals below 10, one below 100, none above.
  const fmt = value >= 100 ? whole : value >= 10 ? small : tiny;
  return `${fmt.format(value)} ${unit}`;
}

/** "0 B", "512 B", "1.50 KiB", "45.6 MiB", "789 GiB" (as the CLI prints them). */
export function formatBytes(bytes: number, lang?: Lang): string {
  const { value, unit } = scaleBytes(bytes);
  return formatScaled(value, unit, lang);
}

/** Bytes per second: "0 B/s", "1.20 MiB/s". */
export function formatRate(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

/** "0.05 ms", "12.3 ms", "240 ms", "1.50 s". */
export function formatRtt(ms: number): string {
  const { tiny, ms: msFmt, whole: msWhole } = formats();
  if (ms >= 1000) return `${tiny.format(ms / 1000)} s`;
  if (ms >= 100) return `${msWhole.format(ms)} ms`;
  if (ms < 1) return `${tiny.format(ms)} ms`;
  return `${msFmt.format(ms)} ms`;
}

/** Plain counts (segments, packets, cwnd): "12,345". */
export function formatCount(n: number): string {
  return formats().count.format(n);
}

/** For chart axes, where width is short: two significant digits, "1.5 MiB", "780 KiB". */
export function formatBytesShort(bytes: number): string {
  const { value, unit } = scaleBytes(bytes);
  return `${formats().axis.format(value)} ${unit}`;
}
