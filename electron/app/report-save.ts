import type { IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { ContractError, ReportExportResponseSchema, toWireError, type ReportExportRequest, type ReportExportResponse } from '../../shared/contract';
import { engineFormatFor, ReportSaveRequestSchema, type ReportSaveFormat, type ReportSaveResponse } from '../../shared/contract/report-save';
import type { Content } from '../engine/report/atomicWrite';
import { saveReportFile, type SaveFormat } from '../engine/report/saveFile';
import { describeIssues, dispatchCall } from '../host/dispatch';
import type { EngineLink } from '../host/engine-link';
import type { IpcEnvelope } from './channels';
import { DesktopText, desktopContractError, desktopWireError } from './desktop-text';
import type { ContentsLike, IpcMainLike, SenderEvent } from './ipc';
import { isTrustedSender, type FrameLike } from './policy';
import { createPdfPrinter } from './report-pdf';
import { REPORT_SAVE_CHANNEL } from './report-save-channel';

export { REPORT_SAVE_CHANNEL };

/*
 * The one IPC channel beside the generic contract: "save this report" (the Save dialog and
 * printToPDF exist only in the main process). The page names what to export and the format;
 * main asks the engine for the content (never taking content or a path from the page), shows the
 * Save dialog, and writes the file atomically where the user chose.
 */

export interface SaveDialogRequest {
  title: string;
  defaultPath: string;
  filters: Array<{ name: string; extensions: string[] }>;
  /** Ask before replacing a file (Linux needs it spelled out), and allow a new folder. */
  properties: Array<'createDirectory' | 'showOverwriteConfirmation'>;
}

export interface SaveDialogAnswer {
  canceled: boolean;
  filePath?: string;
}

export interface ReportSaveDeps {
  ipcMain: Pick<IpcMainLike, 'handle' | 'removeHandler'>;
  /** `report.export` through the engine (see exportThroughLink). */
  exportReport: (request: ReportExportRequest) => Promise<ReportExportResponse>;
  /** Electron's dialog.showSaveDialog, parented to the sender's window. */
  showSaveDialog: (sender: ContentsLike, options: SaveDialogRequest) => Promise<SaveDialogAnswer>;
  /** The HTML report printed as PDF (report-pdf.ts). */
  printToPdf: (html: string) => Promise<Uint8Array>;
  /** The folder the first dialog opens in (Electron: app.getPath('documents')). */
  defaultFolder?: () => string | null;
  saveFile?: (file: string, format: SaveFormat, content: Content) => Promise<number>;
  isTrusted?: (frame: FrameLike | null) => boolean;
  log?: (message: string) => void;
  /** The language the dialog speaks, read at each save (it follows the page's switch); English when absent. */
  text?: Pick<DesktopText, 't'>;
}

/** The extensions each format is saved with, the first being the one a dialog adds. */
export const SAVE_EXTENSIONS: Record<ReportSaveFormat, string[]> = {
  json: ['json'],
  csv: ['csv'],
  html: ['html', 'htm'],
  md: ['md', 'markdown'],
  pdf: ['pdf'],
};

/** How the format's name reads in messages (data, the same in every language). */
const FORMAT_NAMES: Record<ReportSaveFormat, string> = { json: 'JSON', csv: 'CSV', html: 'HTML', md: 'Markdown', pdf: 'PDF' };

const ENGLISH: Pick<DesktopText, 't'> = new DesktopText(['en']);

/** The Save dialog's file-type filter, named in the dialog's language. */
export function saveFilter(format: ReportSaveFormat, text: Pick<DesktopText, 't'> = ENGLISH): { name: string; extensions: string[] } {
  return { name: text.t('desktop.save.filter', { format }), extensions: SAVE_EXTENSIONS[format] };
}

/** The engine's suggested name (`portscope-host-time.html`) with the saved format's extension. */
export function suggestedFileName(suggested: string, format: ReportSaveFormat): string {
  const base = path.basename(suggested).replace(/\.[^.]*$/, '') || 'portscope-report';
  return `${base}.${SAVE_EXTENSIONS[format][0]}`;
}

/**
 * A dialog on some systems returns the name without the extension the filter implies: add it.
 * A different extension is left alone, so saveReportFile refuses it with a clear message instead
 * of writing HTML into `report.csv`.
 */
export function withExtension(file: string, format: ReportSaveFormat): string {
  return path.extname(file) === '' ? `${file}.${SAVE_EXTENSIONS[format][0]}` : file;
}

/**
 * The extension must be one of the format's (saveReportFile checks it too, in English): refused
 * here first with a keyed message, so the page can say it in the reader's language.
 */
function checkExtension(file: string, format: ReportSaveFormat): void {
  const ext = path.extname(file).toLowerCase().replace(/^\./, '');
  if (SAVE_EXTENSIONS[format].includes(ext)) return;
  throw desktopContractError('bad-request', 'desktop.error.wrongExtension', { name: FORMAT_NAMES[format], extension: `.${SAVE_EXTENSIONS[format][0]}`, file: path.basename(file) });
}

/** Printing failed or took too long: a keyed error (the printer's own timeout is keyed already). */
async function printPdf(print: (html: string) => Promise<Uint8Array>, html: string): Promise<Uint8Array> {
  try {
    return await print(html);
  } catch (err) {
    if (err instanceof ContractError) throw err;
    throw desktopContractError('internal', 'desktop.error.pdfFailed', { reason: err instanceof Error ? err.message : String(err) });
  }
}

/** `report.export` through the engine link, checked like every other call (dispatchCall). */
export function exportThroughLink(link: EngineLink): (request: ReportExportRequest) => Promise<ReportExportResponse> {
  return async (request) => {
    const answer = await dispatchCall(link, 'report.export', request);
    // The engine's key and values stay with its message, so the page shows it translated.
    if (!answer.ok) {
      const { code, message, messageKey, values } = answer.error;
      throw new ContractError(code, message, messageKey ? { messageKey, ...(values ? { values } : {}) } : undefined);
    }
    return ReportExportResponseSchema.parse(JSON.parse(answer.json));
  };
}

/**
 * Binds the save channel. Checks, in order: the sender frame (only the app's own top-level page),
 * the payload (ReportSaveRequestSchema, strict: no path can ride along), one dialog per window at
 * a time. Answers an IpcEnvelope like the contract's channels, so the preload throws the same
 * kind of error for both.
 */
export function bindReportSave(deps: ReportSaveDeps): { dispose(): void } {
  const isTrusted = deps.isTrusted ?? isTrustedSender;
  const log = deps.log ?? (() => {});
  const saveFile = deps.saveFile ?? saveReportFile;
  const text = deps.text ?? ENGLISH;
  const busy = new Set<number>();
  let lastFolder: string | null = null;

  async function save(sender: ContentsLike, payload: unknown): Promise<ReportSaveResponse> {
    const parsed = ReportSaveRequestSchema.safeParse(payload);
    if (!parsed.success) throw desktopContractError('bad-request', 'desktop.error.saveInvalid', { issues: describeIssues(parsed.error.issues) });
    const { format, report } = parsed.data;
    const exported = await deps.exportReport({ ...report, format: engineFormatFor(format) });
    if (exported.content === null) throw desktopContractError('internal', 'desktop.error.noContent');
    const folder = lastFolder ?? deps.defaultFolder?.() ?? '';
    const answer = await deps.showSaveDialog(sender, {
      title: text.t('desktop.save.title', { format }),
      defaultPath: path.join(folder, suggestedFileName(exported.suggestedName, format)),
      filters: [saveFilter(format, text)],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (answer.canceled || !answer.filePath) return { saved: false, format, path: null, bytes: 0 };
    const file = withExtension(answer.filePath, format);
    checkExtension(file, format);
    const content: Content = format === 'pdf' ? await printPdf(deps.printToPdf, exported.content) : exported.content;
    const bytes = await saveFile(file, format, content).catch((err: unknown) => {
      if (err instanceof ContractError) throw err;
      throw desktopContractError('internal', 'desktop.error.writeFailed', { file: path.basename(file), reason: err instanceof Error ? err.message : String(err) });
    });
    lastFolder = path.dirname(file);
    log(`saved a ${format} report (${bytes} bytes)`);
    return { saved: true, format, path: file, bytes };
  }

  const handler = async (event: IpcMainInvokeEvent, payload: unknown): Promise<IpcEnvelope> => {
    const e = event as unknown as SenderEvent;
    if (!isTrusted(e.senderFrame)) {
      log(`refused a report save from an untrusted frame (${e.senderFrame?.url ?? 'gone'})`);
      return { ok: false, error: desktopWireError('denied', 'desktop.error.saveDenied') };
    }
    const id = e.sender.id;
    if (busy.has(id)) return { ok: false, error: desktopWireError('unavailable', 'desktop.error.saveBusy') };
    busy.add(id);
    try {
      return { ok: true, json: JSON.stringify(await save(e.sender, payload)) };
    } catch (err) {
      return { ok: false, error: toWireError(err) };
    } finally {
      busy.delete(id);
    }
  };

  deps.ipcMain.handle(REPORT_SAVE_CHANNEL, handler);
  return {
    dispose() {
      deps.ipcMain.removeHandler(REPORT_SAVE_CHANNEL);
    },
  };
}

/** The Electron modules the save channel needs, passed in by main.ts (tests use fakes instead). */
export interface ElectronForReports {
  ipcMain: ReportSaveDeps['ipcMain'];
  app: { getPath(name: 'documents'): string };
  dialog: Pick<Electron.Dialog, 'showSaveDialog'>;
  BrowserWindow: {
    new (options: Electron.BrowserWindowConstructorOptions): Electron.BrowserWindow;
    fromWebContents(contents: Electron.WebContents): Electron.BrowserWindow | null;
  };
}

/** main.ts: `bindElectronReportSave({ ipcMain, app, dialog, BrowserWindow }, link, log, text)`. */
export function bindElectronReportSave(electron: ElectronForReports, link: EngineLink, log: (message: string) => void, text?: Pick<DesktopText, 't'>): { dispose(): void } {
  return bindReportSave({
    ...(text ? { text } : {}),
    ipcMain: electron.ipcMain,
    exportReport: exportThroughLink(link),
    showSaveDialog: (sender, options) => {
      const owner = electron.BrowserWindow.fromWebContents(sender as unknown as Electron.WebContents);
      return owner ? electron.dialog.showSaveDialog(owner, options) : electron.dialog.showSaveDialog(options);
    },
    printToPdf: createPdfPrinter({ createWindow: (options) => new electron.BrowserWindow(options) }),
    defaultFolder: () => {
      try {
        return electron.app.getPath('documents');
      } catch {
        return null;
      }
    },
    log,
  });
}
