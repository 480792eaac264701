import type { Report } from '../../../shared/contract/report';
import type { SocketRow, SocketState } from '../../../shared/contract/sockets';
import { barChart, lineChart, type Bar } from './charts';
import { escapeHtml } from './escape';
import { omittedLines, scanStateCounts, summaryLines } from './overview';
import { numberText, reportTables, shownColumns, type Table } from './tables';
import { HTML_STYLE } from './htmlStyle';
import { reportText, reportTime, reportTitle, type ReportText } from './i18n';

const STATE_COLORS: Partial<Record<SocketState, string>> = {
  LISTEN: '#2471a3',
  UNCONN: '#5dade2',
  ESTABLISHED: '#1e8449',
  TIME_WAIT: '#b7950b',
  CLOSE_WAIT: '#ca6f1e',
};
const SCAN_COLORS = { open: '#1e8449', closed: '#7f8c8d', filtered: '#c0392b', 'open|filtered': '#b7950b' };

function charts(report: Report, text: ReportText): string {
  const { t } = text;
  const s = report.machine.summary;
  const figures: string[] = [];
  const rows: SocketRow[] = [...(report.listeners ?? []), ...(report.connections ?? [])];
  if (report.listeners || report.connections) {
    const states = Object.entries(s.states)
      .map(([state, n]) => ({ label: state, value: n ?? 0, color: STATE_COLORS[state as SocketState] ?? '#85929e' }))
      .sort((a, b) => b.value - a.value);
    figures.push(barChart(t('report.chart.states'), states, text));
    figures.push(
      barChart(
        t('report.chart.exposure'),
        [
          { label: t('report.chart.exposureAll'), value: s.exposure.all, color: '#c0392b' },
          { label: t('report.chart.exposureSpecific'), value: s.exposure.specific, color: '#ca6f1e' },
          { label: t('report.chart.exposureLoopback'), value: s.exposure.loopback, color: '#1e8449' },
        ],
        text,
      ),
    );
    const perProcess = new Map<string, number>();
    for (const r of rows) {
      const key = r.pid === null ? t('report.chart.noOwner') : `${r.processName ?? '?'} (${r.pid})`;
      perProcess.set(key, (perProcess.get(key) ?? 0) + 1);
    }
    const top: Bar[] = [...perProcess]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 8)
      .map(([label, value]) => ({ label, value, color: '#6c3483' }));
    figures.push(barChart(t('report.chart.topProcesses'), top, text));
  }
  if (report.scan) {
    const counts = scanStateCounts(report);
    figures.push(
      barChart(
        t('report.chart.scanStates'),
        (Object.keys(counts) as Array<keyof typeof counts>).map((k) => ({ label: k, value: counts[k], color: SCAN_COLORS[k] })),
        text,
      ),
    );
  }
  for (const probe of report.probes ?? []) {
    const t0 = Date.parse(probe.attempts[0]?.at ?? '');
    figures.push(
      lineChart(
        t('report.chart.roundTrip', { target: `${probe.host}:${probe.port}/${probe.protocol}` }),
        probe.attempts.map((a) => ({ t: Number.isFinite(t0) ? Math.max(0, Date.parse(a.at) - t0) : 0, v: a.ok ? a.rttMs : null })),
        text,
      ),
    );
  }
  return figures.length > 0 ? `<section class="charts">${figures.join('')}</section>` : '';
}

function tableHtml(table: Table, text: ReportText): string {
  const cols = shownColumns(table);
  const head = cols.map(({ c }) => `<th class="${c.numeric ? 'num' : ''} c-${c.key}">${escapeHtml(c.header)}</th>`).join('');
  const body = table.rows
    .map((row) => {
      const cells = cols.map(({ c, i }) => {
        const v = row[i] ?? null;
        const shown = v === null ? '' : typeof v === 'number' ? escapeHtml(numberText(v, text)) : escapeHtml(v);
        return `<td class="${c.numeric ? 'num' : ''} c-${c.key}">${shown}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  const content =
    table.rows.length === 0
      ? `<p class="empty">${escapeHtml(text.t('report.none'))}</p>`
      : `<table class="t-${table.id}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
  return `<section class="table"><h2>${escapeHtml(table.title)} <span class="count">${table.rows.length}</span></h2>${content}</section>`;
}

/**
 * The report as one self-contained HTML file: inline CSS and SVG, no script, no external fetch
 * (the CSP meta tag forbids both, in case an escaping bug ever let markup through), laid out for
 * a screen and for A4 paper (Electron's printToPDF uses the same print CSS).
 */
export function reportToHtml(report: Report, text: ReportText = reportText()): string {
  const { t } = text;
  const title = reportTitle(report, text);
  const summary = summaryLines(report, text)
    .map((l) => `<div><dt>${escapeHtml(l.label)}</dt><dd>${escapeHtml(l.value)}</dd></div>`)
    .join('');
  const notListed = omittedLines(report.scan, text);
  const omitted = notListed.length ? `<p class="note">${escapeHtml(t('report.countedNotListedInline', { list: notListed.join('; ') }))}</p>` : '';
  const warnings = report.warnings.length
    ? `<section class="warnings"><h2>${escapeHtml(t('report.warnings'))}</h2><ul>${report.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul></section>`
    : '';
  const generator = `${report.generator.name} ${report.generator.version}`;
  const generated = `<time datetime="${escapeHtml(report.generatedAt)}">${escapeHtml(text.lang === 'en' ? report.generatedAt : reportTime(text, report.generatedAt))}</time>`;
  return `<!DOCTYPE html>
<html lang="${text.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(`${report.generator.name} ${report.generator.version}`)}">
<title>${escapeHtml(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><p class="sub">${t('report.generated', { time: generated, generator: escapeHtml(generator) })}</p></header>
<section class="summary"><dl>${summary}</dl></section>
${charts(report, text)}
${reportTables(report, text).map((table) => tableHtml(table, text)).join('\n')}
${omitted}
${warnings}
<footer>${escapeHtml(t('report.footer', { schema: report.schema, version: String(report.version) }))}</footer>
</body>
</html>
`;
}
