import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessLink, type EngineLink } from '../../electron/host/engine-link';
import { Engine } from '../../electron/engine/service';
import { createPdfPrinter, MAX_DATA_URL_CHARS, PDF_WINDOW_OPTIONS, type PdfWindowLike } from '../../electron/app/report-pdf';
import { bindReportSave, exportThroughLink, REPORT_SAVE_CHANNEL, suggestedFileName, withExtension, type SaveDialogRequest } from '../../electron/app/report-save';
import { createReportSaveBridge } from '../../electron/app/report-save-bridge';
import { DesktopText } from '../../electron/app/desktop-text';
import { fromBridgeError } from '../../shared/contract/bridgeError';
import { errorMessage } from '../../renderer/format/errors';
import { setCurrentLang } from '../../renderer/i18n/current';
import { ReportSchema } from '../../shared/contract/report';
import { ContractError } from '../../shared/contract';
import { FakeLink } from '../host/support/fake-link';
import { appFrame, FakeIpcMain } from './fake-electron';

/**
 * The desktop app's report saving, in plain Node: the real engine (electron transport) makes the
 * content, a fake dialog answers, the real atomic writer writes into a temporary folder, and the
 * real preload bridge talks to the real binding through a fake ipcMain.
 */
let dir: string;
let engine: Engine;
let link: EngineLink;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'portscope-save-'));
  engine = new Engine({ transport: 'electron' });
  link = inProcessLink(engine);
});

afterAll(async () => {
  await link?.close();
  await rm(dir, { recursive: true, force: true });
});

const FAKE_PDF = new TextEncoder().encode('%PDF-1.7\n%fake\n');

function setup(answer: (options: SaveDialogRequest) => { canceled: boolean; filePath?: string }, text?: DesktopText) {
  const ipcMain = new FakeIpcMain();
  const dialogs: SaveDialogRequest[] = [];
  const printed: string[] = [];
  const logs: string[] = [];
  const binding = bindReportSave({
    ipcMain,
    exportReport: exportThroughLink(link),
    showSaveDialog: async (_sender, options) => {
      dialogs.push(options);
      return answer(options);
    },
    printToPdf: async (html) => {
      printed.push(html);
      return FAKE_PDF;
    },
    defaultFolder: () => dir,
    log: (m) => logs.push(m),
    ...(text ? { text } : {}),
  });
  const page = createReportSaveBridge(ipcMain.connect(appFrame).ipc);
  return { ipcMain, dialogs, printed, logs, binding, page };
}

describe('saving a report from the desktop app', () => {
  it('exports through the engine, asks where, and writes the JSON report there', async () => {
    const target = path.join(dir, 'machine.json');
    const { page, dialogs } = setup(() => ({ canceled: false, filePath: target }));
    const res = await page.save({ format: 'json', report: { what: 'all', title: 'Before the upgrade' } });
    expect(res).toEqual({ saved: true, format: 'json', path: target, bytes: expect.any(Number) });
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0]!.title).toBe('Save the report as JSON');
    expect(dialogs[0]!.filters).toEqual([{ name: 'JSON report', extensions: ['json'] }]);
    expect(dialogs[0]!.properties).toContain('showOverwriteConfirmation');
    expect(path.dirname(dialogs[0]!.defaultPath)).toBe(dir);
    expect(path.basename(dialogs[0]!.defaultPath)).toMatch(/^portscope-.*\.json$/);
    const report = ReportSchema.parse(JSON.parse(await readFile(target, 'utf8')));
    expect(report.title).toBe('Before the upgrade');
    expect(report.listeners).not.toBeNull();
    expect(report.connections).not.toBeNull();
    expect((await readFile(target)).length).toBe(res.bytes);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { page } = setup(() => ({ canceled: true }));
    const before = await readdir(dir);
    expect(await page.save({ format: 'csv', report: { what: 'listeners', table: 'listeners' } })).toEqual({ saved: false, format: 'csv', path: null, bytes: 0 });
    expect(await readdir(dir)).toEqual(before);
  });

  it('prints PDF from the HTML report and adds the extension a dialog left out', async () => {
    const { page, printed, dialogs } = setup(() => ({ canceled: false, filePath: path.join(dir, 'printed') }));
    const res = await page.save({ format: 'pdf', report: { what: 'listeners' } });
    expect(res.path).toBe(path.join(dir, 'printed.pdf'));
    expect(dialogs[0]!.defaultPath).toMatch(/\.pdf$/);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^<!doctype html>/i);
    expect(printed[0]).toContain('Content-Security-Policy');
    expect(await readFile(path.join(dir, 'printed.pdf'))).toEqual(Buffer.from(FAKE_PDF));
  });

  it('refuses a file whose extension contradicts the format, and leaves it alone', async () => {
    const { page } = setup(() => ({ canceled: false, filePath: path.join(dir, 'wrong.csv') }));
    await expect(page.save({ format: 'html', report: { what: 'listeners' } })).rejects.toThrow(/\[bad-request\].*\.html/);
    expect(existsSync(path.join(dir, 'wrong.csv'))).toBe(false);
  });

  it('never takes a path or content from the page, nor unknown formats', async () => {
    const { page, dialogs } = setup(() => ({ canceled: false, filePath: path.join(dir, 'x.json') }));
    const smuggle = (request: unknown) => page.save(request as Parameters<typeof page.save>[0]);
    await expect(smuggle({ format: 'json', report: { what: 'all', path: '/etc/passwd' } })).rejects.toThrow(/\[bad-request\]/);
    await expect(smuggle({ format: 'json', report: {}, content: 'x' })).rejects.toThrow(/\[bad-request\]/);
    await expect(smuggle({ format: 'exe', report: {} })).rejects.toThrow(/\[bad-request\]/);
    await expect(smuggle(null)).rejects.toThrow(/\[bad-request\]/);
    expect(dialogs).toHaveLength(0);
  });

  it('refuses subframes, other origins and vanished frames without showing a dialog', async () => {
    const { ipcMain, dialogs, logs } = setup(() => ({ canceled: false, filePath: path.join(dir, 'x.json') }));
    for (const frame of [{ url: 'portscope-app://app/index.html', parent: {} }, { url: 'file:///tmp/report.html', parent: null }, null]) {
      const intruder = createReportSaveBridge(ipcMain.connect(frame).ipc);
      await expect(intruder.save({ format: 'json', report: {} })).rejects.toThrow(/\[denied\]/);
    }
    expect(dialogs).toHaveLength(0);
    expect(logs.filter((l) => l.startsWith('refused'))).toHaveLength(3);
  });

  it('words the Save dialog in the language in use, German and Dutch', async () => {
    const text = new DesktopText(['de-DE']);
    const { page, dialogs } = setup(() => ({ canceled: true }), text);
    await page.save({ format: 'md', report: { what: 'listeners' } });
    await page.save({ format: 'pdf', report: { what: 'listeners' } });
    expect(dialogs.map((d) => [d.title, d.filters])).toEqual([
      ['Bericht als Markdown speichern', [{ name: 'Markdown-Bericht', extensions: ['md', 'markdown'] }]],
      ['Bericht als PDF speichern', [{ name: 'PDF-Dokument', extensions: ['pdf'] }]],
    ]);
    // The page's switch reaches the next dialog.
    text.set('nl');
    await page.save({ format: 'csv', report: { what: 'listeners', table: 'listeners' } });
    await page.save({ format: 'html', report: { what: 'listeners' } });
    expect(dialogs.slice(2).map((d) => [d.title, d.filters[0]!.name])).toEqual([
      ['Rapport opslaan als CSV', 'CSV-tabel'],
      ['Rapport opslaan als HTML', 'HTML-rapport'],
    ]);
  });

  it('sends its errors keyed, so the page shows them in its language', async () => {
    const { page } = setup(() => ({ canceled: false, filePath: path.join(dir, 'wrong.csv') }));
    const err = fromBridgeError(await page.save({ format: 'html', report: { what: 'listeners' } }).catch((e: unknown) => e));
    expect(err).toMatchObject({ code: 'bad-request', messageKey: 'desktop.error.wrongExtension', values: { name: 'HTML', extension: '.html', file: 'wrong.csv' } });
    try {
      expect(errorMessage(err)).toBe('This HTML report needs a file name ending in .html, not wrong.csv.');
      setCurrentLang('de');
      expect(errorMessage(err)).toBe('Dieser HTML-Bericht braucht einen Dateinamen mit der Endung .html, nicht wrong.csv.');
      setCurrentLang('nl');
      expect(errorMessage(err)).toBe('Dit HTML-rapport moet een bestandsnaam met de extensie .html krijgen, niet wrong.csv.');
      const invalid = fromBridgeError(await page.save(null as unknown as Parameters<typeof page.save>[0]).catch((e: unknown) => e));
      expect(errorMessage(invalid)).toMatch(/^Ongeldig verzoek om een rapport op te slaan: /);
    } finally {
      setCurrentLang('en');
    }
  });

  it('reports a failed write and a failed print keyed, with the reason', async () => {
    const ipcMain = new FakeIpcMain();
    bindReportSave({
      ipcMain,
      exportReport: exportThroughLink(link),
      showSaveDialog: async (_s, o) => ({ canceled: false, filePath: path.join(dir, o.filters[0]!.extensions[0] === 'pdf' ? 'x.pdf' : 'x.json') }),
      printToPdf: async () => {
        throw new Error('printing backend gone');
      },
      saveFile: async () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      },
    });
    const page = createReportSaveBridge(ipcMain.connect(appFrame).ipc);
    const write = fromBridgeError(await page.save({ format: 'json', report: {} }).catch((e: unknown) => e));
    expect(write).toMatchObject({ code: 'internal', messageKey: 'desktop.error.writeFailed', values: { file: 'x.json', reason: 'EACCES: permission denied' } });
    const print = fromBridgeError(await page.save({ format: 'pdf', report: {} }).catch((e: unknown) => e));
    expect(print).toMatchObject({ code: 'internal', messageKey: 'desktop.error.pdfFailed', values: { reason: 'printing backend gone' } });
    setCurrentLang('de');
    try {
      expect(errorMessage(write)).toBe('Der Bericht konnte nicht als x.json gespeichert werden: EACCES: permission denied');
    } finally {
      setCurrentLang('en');
    }
  });

  it('passes an engine error on with its key and values', async () => {
    const fake = new FakeLink();
    fake.answers['report.export'] = () => {
      throw new ContractError('unavailable', 'English from the engine', { messageKey: 'engine.some.key', values: { n: 2 } });
    };
    await expect(exportThroughLink(fake)({ what: 'all', format: 'json' })).rejects.toMatchObject({
      code: 'unavailable',
      message: 'English from the engine',
      messageKey: 'engine.some.key',
      values: { n: 2 },
    });
  });

  it('shows one Save dialog per window at a time', async () => {
    let release!: (v: { canceled: boolean }) => void;
    const ipcMain = new FakeIpcMain();
    bindReportSave({
      ipcMain,
      exportReport: exportThroughLink(link),
      showSaveDialog: () => new Promise((r) => (release = r)),
      printToPdf: async () => FAKE_PDF,
    });
    const page = createReportSaveBridge(ipcMain.connect(appFrame).ipc);
    const first = page.save({ format: 'md', report: {} });
    await new Promise((r) => setTimeout(r, 50));
    const busy = fromBridgeError(await page.save({ format: 'md', report: {} }).catch((e: unknown) => e));
    expect(busy).toMatchObject({ code: 'unavailable', message: 'A report is already being saved in this window.', messageKey: 'desktop.error.saveBusy' });
    release({ canceled: true });
    expect((await first).saved).toBe(false);
  });

  it('unbinds its channel', () => {
    const { ipcMain, binding } = setup(() => ({ canceled: true }));
    expect(ipcMain.handlers.has(REPORT_SAVE_CHANNEL)).toBe(true);
    expect(REPORT_SAVE_CHANNEL).toBe('portscope:@report.save');
    binding.dispose();
    expect(ipcMain.handlers.has(REPORT_SAVE_CHANNEL)).toBe(false);
  });

  it('names files after the engine suggestion, with the saved format', () => {
    expect(suggestedFileName('portscope-host-2026.html', 'pdf')).toBe('portscope-host-2026.pdf');
    expect(suggestedFileName('../../etc/portscope.md', 'md')).toBe('portscope.md');
    expect(withExtension('/tmp/a', 'csv')).toBe('/tmp/a.csv');
    expect(withExtension('/tmp/a.txt', 'csv')).toBe('/tmp/a.txt');
  });
});

class FakePdfWindow implements PdfWindowLike {
  destroyed = false;
  loaded: string[] = [];
  constructor(
    readonly options: unknown,
    private readonly hang = false,
  ) {}
  readonly webContents = {
    loadURL: async (url: string) => {
      this.loaded.push(url);
      if (this.hang) await new Promise(() => {});
    },
    printToPDF: async () => FAKE_PDF,
  };
  destroy() {
    this.destroyed = true;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

describe('printing the PDF', () => {
  it('prints in a hidden, sandboxed window without JavaScript, then destroys it', async () => {
    const windows: FakePdfWindow[] = [];
    const print = createPdfPrinter({ createWindow: (o) => (windows.push(new FakePdfWindow(o)), windows.at(-1)!) });
    expect(await print('<!doctype html><p>ok</p>')).toBe(FAKE_PDF);
    expect(windows[0]!.options).toBe(PDF_WINDOW_OPTIONS);
    expect(PDF_WINDOW_OPTIONS).toMatchObject({ show: false, webPreferences: { sandbox: true, javascript: false, contextIsolation: true, nodeIntegration: false } });
    expect(PDF_WINDOW_OPTIONS.webPreferences!.preload).toBeUndefined();
    expect(windows[0]!.loaded[0]).toMatch(/^data:text\/html;charset=utf-8;base64,/);
    expect(Buffer.from(windows[0]!.loaded[0]!.split(',')[1]!, 'base64').toString()).toBe('<!doctype html><p>ok</p>');
    expect(windows[0]!.destroyed).toBe(true);
  });

  it('loads a report too large for a data: URL from a private temporary file, removed afterwards', async () => {
    const windows: FakePdfWindow[] = [];
    const tmp = await mkdtemp(path.join(dir, 'pdf-'));
    const print = createPdfPrinter({ createWindow: (o) => (windows.push(new FakePdfWindow(o)), windows.at(-1)!), tmpDir: tmp });
    await print(`<!doctype html><pre>${'x'.repeat(MAX_DATA_URL_CHARS)}</pre>`);
    expect(windows[0]!.loaded[0]).toMatch(/^file:\/\/.*report\.html$/);
    expect(await readdir(tmp)).toEqual([]);
  });

  it('gives up on a report that never loads', async () => {
    const windows: FakePdfWindow[] = [];
    const print = createPdfPrinter({ createWindow: (o) => (windows.push(new FakePdfWindow(o, true)), windows.at(-1)!), timeoutMs: 50 });
    await expect(print('<p>')).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/longer than 0 s/), messageKey: 'desktop.error.pdfTimeout', values: { seconds: 0 } });
    expect(windows[0]!.destroyed).toBe(true);
  });
});
