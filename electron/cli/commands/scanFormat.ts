import type { ScanProgress } from '../../../shared/contract/scan';
import { fmt, t } from '../i18n';

const fixedFormats = new Map<string, Intl.NumberFormat>();

/** `digits` decimals exactly, in the CLI's language ("0.120" / "0,120"). */
function fixed(n: number, digits: number): string {
  const locale = fmt().locale;
  const key = `${locale}:${digits}`;
  let f = fixedFormats.get(key);
  if (!f) fixedFormats.set(key, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f.format(n);
}

/** 65535 -> "65,535" ("65.535" in German): scan counts are read at a glance. */
export function num(n: number): string {
  return fmt().number(Math.round(n), 0);
}

/** Sub-millisecond loopback times need decimals; WAN times do not. */
export function formatRtt(ms: number): string {
  if (ms < 1) return `${fixed(ms, 3)} ms`;
  if (ms < 100) return `${fixed(ms, 1)} ms`;
  return `${num(ms)} ms`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${num(ms)} ms`;
  if (ms < 60_000) return `${fixed(ms / 1000, 2)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** `[#########.........]  45%  29,500/65,535  open 12  95,000/s  ETA 0.4 s` (no newline). */
export function progressLine(p: ScanProgress, width: number): string {
  const frac = p.total > 0 ? Math.min(1, p.done / p.total) : 1;
  const filled = Math.round(frac * width);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  const pct = fmt().percent(Math.floor(frac * 100) / 100).padStart(4);
  const eta = t('cli.scan.progress.eta', { eta: p.etaMs === null ? '--' : formatDuration(p.etaMs) });
  const rate = p.phase === 'hints' ? t('cli.scan.progress.hints') : `${num(p.ratePerSec)}/s`;
  return `${bar} ${pct}  ${num(p.done)}/${num(p.total)}  ${t('cli.scan.progress.open', { open: num(p.open) })}  ${rate}  ${eta}`;
}
