/**
 * HTML and Markdown reports in German and Dutch: translated headings, column titles, summary
 * sentences and a real diagnosis' findings, and no English heading left; CSV and JSON keys stay
 * English. The report is made by the live engine from this machine's sockets (a loopback
 * listener of this test among them).
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagnoseResult } from '../../shared/contract/scan';
import { engineCatalogs } from '../../shared/i18n/catalogs/engine';
import { reportCatalogs } from '../../shared/i18n/catalogs/report';
import { socketCatalogs } from '../../shared/i18n/catalogs/socket';
import { Engine } from '../../electron/engine/service';

let engine: Engine;
let server: net.Server;
let diagnosis: DiagnoseResult;

beforeAll(async () => {
  server = net.createServer((s) => s.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  engine = new Engine({ transport: 'cli' });
  diagnosis = await engine.handlers['diagnose.run']({ port: (server.address() as net.AddressInfo).port, protocol: 'tcp', loopbackOnly: true, timeoutMs: 500 });
});
afterAll(async () => {
  engine?.dispose();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function exported(format: 'html' | 'md' | 'csv', lang?: 'en' | 'de' | 'nl'): Promise<string> {
  const res = await engine.handlers['report.export']({ what: 'all', format, diagnosis, ...(lang ? { lang } : {}) });
  return res.content!;
}

/** What a report shows as headings: section titles, column titles, summary labels, chart titles. */
const HEADING_KEYS = (Object.keys(reportCatalogs.en) as Array<keyof typeof reportCatalogs.en>).filter(
  (k) => /^report\.(table|column|summary\.[a-z]+$|chart\.[a-z]+$)/.test(k) && !k.endsWith('Value') && !/[{}]/.test(reportCatalogs.en[k]),
);

/** Headings as HTML shows them: <h2>, <th>, <dt>, <figcaption>. */
function htmlHeadings(html: string): string[] {
  return [...html.matchAll(/<(h1|h2|th|dt|figcaption)[^>]*>([^<]*)/g)].map((m) => m[2]!.trim());
}

/** Headings as Markdown shows them: #/## lines, the table header rows, the bold summary labels. */
function markdownHeadings(md: string): string[] {
  const lines = md.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    const h = /^#+ (.*?)(?: \(\d+\))?$/.exec(line);
    if (h) out.push(h[1]!);
    const label = /^- \*\*(.*):\*\*/.exec(line);
    if (label) out.push(label[1]!);
    if (line.startsWith('|') && /^\|( ---:? \|)+$/.test(lines[i + 1] ?? '')) {
      out.push(...line.split('|').map((c) => c.trim()).filter(Boolean));
    }
  });
  return out;
}

describe.each(['de', 'nl'] as const)('a report in %s', (lang) => {
  const r = reportCatalogs[lang];
  const s = socketCatalogs[lang];
  const e = engineCatalogs[lang];
  const englishOnly = HEADING_KEYS.map((k) => reportCatalogs.en[k]).filter((text, i) => text !== reportCatalogs[lang][HEADING_KEYS[i]!]);
  const englishSocket = (Object.keys(socketCatalogs.en) as Array<keyof typeof socketCatalogs.en>)
    .filter((k) => k.startsWith('socket.column.') && socketCatalogs.en[k] !== s[k])
    .map((k) => socketCatalogs.en[k]);

  it('HTML: translated headings, columns, summary and findings, no English heading left', async () => {
    const html = await exported('html', lang);
    expect(html).toContain(`<html lang="${lang}">`);
    const headings = htmlHeadings(html);
    for (const text of [r['report.table.listeners'], r['report.table.connections'], r['report.table.processes'], r['report.summary.listening'], r['report.chart.states']]) {
      expect(headings).toContain(text);
    }
    expect(headings).toContain(s['socket.column.local']);
    expect(headings).toContain(r['report.column.commandLine']);
    for (const english of [...englishOnly, ...englishSocket]) expect(headings, `English heading "${english}"`).not.toContain(english);
    // The diagnosis: its step names and findings from the engine catalog, not the engine's English.
    expect(html).toContain(e['engine.diagnose.listening.name']);
    expect(html).not.toContain('Is a process listening?');
    expect(html).toMatch(lang === 'de' ? /lauschende[rn]? (Socket|Sockets)/ : /luisterende sockets?/);
    // Dates through Intl, not the ISO text.
    expect(html).toMatch(lang === 'de' ? /\d\d\.\d\d\.\d{4}, \d\d:\d\d:\d\d/ : /\d{1,2} [a-z]{3}\.? \d{4}/);
  });

  it('Markdown: translated headings, columns and summary, no English heading left', async () => {
    const md = await exported('md', lang);
    const headings = markdownHeadings(md);
    for (const text of [r['report.table.listeners'], r['report.table.processes'], r['report.summary.connections'], s['socket.column.state']]) {
      expect(headings).toContain(text);
    }
    for (const english of [...englishOnly, ...englishSocket]) expect(headings, `English heading "${english}"`).not.toContain(english);
    expect(md).toContain(e['engine.diagnose.targets.name'].replace(/[?]/g, '?'));
    expect(md).not.toMatch(/Generated by|Listening ports|Socket table read at/);
  });
});

describe('reports that stay English', () => {
  it('is English without a language, as before', async () => {
    const html = await exported('html');
    expect(html).toContain('<html lang="en">');
    expect(htmlHeadings(html)).toEqual(expect.arrayContaining(['Listening ports', 'Local address', 'Listening']));
    expect(await exported('md', 'en')).toContain('## Listening ports (');
  });

  it('keeps CSV keys and JSON keys English in any language', async () => {
    const csv = await exported('csv', 'de');
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^protocol,local_address,local_port,/);
    const json = await engine.handlers['report.export']({ what: 'listeners', format: 'json', lang: 'nl' });
    const report = JSON.parse(json.content!) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['machine', 'listeners', 'generatedAt']));
  });
});
