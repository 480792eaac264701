/**
 * Numbers, sizes, dates and times for one language, all through Intl so German reads "1,2 MB"
 * and "vor 4 Sekunden" and Dutch "4 seconden geleden". The formatters are built once per
 * `createFormat` call; keep the result instead of calling it per row.
 *
 * Byte sizes are binary with IEC symbols (KiB = 1024 B, MiB, GiB, TiB), as `ss`, `ip -s` and
 * Portscope's traffic columns have always counted: the symbols are the same in English, German
 * and Dutch (IEC 80000-13), so only the number is localised ("1,21 MiB"), and a socket's byte
 * counter reads the same as in the tools next to it. One scheme everywhere, CLI, reports and
 * app, so the same value never shows two ways. Three significant digits: "1.50 KiB", "15.0 KiB",
 * "150 KiB".
 *
 * Durations use the SI symbols ms, s, min and h, the same in all three languages (DIN 1301 and
 * NEN write them this way too); whole days are written out ("3 Tage", "3 dagen").
 */
import { INTL_LOCALE, type Lang } from './locale';

export interface FormatOptions {
  /** IANA time zone for dates and times; the runtime's local zone when absent (tests pass UTC). */
  readonly timeZone?: string;
}

export interface Format {
  readonly lang: Lang;
  /** The Intl locale used: en-GB, de-DE or nl-NL. */
  readonly locale: string;
  /** 1234.5 -> "1,234.5" / "1.234,5"; at most `maxFractionDigits` (default 2) after the point. */
  number(value: number, maxFractionDigits?: number): string;
  /** 0.256 -> "26%" / "26 %"; `fractionDigits` (default 0) after the point. */
  percent(ratio: number, fractionDigits?: number): string;
  /** 1536 -> "1.50 KiB" / "1,50 KiB"; 1234567 -> "1.18 MiB"; below 1024 "512 B". */
  bytes(value: number): string;
  /** Bytes per second: "1,18 MiB/s". */
  byteRate(bytesPerSecond: number): string;
  /** "2 Dec 2026" / "02.12.2026" / "2 dec 2026". */
  date(value: Date | number): string;
  /** "06:45:22". */
  time(value: Date | number): string;
  /** "2 Dec 2026, 06:45:22" / "02.12.2026, 06:45:22". */
  dateTime(value: Date | number): string;
  /** How long ago (or ahead) `value` is from `now`: "4 seconds ago", "vor 4 Sekunden", "over 2 minuten". */
  relative(value: Date | number, now?: Date | number): string;
  /** A span: "850 ms", "1.2 s", "3 min 4 s", "2 h 5 min", "3 days". */
  duration(ms: number): string;
  /** ["a", "b", "c"] -> "a, b and c" / "a, b und c" / "a, b en c". */
  list(items: readonly string[]): string;
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function createFormat(lang: Lang, options: FormatOptions = {}): Format {
  const locale = INTL_LOCALE[lang];
  const tz = options.timeZone === undefined ? {} : { timeZone: options.timeZone };

  const numbers = new Map<string, Intl.NumberFormat>();
  const numberFormat = (key: string, make: () => Intl.NumberFormatOptions): Intl.NumberFormat => {
    let f = numbers.get(key);
    if (!f) numbers.set(key, (f = new Intl.NumberFormat(locale, make())));
    return f;
  };
  const fixed = (digits: number) => numberFormat(`n${digits}`, () => ({ maximumFractionDigits: digits }));
  const unit = (name: string, digits: number, display: 'short' | 'long') =>
    numberFormat(`${name}:${digits}:${display}`, () => ({ style: 'unit', unit: name, unitDisplay: display, maximumFractionDigits: digits }));

  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...tz });
  const timeFormat = new Intl.DateTimeFormat(locale, { timeStyle: 'medium', ...tz });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', ...tz });
  const relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const listFormat = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });

  const bytes = (value: number): string => {
    if (!Number.isFinite(value)) return fixed(0).format(value);
    const sign = value < 0 ? -1 : 1;
    let size = Math.abs(value);
    let index = 0;
    while (size >= 1024 && index < BYTE_UNITS.length - 1) {
      size /= 1024;
      index += 1;
    }
    const digits = index === 0 ? 0 : size < 10 ? 2 : size < 100 ? 1 : 0;
    const number = numberFormat(`b${digits}`, () => ({ minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }));
    return `${number.format(sign * (index === 0 ? Math.round(size) : size))} ${BYTE_UNITS[index]}`;
  };

  const sym = (value: number, symbol: string, digits = 0) => `${fixed(digits).format(value)}\u00a0${symbol}`;

  return {
    lang,
    locale,
    number: (value, maxFractionDigits = 2) => fixed(maxFractionDigits).format(value),
    percent: (ratio, fractionDigits = 0) =>
      numberFormat(`p${fractionDigits}`, () => ({ style: 'percent', minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits })).format(ratio),
    bytes,
    byteRate: (bytesPerSecond) => `${bytes(bytesPerSecond)}/s`,
    date: (value) => dateFormat.format(value),
    time: (value) => timeFormat.format(value),
    dateTime: (value) => dateTimeFormat.format(value),
    relative: (value, now = Date.now()) => {
      const diff = Number(value) - Number(now);
      const abs = Math.abs(diff);
      if (abs < MINUTE) return relativeFormat.format(Math.round(diff / SECOND), 'second');
      if (abs < HOUR) return relativeFormat.format(Math.round(diff / MINUTE), 'minute');
      if (abs < DAY) return relativeFormat.format(Math.round(diff / HOUR), 'hour');
      return relativeFormat.format(Math.round(diff / DAY), 'day');
    },
    duration: (ms) => {
      const abs = Math.abs(ms);
      const sign = ms < 0 ? '-' : '';
      if (abs < SECOND) return sym(ms, 'ms', abs < 10 ? 1 : 0);
      if (abs < MINUTE) return sym(ms / SECOND, 's', abs < 10 * SECOND ? 1 : 0);
      if (abs < HOUR) {
        const min = Math.floor(abs / MINUTE);
        const s = Math.round((abs % MINUTE) / SECOND);
        return s === 0 || s === 60 ? sign + sym(min + (s === 60 ? 1 : 0), 'min') : `${sign}${sym(min, 'min')} ${sym(s, 's')}`;
      }
      if (abs < DAY) {
        const h = Math.floor(abs / HOUR);
        const min = Math.round((abs % HOUR) / MINUTE);
        return min === 0 || min === 60 ? sign + sym(h + (min === 60 ? 1 : 0), 'h') : `${sign}${sym(h, 'h')} ${sym(min, 'min')}`;
      }
      return unit('day', 1, 'long').format(ms / DAY);
    },
    list: (items) => listFormat.format(items),
  };
}
