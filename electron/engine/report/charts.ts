import { escapeHtml } from './escape';
import { reportText, type ReportText } from './i18n';

/**
 * Inline SVG charts for the HTML report: drawn here as markup, so the report needs no script and
 * prints as sharp vectors. Every label is escaped (process names are hostile text).
 */
export interface Bar {
  label: string;
  value: number;
  color: string;
}

const WIDTH = 340;
const LABEL_WIDTH = 120;
const BAR_HEIGHT = 16;
const GAP = 6;

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Horizontal bars with the value at the end of each; an empty chart says so instead of drawing nothing. */
export function barChart(title: string, bars: readonly Bar[], text: ReportText = reportText()): string {
  const shown = bars.filter((b) => b.value > 0);
  const heading = `<figcaption>${escapeHtml(title)}</figcaption>`;
  if (shown.length === 0) return `<figure class="chart">${heading}<p class="empty">${escapeHtml(text.t('report.chart.empty'))}</p></figure>`;
  const max = Math.max(...shown.map((b) => b.value));
  const span = WIDTH - LABEL_WIDTH - 44;
  const height = shown.length * (BAR_HEIGHT + GAP) + GAP;
  const rows = shown.map((b, i) => {
    const y = GAP + i * (BAR_HEIGHT + GAP);
    const w = Math.max(2, Math.round((b.value / max) * span));
    return (
      `<g><title>${escapeHtml(`${b.label}: ${text.fmt.number(b.value, 0)}`)}</title>` +
      `<text x="${LABEL_WIDTH - 6}" y="${y + BAR_HEIGHT - 4}" text-anchor="end" class="lbl">${escapeHtml(truncate(b.label, 20))}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${w}" height="${BAR_HEIGHT}" rx="2" fill="${b.color}"/>` +
      `<text x="${LABEL_WIDTH + w + 5}" y="${y + BAR_HEIGHT - 4}" class="val">${escapeHtml(text.fmt.number(b.value, 0))}</text></g>`
    );
  });
  return (
    `<figure class="chart">${heading}` +
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeHtml(title)}">` +
    `${rows.join('')}</svg></figure>`
  );
}

export interface Point {
  /** ms since the first sample */
  t: number;
  /** null: the attempt failed (drawn as a red mark on the axis) */
  v: number | null;
}

/** Round trips over time for one probe series: a line for answers, red ticks for failures. */
export function lineChart(title: string, points: readonly Point[], text: ReportText = reportText()): string {
  const heading = `<figcaption>${escapeHtml(title)}</figcaption>`;
  if (points.length === 0) return `<figure class="chart">${heading}<p class="empty">${escapeHtml(text.t('report.chart.noSamples'))}</p></figure>`;
  const h = 120;
  const left = 40;
  const bottom = h - 18;
  const maxT = Math.max(1, ...points.map((p) => p.t));
  const maxV = Math.max(1, ...points.map((p) => p.v ?? 0));
  const x = (t: number) => left + Math.round((t / maxT) * (WIDTH - left - 10));
  const y = (v: number) => bottom - Math.round((v / maxV) * (bottom - 10));
  const ok = points.filter((p) => p.v !== null);
  const path = ok.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.t)},${y(p.v!)}`).join(' ');
  const fails = points
    .filter((p) => p.v === null)
    .map((p) => `<line x1="${x(p.t)}" x2="${x(p.t)}" y1="${bottom - 8}" y2="${bottom}" stroke="#c0392b" stroke-width="2"/>`)
    .join('');
  return (
    `<figure class="chart">${heading}` +
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${h}" width="${WIDTH}" height="${h}" role="img" aria-label="${escapeHtml(title)}">` +
    `<line x1="${left}" x2="${WIDTH - 10}" y1="${bottom}" y2="${bottom}" stroke="#999"/>` +
    `<text x="${left - 4}" y="14" text-anchor="end" class="val">${escapeHtml(text.cellNumber(Number(maxV.toFixed(1))))} ms</text>` +
    `<text x="${left - 4}" y="${bottom}" text-anchor="end" class="val">0</text>` +
    `<text x="${WIDTH - 10}" y="${h - 4}" text-anchor="end" class="val">${escapeHtml(text.fmt.duration(maxT))}</text>` +
    (path ? `<path d="${path}" fill="none" stroke="#2471a3" stroke-width="1.5"/>` : '') +
    `${fails}</svg></figure>`
  );
}
