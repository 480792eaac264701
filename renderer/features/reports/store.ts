import { createStore, type StoreApi } from 'zustand/vanilla';
import { REPORT_IMPORT_MAX_CHARS, type Report, type ReportDiff, type ReportScan } from '../../../shared/contract';
import type { CaptureInfo } from '../../../shared/contract/report';
import type { ReportSaveFormat } from '../../../shared/contract/report-save';
import type { RendererClient } from '../../contract/types';
import { errorMessage } from '../../format/errors';
import { createReportSaver, type ExportChoice, type ReportSaver } from './saver';
import { MAX_WIRE_MESSAGE_BYTES } from '../../../shared/contract/wire';
import { currentLang } from '../../i18n/current';
import { plainT } from '../../i18n/plain';
import { formatFor } from '../../i18n/useT';

/** What "Open" put on screen: a saved Portscope report (with its diff), or an nmap scan. */
export type Opened =
  | { kind: 'report'; fileName: string; report: Report; diff: ReportDiff | null; capture?: CaptureInfo | null }
  | { kind: 'nmap'; fileName: string; scan: ReportScan; warnings: string[] };

export interface ReportsState {
  exporting: ReportSaveFormat | null;
  exportMessage: string | null;
  exportError: string | null;
  opening: boolean;
  opened: Opened | null;
  openError: string | null;
  /** Re-reading the live state for the diff ("compare again"). */
  comparing: boolean;

  exportReport(format: ReportSaveFormat, choice: ExportChoice): Promise<void>;
  /** Opens a file's text: a saved JSON report or nmap `-oX` XML. */
  openText(fileName: string, text: string): Promise<void>;
  /** Opens a file's bytes (a capture in UTF-16 or a console code page): the engine decodes them. */
  openBytes(fileName: string, bytes: Uint8Array): Promise<void>;
  /** Reads a File from a file input or a drop, refusing oversized ones before reading them. */
  openFile(file: Pick<File, 'name' | 'size' | 'text'> & Partial<Pick<File, 'arrayBuffer'>>): Promise<void>;
  /** Compares the open report with the live state again. */
  compareAgain(): Promise<void>;
  close(): void;
}

export type ReportsStore = StoreApi<ReportsState> & { readonly saver: ReportSaver };

/** A JSON report is UTF-8: a file over this size is over the character limit too, or near it. */
export const MAX_FILE_BYTES = REPORT_IMPORT_MAX_CHARS * 2;

/**
 * Browser mode's WebSocket takes messages up to MAX_WIRE_MESSAGE_BYTES from the page, and a larger
 * one drops the connection. A file that would not fit is refused here with a way out instead;
 * Electron's IPC has no such limit.
 */
export const BROWSER_MODE_MAX_MESSAGE_BYTES = MAX_WIRE_MESSAGE_BYTES;

/** The size of the call message carrying `text` (JSON-escaped, UTF-8), with room for the envelope. */
export function importMessageBytes(text: string, fileName: string): number {
  return new TextEncoder().encode(JSON.stringify({ text, fileName })).length + 256;
}

/** The text of valid UTF-8 bytes without a UTF-16 byte-order mark, else null. */
function utf8OrNull(bytes: Uint8Array): string | null {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export interface ReportsStoreOptions {
  saver?: ReportSaver;
  /** Largest call message the transport carries; null for no limit. */
  maxMessageBytes?: number | null;
}

export function createReportsStore(client: RendererClient, options: ReportsStoreOptions = {}): ReportsStore {
  const saver = options.saver ?? createReportSaver(client, globalThis.window?.portscopeReports);
  const maxMessageBytes = options.maxMessageBytes ?? (client.connection.transport === 'websocket' ? BROWSER_MODE_MAX_MESSAGE_BYTES : null);
  let openedText: string | null = null;
  let openSeq = 0;
  const store = createStore<ReportsState>()((set, get) => ({
    exporting: null,
    exportMessage: null,
    exportError: null,
    opening: false,
    opened: null,
    openError: null,
    comparing: false,

    async exportReport(format, choice) {
      if (get().exporting) return;
      set({ exporting: format, exportMessage: null, exportError: null });
      try {
        const outcome = await saver.save(format, choice);
        set({ exportMessage: outcome.message });
      } catch (err) {
        set({ exportError: errorMessage(err).replace(/^\[[a-z-]+\]\s*/, '') });
      } finally {
        set({ exporting: null });
      }
    },

    async openText(fileName, text) {
      await openWith(fileName, text, { text, fileName });
    },

    async openBytes(fileName, bytes) {
      // UTF-8 text travels as text (the engine reads JSON, XML and UTF-8 captures from it); other
      // bytes (UTF-16 from PowerShell, cp850/cp866/GBK from cmd.exe) as base64 for the engine to decode.
      const text = utf8OrNull(bytes);
      if (text !== null) await openWith(fileName, text, { text, fileName });
      else await openWith(fileName, null, { text: '', base64: toBase64(bytes), fileName });
    },

    async openFile(file) {
      if (file.size > MAX_FILE_BYTES) {
        set({ openError: plainT(currentLang())('ui.reports.tooLarge', { name: file.name, size: formatFor(currentLang()).bytes(file.size) }) });
        return;
      }
      if (!file.arrayBuffer) {
        let text: string;
        try {
          text = await file.text();
        } catch (err) {
          set({ openError: plainT(currentLang())('ui.reports.readFailed', { name: file.name, error: errorMessage(err) }) });
          return;
        }
        await get().openText(file.name, text);
        return;
      }
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch (err) {
        set({ openError: plainT(currentLang())('ui.reports.readFailed', { name: file.name, error: errorMessage(err) }) });
        return;
      }
      await get().openBytes(file.name, bytes);
    },

    async compareAgain() {
      const opened = get().opened;
      if (!opened || opened.kind !== 'report' || opened.capture || openedText === null || get().comparing) return;
      set({ comparing: true, openError: null });
      try {
        const res = await client.call('report.import', { text: openedText, fileName: opened.fileName });
        if (res.kind === 'report' && get().opened === opened) set({ opened: { ...opened, diff: res.diff } });
      } catch (err) {
        set({ openError: errorMessage(err) });
      } finally {
        set({ comparing: false });
      }
    },

    close() {
      openSeq++;
      openedText = null;
      set({ opened: null, openError: null, opening: false });
    },
  }));

  /** Sends a file to `report.import` (as text or as base64 bytes) and shows what came back. */
  async function openWith(fileName: string, text: string | null, request: { text: string; base64?: string; fileName: string }): Promise<void> {
    const set = store.setState;
    const seq = ++openSeq;
    set({ opening: true, openError: null });
    try {
      const size = text ?? request.base64 ?? '';
      const t = plainT(currentLang());
      const f = formatFor(currentLang());
      if (text !== null && text.length > REPORT_IMPORT_MAX_CHARS) throw new Error(t('ui.reports.tooManyChars', { name: fileName, millions: Math.round(REPORT_IMPORT_MAX_CHARS / 1024 / 1024) }));
      if (maxMessageBytes !== null && importMessageBytes(size, fileName) > maxMessageBytes) {
        throw new Error(
          t('ui.reports.tooLargeForBrowser', {
            name: fileName,
            size: f.bytes(text !== null ? new TextEncoder().encode(text).length : Math.floor((size.length * 3) / 4)),
            max: f.bytes(maxMessageBytes),
          }),
        );
      }
      const res = await client.call('report.import', request);
      if (seq !== openSeq) return;
      openedText = text;
      set({ opened: res.kind === 'report' ? { kind: 'report', fileName, report: res.report, diff: res.diff, capture: res.capture ?? null } : { kind: 'nmap', fileName, scan: res.scan, warnings: res.warnings } });
    } catch (err) {
      if (seq === openSeq) set({ openError: errorMessage(err).replace(/^\[[a-z-]+\]\s*/, '') });
    } finally {
      if (seq === openSeq) set({ opening: false });
    }
  }

  return Object.assign(store, { saver });
}

// One store per contract client, so what is open survives moving between pages.
const stores = new WeakMap<RendererClient, ReportsStore>();

export function reportsStoreFor(client: RendererClient): ReportsStore {
  let store = stores.get(client);
  if (!store) stores.set(client, (store = createReportsStore(client)));
  return store;
}
