import type { Report } from '../../../shared/contract/report';
import { numberText, reportTables, shownColumns, type Cell, type Table } from './tables';
import { omittedLines, summaryLines } from './overview';
import { visibleControls } from './text';
import { reportText, reportTime, reportTitle, type ReportText } from './i18n';

/**
 * Markdown text is inert when every character a CommonMark/GFM renderer could act on inside a
 * line is backslash-escaped: `|` (would split a table cell), backticks (code spans), `<` `>` (raw
 * HTML and autolinks), `&` (entities), `*` `_` `~` (emphasis, strike-through), `[` `]` (links and
 * images: without them `(`, `)` and `!` do nothing), `$` (math on GitHub), and `\` itself.
 * Block markers (`#`, `-`, `>`, `1.`) act only at the start of a line, and hostile text never
 * starts one here. Line breaks would end a table row: control characters become visible escapes.
 * CommonMark lets any ASCII punctuation be escaped this way, and GFM honours `\|` inside tables.
 */
const MD_SPECIAL = /[\\`*_[\]<>|&~$]/g;

/**
 * GFM also turns bare URLs (`https://…`, `www.…`) and e-mail addresses into links: a hostile name
 * must not become a clickable link in a report, so the `:` of `scheme://`, the `.` after `www`
 * and every `@` are escaped too (addresses like `[::1]:80` are left readable).
 */
const AUTOLINK = /(:)(?=\/\/)|(?<=\bwww)(\.)|(@)/gi;

export function escapeMarkdown(text: string): string {
  return visibleControls(text)
    .replace(MD_SPECIAL, (c) => `\\${c}`)
    .replace(AUTOLINK, (c) => `\\${c}`);
}

function cell(value: Cell, numeric: boolean | undefined, text: ReportText): string {
  if (value === null || value === '') return numeric ? '' : ' ';
  return typeof value === 'number' ? numberText(value, text) : escapeMarkdown(value);
}

export function tableToMarkdown(table: Table, text: ReportText = reportText()): string {
  const cols = shownColumns(table);
  const head = `| ${cols.map(({ c }) => escapeMarkdown(c.header)).join(' | ')} |`;
  const rule = `|${cols.map(({ c }) => (c.numeric ? ' ---: ' : ' --- ')).join('|')}|`;
  const body = table.rows.map((row) => `| ${cols.map(({ c, i }) => cell(row[i] ?? null, c.numeric, text)).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

/** A whole report as GitHub-flavoured Markdown: title, summary list, one table per section. */
export function reportToMarkdown(report: Report, text: ReportText = reportText()): string {
  const { t } = text;
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(reportTitle(report, text))}`, '');
  for (const line of summaryLines(report, text)) out.push(`- **${escapeMarkdown(line.label)}:** ${escapeMarkdown(line.value)}`);
  out.push('');
  for (const table of reportTables(report, text)) {
    out.push(`## ${escapeMarkdown(table.title)} (${table.rows.length})`, '');
    out.push(table.rows.length > 0 ? tableToMarkdown(table, text) : `_${escapeMarkdown(t('report.none'))}_`, '');
  }
  const notListed = omittedLines(report.scan, text);
  if (notListed.length > 0) {
    out.push(escapeMarkdown(t('report.countedNotListed')), '');
    for (const line of notListed) out.push(`- ${escapeMarkdown(line)}`);
    out.push('');
  }
  if (report.warnings.length > 0) {
    out.push(`## ${escapeMarkdown(t('report.warnings'))}`, '');
    for (const w of report.warnings) out.push(`- ${escapeMarkdown(w)}`);
    out.push('');
  }
  const time = text.lang === 'en' ? report.generatedAt : reportTime(text, report.generatedAt);
  out.push(`_${escapeMarkdown(t('report.generatedMd', { generator: `${report.generator.name} ${report.generator.version}`, time }))}_`, '');
  return out.join('\n');
}
