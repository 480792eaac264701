import { z } from 'zod';
import { ReportExportRequestSchema, type ReportFormat } from './report';

/**
 * Saving a report from the desktop app. Web content never chooses a file: the page asks the
 * Electron main process to save "this report as that format"; main asks the engine for the
 * content itself (`report.export`, no path), shows the Save dialog, and writes where the user
 * chose (atomically). PDF is the HTML report printed by Chromium (`printToPDF`) in main.
 *
 * This is one small IPC channel beside the generic contract (the dialog exists only in the main
 * process), exposed by the preload as `window.portscopeReports.save(request)`. Browser mode has
 * no such function: it downloads `report.export`'s content instead.
 */
export const REPORT_SAVE_FORMATS = ['json', 'csv', 'html', 'md', 'pdf'] as const;
export const ReportSaveFormatSchema = z.enum(REPORT_SAVE_FORMATS);
export type ReportSaveFormat = z.infer<typeof ReportSaveFormatSchema>;

export const ReportSaveRequestSchema = z
  .object({
    format: ReportSaveFormatSchema,
    /** What to export, as for `report.export` but without `format` and `path`. */
    report: ReportExportRequestSchema.omit({ format: true, path: true }),
  })
  .strict();
export type ReportSaveRequest = z.input<typeof ReportSaveRequestSchema>;

export const ReportSaveResponseSchema = z.object({
  /** False when the user cancelled the dialog (nothing was written). */
  saved: z.boolean(),
  format: ReportSaveFormatSchema,
  /** Where the report was written; null when cancelled. */
  path: z.string().nullable(),
  bytes: z.number().int().nonnegative(),
});
export type ReportSaveResponse = z.infer<typeof ReportSaveResponseSchema>;

/** The export format the engine is asked for: PDF is printed from the HTML report. */
export function engineFormatFor(format: ReportSaveFormat): ReportFormat {
  return format === 'pdf' ? 'html' : format;
}

/** What the preload exposes as `window.portscopeReports` (Electron only). */
export interface ReportSaveBridge {
  save(request: ReportSaveRequest): Promise<ReportSaveResponse>;
}
