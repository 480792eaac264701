import { fmt } from './i18n';

/**
 * A timestamp for a table column or a log-like line: the locale's numeric date and a 24-hour
 * time with two digits everywhere, so the column keeps one width ("02.12.2026, 08:29:25" in
 * German, "02-12-2026 08:29:25" in Dutch, "02/12/2026, 08:29:25" in English), local time.
 */
export function tableDateTime(ms: number, seconds = true): string {
  return new Intl.DateTimeFormat(fmt().locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  }).format(ms);
}

/** The time of day alone, as wide as tableDateTime's. */
export function tableTime(ms: number): string {
  return new Intl.DateTimeFormat(fmt().locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(ms);
}
