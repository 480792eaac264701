import { createRequire } from 'node:module';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../electron/engine/report/markdown';
import { visibleControls } from '../../electron/engine/report/text';
import { HOSTILE_ARGS, HOSTILE_NAME, useEngineWithHostileServer } from './support/hostile';
import { diagnosisFixture, scanFixture } from './support/fixtures';

const fixture = useEngineWithHostileServer();

// jsdom ships no types and the Node-side tsconfig has no DOM lib: the little used here, typed.
interface MiniElement {
  textContent: string | null;
  querySelector(selector: string): MiniElement | null;
  querySelectorAll(selector: string): MiniElement[] & Iterable<MiniElement>;
}
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string) => { window: { document: MiniElement } };
};

/** Markdown as a GFM renderer (marked, like GitHub's) turns it into a DOM. */
function render(md: string): MiniElement {
  return new JSDOM(marked.parse(md, { gfm: true, async: false })).window.document;
}

describe('Markdown escaping', () => {
  it('escapes every character a renderer could act on inside a line', () => {
    expect(escapeMarkdown('a|b`c*d_e[f]g<h>i&j~k$l\\m')).toBe('a\\|b\\`c\\*d\\_e\\[f\\]g\\<h\\>i\\&j\\~k\\$l\\\\m');
    expect(escapeMarkdown('line\nbreak\r\u202eevil')).toBe('line\\\\x0abreak\\\\x0d\\\\u202eevil');
  });

  it('renders hostile text as the same text, never as markup', () => {
    for (const text of [...HOSTILE_ARGS, HOSTILE_NAME, '<script>x</script>', '![img](http://x/a.png)', '[a](javascript:alert(1))', '`code`', '**b** _i_ ~~s~~', '&amp; &#60;', 'http://example.com/', 'see www.example.com', 'root@example.com', 'mailto:a@b.c']) {
      const doc = render(`| h |\n| --- |\n| ${escapeMarkdown(text)} |\n`);
      const cells = [...doc.querySelectorAll('tbody td')];
      expect(cells.length, text).toBe(1);
      expect(cells[0]!.textContent).toBe(text);
      expect(doc.querySelectorAll('td *').length, text).toBe(0);
    }
  });
});

describe('Markdown report from the live engine', () => {
  it('keeps every table intact and every hostile cell inert and exact', async () => {
    const res = await fixture.engine.handlers['report.export']({
      what: 'listeners',
      format: 'md',
      title: '# Not a heading | <b>x</b>',
      scan: { source: 'portscope', target: '127.0.0.1', command: null, scanner: 'portscope', result: scanFixture([fixture.server.tcpPort], [81]) },
      diagnosis: diagnosisFixture(fixture.server.tcpPort),
    });
    const doc = render(res.content!);
    expect(doc.querySelector('h1')!.textContent).toBe('# Not a heading | <b>x</b>');
    // The report's own emphasis (summary labels, footer) is fine; nothing else may become markup.
    expect(doc.querySelectorAll('script, img, a, b, i, code, del, td *, th *, h1 *, h2 *').length).toBe(0);
    expect([...doc.querySelectorAll('h2')].map((h) => h.textContent!.replace(/ \(\d+\)$/, ''))).toEqual([
      'Listening ports',
      'Processes',
      'Scan results',
      `Diagnosis of port ${fixture.server.tcpPort}/tcp`,
    ]);
    for (const table of doc.querySelectorAll('table')) {
      const width = table.querySelectorAll('thead th').length;
      for (const row of table.querySelectorAll('tbody tr')) expect(row.querySelectorAll('td').length).toBe(width);
    }
    const listeners = doc.querySelectorAll('table')[0]!;
    const headers = [...listeners.querySelectorAll('thead th')].map((th) => th.textContent);
    const row = [...listeners.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('td:nth-child(2)')!.textContent === `127.0.0.1:${fixture.server.tcpPort}`)!;
    const cell = (name: string) => row.querySelectorAll('td')[headers.indexOf(name)]!.textContent;
    expect(cell('Process')).toBe(HOSTILE_NAME);
    expect(cell('PID')).toBe(String(fixture.server.pid));
    const snapshot = await fixture.engine.handlers['sockets.snapshot']({});
    expect(cell('Command line')).toBe(visibleControls(snapshot.processes.find((p) => p.pid === fixture.server.pid)!.commandLine));
    expect(res.content!).toContain('http; HTTP/1.1 200 OK; =cmd\\|x \\<b\\>bold\\</b\\>');
    const hint = [...doc.querySelectorAll('table')[2]!.querySelectorAll('td')].find((td) => td.textContent!.startsWith('http; '));
    expect(hint!.textContent).toBe('http; HTTP/1.1 200 OK; =cmd|x <b>bold</b>');
  });
});
