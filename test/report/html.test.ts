import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../shared/contract/report';
import { Engine } from '../../electron/engine/service';
import { escapeHtml } from '../../electron/engine/report/escape';
import { visibleControls } from '../../electron/engine/report/text';
import { saveReportFile } from '../../electron/engine/report/saveFile';
import { HOSTILE_ARGS, HOSTILE_NAME, startHostileServer, type HostileServer } from './support/hostile';
import { diagnosisFixture, probeFixture, scanFixture } from './support/fixtures';

// page.evaluate runs in Chromium; the Node-side type check only needs the little DOM used there.
interface DomElement {
  textContent: string | null;
  querySelector(selector: string): DomElement | null;
  attributes: Iterable<{ name: string }>;
}
declare const document: {
  querySelectorAll(selector: string): Iterable<DomElement> & { length: number };
  documentElement: { scrollWidth: number; clientWidth: number };
};

const ARTIFACTS = path.resolve(import.meta.dirname, '../../artifacts');
let engine: Engine;
let server: HostileServer;
let browser: Browser;
let html: string;

beforeAll(async () => {
  server = await startHostileServer();
  engine = new Engine({ transport: 'cli' });
  const res = await engine.handlers['report.export']({
    what: 'listeners',
    format: 'html',
    title: 'Machine report <i>for</i> "ops" & friends',
    scan: { source: 'portscope', target: '127.0.0.1', command: null, scanner: 'portscope', result: scanFixture([server.tcpPort, 22], [81, 82]) },
    probes: [probeFixture(server.tcpPort)],
    diagnosis: diagnosisFixture(server.tcpPort),
  });
  html = res.content!;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  engine?.dispose();
  await server?.stop();
});

describe('HTML report', () => {
  it('is self-contained: no script, no external resource, no event handler, a strict CSP', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    // Inside tags only: the same words as escaped text (a hostile argument) are harmless.
    expect(html).not.toMatch(/<[a-z][^>]*\son\w+=/i);
    expect(html).not.toMatch(/<[a-z][^>]*\s(src|href)=/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain(escapeHtml(HOSTILE_NAME));
  });

  it('renders in Chromium with hostile text shown as text, nothing run, nothing fetched', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const events: string[] = [];
    page.on('dialog', (d) => {
      events.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) events.push(`request: ${r.url()}`);
    });
    const file = path.join(ARTIFACTS, 'report.html');
    fs.mkdirSync(path.join(ARTIFACTS, 'screenshots'), { recursive: true });
    fs.writeFileSync(file, html);
    await page.goto(`file://${file}`);
    expect(await page.title()).toBe('Machine report <i>for</i> "ops" & friends');
    const facts = await page.evaluate((port) => {
      const row = [...document.querySelectorAll('table.t-listeners tbody tr')].find((tr) =>
        tr.querySelector('.c-local_address')?.textContent?.endsWith(`:${port}`),
      );
      const withHandlers = [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on')));
      return {
        process: row?.querySelector('.c-process')?.textContent ?? null,
        commandLine: row?.querySelector('.c-command_line')?.textContent ?? null,
        scripts: document.querySelectorAll('script, img, iframe, object, embed, a, link, form, input').length,
        handlers: withHandlers.length,
        bold: document.querySelectorAll('td b, td i, h1 i').length,
        svgs: document.querySelectorAll('figure.chart svg').length,
        tables: [...document.querySelectorAll('section.table h2')].map((h) => h.textContent),
        banner: [...document.querySelectorAll('table.t-scan td.c-hint')].map((td) => td.textContent).join('|'),
      };
    }, server.tcpPort);
    expect(facts.process).toBe(HOSTILE_NAME);
    const snapshot = await engine.handlers['sockets.snapshot']({});
    expect(facts.commandLine).toBe(visibleControls(snapshot.processes.find((p) => p.pid === server.pid)!.commandLine));
    expect(facts.commandLine).toContain(HOSTILE_ARGS[0]);
    expect(facts.scripts).toBe(0);
    expect(facts.handlers).toBe(0);
    expect(facts.bold).toBe(0);
    // states, exposure, top processes, scan states, one probe series
    expect(facts.svgs).toBe(5);
    expect(facts.tables).toEqual(['Listening ports 3', 'Processes 1', 'Scan results 5', 'Probe attempts 12', 'Diagnosis of port ' + server.tcpPort + '/tcp 4'].map((t) => expect.stringContaining(t.split(' ')[0]!)));
    expect(facts.banner).toContain('=cmd|x <b>bold</b>');
    await page.screenshot({ path: path.join(ARTIFACTS, 'screenshots/report.png'), fullPage: true });
    expect(events).toEqual([]);
    await page.close();
  });

  it('prints on A4 without running off the page', async () => {
    const page = await browser.newPage({ viewport: { width: 718, height: 1000 } });
    await page.setContent(html);
    await page.emulateMedia({ media: 'print' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The app's PDF path: printToPDF bytes saved atomically where the Save dialog said.
    expect(await saveReportFile(path.join(ARTIFACTS, 'report.pdf'), 'pdf', pdf)).toBe(pdf.length);
    await expect(saveReportFile(path.join(ARTIFACTS, 'report.html'), 'pdf', pdf)).rejects.toThrow(/PDF report must be saved as a \.pdf file/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'screenshots/report-print.png'), fullPage: true });
    await page.close();
  });

  it('follows a dark screen (prefers-color-scheme) and stays light when printed', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    await page.setContent(html);
    const colours = () =>
      page.evaluate(() => {
        const style = (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string; color: string } }).getComputedStyle(
          (globalThis as unknown as { document: { body: unknown } }).document.body,
        );
        return { bg: style.backgroundColor, ink: style.color };
      });
    const light = { bg: 'rgb(255, 255, 255)', ink: 'rgb(28, 40, 51)' };
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
    expect(await colours()).toEqual(light);
    await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
    expect(await colours()).toEqual({ bg: 'rgb(19, 24, 30)', ink: 'rgb(227, 232, 237)' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'screenshots/report-dark.png'), fullPage: false });
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    expect(await colours()).toEqual(light);
    await page.close();
  });

  it('the report it was made from validates against the schema', async () => {
    const res = await engine.handlers['report.export']({ what: 'listeners', format: 'json', scan: { source: 'portscope', target: 't', command: null, scanner: null, result: scanFixture([1], []) } });
    expect(() => ReportSchema.parse(JSON.parse(res.content!))).not.toThrow();
  });
});
