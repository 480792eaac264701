import type { ReportExportRequest, ReportFormat } from '../../../shared/contract';
import { fromBridgeError } from '../../../shared/contract/bridgeError';
import type { ReportSaveBridge, ReportSaveFormat } from '../../../shared/contract/report-save';
import type { RendererClient } from '../../contract/types';
import { downloadText, type DownloadEnv } from './download';
import { currentLang } from '../../i18n/current';
import { plainT } from '../../i18n/plain';
import { formatFor } from '../../i18n/useT';
import type { Lang } from '../../../shared/i18n';

declare global {
  interface Window {
    /** Present only inside Electron: the preload's "save this report" function (Save dialog, PDF). */
    portscopeReports?: ReportSaveBridge;
  }
}

/** What to export, as the Reports page chooses it (no format, never a path). */
export type ExportChoice = Omit<ReportExportRequest, 'format' | 'path'>;

export interface SaveOutcome {
  saved: boolean;
  /** For the status line: "Downloaded x.csv (2.1 kB)", "Saved to /home/me/x.pdf". */
  message: string;
}

/**
 * Where a report goes: in Electron, through main's Save dialog (PDF included); in a browser, as a
 * download of `report.export`'s content. The page asks the same way in both.
 */
export interface ReportSaver {
  readonly kind: 'dialog' | 'download';
  readonly formats: readonly ReportSaveFormat[];
  save(format: ReportSaveFormat, choice: ExportChoice): Promise<SaveOutcome>;
}

/** A file's size as the whole app writes sizes (binary units, IEC symbols), in the language in use. */
export function formatBytes(n: number, lang: Lang = currentLang()): string {
  return formatFor(lang).bytes(n);
}

const TEXT_FORMATS: readonly ReportFormat[] = ['json', 'csv', 'html', 'md'];

export function createReportSaver(client: RendererClient, bridge: ReportSaveBridge | undefined, env?: DownloadEnv): ReportSaver {
  if (bridge && typeof bridge.save === 'function') {
    return {
      kind: 'dialog',
      formats: [...TEXT_FORMATS, 'pdf'],
      async save(format, choice) {
        const res = await bridge.save({ format, report: choice }).catch((err: unknown) => {
          throw fromBridgeError(err);
        });
        const t = plainT(currentLang());
        return res.saved && res.path
          ? { saved: true, message: t('ui.reports.saved', { path: res.path, size: formatBytes(res.bytes) }) }
          : { saved: false, message: t('ui.reports.notSaved') };
      },
    };
  }
  return {
    kind: 'download',
    formats: TEXT_FORMATS,
    async save(format, choice) {
      const t = plainT(currentLang());
      if (format === 'pdf') throw new Error(t('ui.reports.pdfInBrowser'));
      const res = await client.call('report.export', { ...choice, format });
      if (res.content === null) throw new Error(t('ui.reports.noContent'));
      downloadText(res.content, res.mimeType, res.suggestedName, env);
      return { saved: true, message: t('ui.reports.downloaded', { name: res.suggestedName, size: formatBytes(res.bytes) }) };
    },
  };
}
