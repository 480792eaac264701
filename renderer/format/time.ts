import type { Format } from '../../shared/i18n';

/** An ISO time in the reader's language ("2 Dec 2026, 06:45:22", "02.12.2026, 06:45:22"); `—` when absent. */
export function formatDateTime(f: Format, iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : f.dateTime(d);
}

/** "3 h 12 min": how long a process has been running ('' when unknown). */
export function formatAge(f: Format, iso: string | null, now = Date.now()): string {
  if (!iso) return '';
  const ms = now - new Date(iso).getTime();
  if (!Number.isFinite(ms) || ms < 0) return '';
  // Whole seconds: an age reads "12 s", not "12.3 s".
  return f.duration(ms < 60_000 ? Math.floor(ms / 1000) * 1000 : ms);
}

/** A round-trip time: two decimals below 10 ms ("0,42 ms"), whole milliseconds above. */
export function formatMs(f: Format, ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  return `${f.number(ms, ms < 10 ? 2 : 0)}\u00a0ms`;
}

/** "850 ms", "12 s", "3 min 5 s". */
export function formatDuration(f: Format, ms: number): string {
  return f.duration(ms);
}
