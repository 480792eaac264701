import type { ScanProgress } from '../../../shared/contract/scan';

/** 65535 -> "65,535": scan counts are read at a glance. */
export function num(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Sub-millisecond loopback times need decimals; WAN times do not. */
export function formatRtt(ms: number): string {
  if (ms < 1) return `${ms.toFixed(3)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** `[#########.........]  45%  29,500/65,535  open 12  95,000/s  ETA 0.4 s` (no newline). */
export function progressLine(p: ScanProgress, width: number): string {
  const frac = p.total > 0 ? Math.min(1, p.done / p.total) : 1;
  const filled = Math.round(frac * width);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  const pct = `${Math.floor(frac * 100)}%`.padStart(4);
  const eta = p.etaMs === null ? 'ETA --' : `ETA ${formatDuration(p.etaMs)}`;
  const rate = p.phase === 'hints' ? 'service hints' : `${num(p.ratePerSec)}/s`;
  return `${bar} ${pct}  ${num(p.done)}/${num(p.total)}  open ${num(p.open)}  ${rate}  ${eta}`;
}
