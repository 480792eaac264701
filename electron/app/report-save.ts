import type { IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { ContractError, ReportExportResponseSchema, toWireError, type ReportExportRequest, type ReportExportResponse } from '../../shared/contract';
import { engineFormatFor, ReportSaveRequestSchema, type ReportSaveFormat, type ReportSaveResponse } from '../../shared/contract/report-save';
import type { Content } from '../engine/report/atomicWrite';
import { saveReportFile, type SaveFormat } from '../engine/report/saveFile';
import { describeIssues, dispatchCall } from '../host/dispatch';
import type { EngineLink } from '../host/engine-link';
import type { IpcEnvelope } from './channels';
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
}

export const SAVE_FILTERS: Record<ReportSaveFormat, { name: string; extensions: string[] }> = {
  json: { name: 'JSON report', extensions: ['json'] },
  csv: { name: 'CSV table', extensions: ['csv'] },
  html: { name: 'HTML report', extensions: ['html', 'htm'] },
  md: { name: 'Markdown report', extensions: ['md', 'markdown'] },
  pdf: { name: 'PDF document', extensions: ['pdf'] },
};

/** The engine's suggested name (`portscope-host-time.html`) with the saved format's extension. */
export function suggestedFileName(suggested: string, format: ReportSaveFormat): string {
  const base = path.basename(suggested).replace(/\.[^.]*$/, '') || 'portscope-report';
  return `${base}.${SAVE_FILTERS[format].extensions[0]}`;
}

/**
 * A dialog on some systems returns the name without the extension the filter implies: add it.
 * A different extension is left alone, so saveReportFile refuses it with a clear message instead
 * of writing HTML into `report.csv`.
 */
export function withExtension(file: string, format: ReportSaveFormat): string {
  return path.extname(file) === '' ? `${file}.${SAVE_FILTERS[format].extensions[0]}` : file;
}

/** `report.export` through the engine link, checked like every other call (dispatchCall). */
export function exportThroughLink(link: EngineLink): (request: ReportExportRequest) => Promise<ReportExportResponse> {
  return async (request) => {
    const answer = await dispatchCall(link, 'report.export', request);
    if (!answer.ok) throw new ContractError(answer.error.code, answer.error.message);
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
  const busy = new Set<number>();
  let lastFolder: string | null = null;

  async function save(sender: ContentsLike, payload: unknown): Promise<ReportSaveResponse> {
    const parsed = ReportSaveRequestSchema.safeParse(payload);
    if (!parsed.success) throw new ContractError('bad-request', `Invalid request to save a report: ${describeIssues(parsed.error.issues)}`);
    const { format, report } = parsed.data;
    const exported = await deps.exportReport({ ...report, format: engineFormatFor(format) });
    if (exported.content === null) throw new ContractError('internal', 'The engine returned no report content.');
    const folder = lastFolder ?? deps.defaultFolder?.() ?? '';
    const answer = await deps.showSaveDialog(sender, {
      title: format === 'pdf' ? 'Save the report as PDF' : `Save the report as ${format.toUpperCase()}`,
      defaultPath: path.join(folder, suggestedFileName(exported.suggestedName, format)),
      filters: [SAVE_FILTERS[format]],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (answer.canceled || !answer.filePath) return { saved: false, format, path: null, bytes: 0 };
    const file = withExtension(answer.filePath, format);
    const content: Content = format === 'pdf' ? await deps.printToPdf(exported.content) : exported.content;
    const bytes = await saveFile(file, format, content);
    lastFolder = path.dirname(file);
    log(`saved a ${format} report (${bytes} bytes)`);
    return { saved: true, format, path: file, bytes };
  }

  const handler = async (event: IpcMainInvokeEvent, payload: unknown): Promise<IpcEnvelope> => {
    const e = event as unknown as SenderEvent;
    if (!isTrusted(e.senderFrame)) {
      log(`refused a report save from an untrusted frame (${e.senderFrame?.url ?? 'gone'})`);
      return { ok: false, error: { code: 'denied', message: 'This page may not save reports.' } };
    }
    const id = e.sender.id;
    if (busy.has(id)) return { ok: false, error: { code: 'unavailable', message: 'A report is already being saved in this window.' } };
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

/** main.ts: `bindElectronReportSave({ ipcMain, app, dialog, BrowserWindow }, link, log)`. */
export function bindElectronReportSave(electron: ElectronForReports, link: EngineLink, log: (message: string) => void): { dispose(): void } {
  return bindReportSave({
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
