import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { desktopContractError } from './desktop-text';

/**
 * PDF from the HTML report: Chromium prints it (printToPDF, honouring the report's
 * `@page { size: A4 }` print CSS) in a hidden window that can run nothing: sandboxed, no
 * JavaScript, no preload, no Node, its own in-memory session. The report itself carries a CSP
 * (`default-src 'none'`, inline styles and data: images only), so it cannot load anything either.
 */
export const PDF_WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  show: false,
  // A4 at 96 dpi, so the layout matches what the printed page gets.
  width: 794,
  height: 1123,
  webPreferences: {
    sandbox: true,
    javascript: false,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // In memory (no `persist:`): nothing of the app's own session is shared with the report.
    partition: 'portscope-report-pdf',
  },
};

export const PDF_OPTIONS: PrintToPDFOptions = { pageSize: 'A4', printBackground: true, preferCSSPageSize: true, generateDocumentOutline: true };

/** Chromium refuses URLs over 2 MiB: larger reports are loaded from a private temporary file. */
export const MAX_DATA_URL_CHARS = 1_900_000;

/** The part of a BrowserWindow the printer uses; Electron's fits. */
export interface PdfWindowLike {
  readonly webContents: {
    loadURL(url: string): Promise<void>;
    printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
  };
  destroy(): void;
  isDestroyed(): boolean;
}

export interface PdfPrinterOptions {
  /** `(options) => new BrowserWindow(options)` in main.ts; a fake in tests. */
  createWindow: (options: BrowserWindowConstructorOptions) => PdfWindowLike;
  /** Give up on a report that does not load and print within this time. */
  timeoutMs?: number;
  tmpDir?: string;
}

export function reportDataUrl(html: string): string {
  return `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
}

/** Returns `printToPdf(html) -> PDF bytes`; one hidden window per report, always destroyed. */
export function createPdfPrinter(options: PdfPrinterOptions): (html: string) => Promise<Uint8Array> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  return async (html) => {
    const win = options.createWindow(PDF_WINDOW_OPTIONS);
    let tmp: string | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      let url = reportDataUrl(html);
      if (url.length > MAX_DATA_URL_CHARS) {
        tmp = await mkdtemp(path.join(options.tmpDir ?? os.tmpdir(), 'portscope-pdf-'));
        const file = path.join(tmp, 'report.html');
        await writeFile(file, html, { mode: 0o600 });
        url = pathToFileURL(file).href;
      }
      const work = (async () => {
        await win.webContents.loadURL(url);
        return win.webContents.printToPDF(PDF_OPTIONS);
      })();
      // After a timeout the window is destroyed and the load fails: that late failure is expected.
      work.catch(() => {});
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(desktopContractError('unavailable', 'desktop.error.pdfTimeout', { seconds: Math.round(timeoutMs / 1000) })), timeoutMs);
      });
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
      if (!win.isDestroyed()) win.destroy();
      if (tmp) await rm(tmp, { recursive: true, force: true });
    }
  };
}
