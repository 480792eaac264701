import { z } from 'zod';
import { DiagnoseResultSchema, ProbeResultSchema, ScanResultSchema } from './scan';
import { ProcessInfoSchema, SocketRowSchema, SocketStateSchema } from './sockets';

/**
 * The saved report: what Portscope writes as JSON and reads back ("open a saved report").
 *
 * Versioning. `schema` names the format and `version` its major version. A reader accepts the
 * versions it knows and refuses others with a clear message; inside one version, fields are only
 * ever added (readers ignore fields they do not know, zod strips them), never renamed or retyped.
 * A change an older reader could misread bumps `version`.
 *
 * Sections. Every section is optional so one file can hold the listening ports alone, the
 * connections alone, a scan alone, or a whole machine report. `null` means "not part of this
 * report", which is different from an empty list ("looked, found nothing").
 *
 * Text. Process names, command lines, host names, banners and reasons are stored exactly as the
 * engine saw them (hostile text included): escaping belongs to each renderer (HTML, Markdown,
 * CSV), never to the data.
 */
export const REPORT_SCHEMA = 'portscope.report';
export const REPORT_VERSION = 1;

/**
 * A scan in a report: the scanner's own result (the shape the scan view and its charts show),
 * plus where it came from. An imported nmap XML file becomes the same ScanResult, so people can
 * look at scans they already have with the same tools.
 */
export const ReportScanSchema = z.object({
  /** Who produced the results: Portscope's own scanner, or an imported nmap XML file. */
  source: z.enum(['portscope', 'nmap']),
  /** What was scanned, as the user wrote it (targets), for titles and labels. */
  target: z.string(),
  /** nmap's command line for imported scans; null for Portscope's own. */
  command: z.string().nullable(),
  /** `nmap 7.93`, `portscope 0.1.0`. */
  scanner: z.string().nullable(),
  result: ScanResultSchema,
});
export type ReportScan = z.infer<typeof ReportScanSchema>;

const Count = z.number().int().nonnegative();

/** The numbers at the top of a report; the same ones the app shows in its status bar and charts. */
export const ReportSummarySchema = z.object({
  /** Every socket the engine saw when the report was taken (whatever the report includes). */
  sockets: Count,
  listeners: z.object({ total: Count, tcp: Count, udp: Count }),
  connections: z.object({ total: Count, established: Count, timeWait: Count, other: Count }),
  /** Listeners by who can reach them. */
  exposure: z.object({ loopback: Count, all: Count, specific: Count }),
  /** Sockets per kernel state. */
  states: z.partialRecord(SocketStateSchema, Count),
  /** Distinct processes owning at least one socket. */
  processes: Count,
  /** Sockets with no known owner (kernel-held, denied, exited). */
  unowned: Count,
  /** Risk notes on listeners, by severity. */
  risks: z.object({ danger: Count, warning: Count, info: Count }),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

export const ReportMachineSchema = z.object({
  hostname: z.string(),
  os: z.object({ platform: z.string(), release: z.string(), arch: z.string() }),
  /** When the socket table in this report was read (the snapshot's time). */
  takenAt: z.string(),
  summary: ReportSummarySchema,
});
export type ReportMachine = z.infer<typeof ReportMachineSchema>;

export const ReportSchema = z.object({
  schema: z.literal(REPORT_SCHEMA),
  version: z.literal(REPORT_VERSION),
  generator: z.object({ name: z.string(), version: z.string() }),
  generatedAt: z.string(),
  title: z.string().nullable(),
  machine: ReportMachineSchema,
  /** Listening TCP and bound UDP sockets. */
  listeners: z.array(SocketRowSchema).nullable(),
  /** Every other socket: established, time-wait, connected UDP, … */
  connections: z.array(SocketRowSchema).nullable(),
  /** The processes owning the sockets above (command lines, users, units), one entry per pid. */
  processes: z.array(ProcessInfoSchema),
  scan: ReportScanSchema.nullable(),
  /** Reachability probes (tcping-style series), as the probe view holds them. */
  probes: z.array(ProbeResultSchema).nullable(),
  /** A port diagnosis ("why can't clients reach my server"), step by step. */
  diagnosis: DiagnoseResultSchema.nullable(),
  /** What the engine could not see (unreadable tables, denied /proc folders). */
  warnings: z.array(z.string()),
});
export type Report = z.infer<typeof ReportSchema>;

export const REPORT_FORMATS = ['json', 'csv', 'html', 'md'] as const;
export const ReportFormatSchema = z.enum(REPORT_FORMATS);
export type ReportFormat = z.infer<typeof ReportFormatSchema>;

/**
 * Which part of the socket table a report holds: listeners, connections, both (`all`), or none
 * (`none`: a report of only the scan, probe or diagnosis the request carries, e.g. "export this
 * scan" on the scan page). The machine summary is there in every case.
 */
export const ReportWhatSchema = z.enum(['listeners', 'connections', 'all', 'none']);
export type ReportWhat = z.infer<typeof ReportWhatSchema>;

/** CSV holds one table per file: which one. */
export const REPORT_TABLES = ['listeners', 'connections', 'processes', 'scan', 'probes', 'diagnosis'] as const;
export const ReportTableSchema = z.enum(REPORT_TABLES);
export type ReportTable = z.infer<typeof ReportTableSchema>;

/** Largest text `report.import` accepts: a saved report of a busy server, or a /16 nmap scan. */
export const REPORT_IMPORT_MAX_CHARS = 64 * 1024 * 1024;

export const ReportExportRequestSchema = z
  .object({
    what: ReportWhatSchema.default('listeners'),
    format: ReportFormatSchema,
    /** CSV only: the table to write (default: the first one the report holds). */
    table: ReportTableSchema.optional(),
    title: z.string().max(200).optional(),
    /**
     * Write the file here (absolute path, extension matching the format) atomically, instead of
     * returning the content. The Electron glue fills it from a Save dialog; browser mode downloads
     * the returned content instead.
     */
    path: z.string().min(1).max(4096).optional(),
    /** Results the front end holds (a finished scan, a probe series, a diagnosis) to include. */
    scan: ReportScanSchema.optional(),
    probes: z.array(ProbeResultSchema).max(100).optional(),
    diagnosis: DiagnoseResultSchema.optional(),
    /** Language of an HTML or Markdown report's headings and sentences (default English); JSON and CSV keys never change. */
    lang: z.enum(['en', 'de', 'nl']).optional(),
  })
  .strict();
export type ReportExportRequest = z.input<typeof ReportExportRequestSchema>;

export const ReportExportResponseSchema = z.object({
  format: ReportFormatSchema,
  mimeType: z.string(),
  /** A file name to offer in a Save dialog or a download: `portscope-<host>-<time>.<ext>`. */
  suggestedName: z.string(),
  /** The report text, when no path was given. */
  content: z.string().nullable(),
  /** Where it was written, when a path was given. */
  path: z.string().nullable(),
  bytes: Count,
});
export type ReportExportResponse = z.infer<typeof ReportExportResponseSchema>;

/** Live listeners compared with a saved report's: keyed by protocol, family, address and port. */
export const ReportDiffSchema = z.object({
  comparedAt: z.string(),
  /** The live machine's name: a report from another host compares with this one only loosely. */
  hostname: z.string(),
  /** Listening now, not in the report. */
  added: z.array(SocketRowSchema),
  /** In the report, not listening now. */
  removed: z.array(SocketRowSchema),
  /** Same endpoint, another owner (process name or user changed). */
  changed: z.array(z.object({ before: SocketRowSchema, after: SocketRowSchema })),
  unchanged: Count,
});
export type ReportDiff = z.infer<typeof ReportDiffSchema>;

export const ReportImportRequestSchema = z
  .object({
    text: z.string().max(REPORT_IMPORT_MAX_CHARS),
    /**
     * The file's bytes, base64, instead of `text`: captures arrive as UTF-16 (PowerShell) or in a
     * console's OEM code page, which only the engine decodes. Wins over `text` (then sent empty).
     */
    base64: z.string().max(Math.ceil(REPORT_IMPORT_MAX_CHARS / 3) * 4).optional(),
    /** The file's name, for messages only. */
    fileName: z.string().max(4096).optional(),
  })
  .strict();

/** What an imported capture was (format label, encoding) and where a cut-off one stopped. */
export const CaptureInfoSchema = z.object({
  format: z.string(),
  label: z.string(),
  encoding: z.string().nullable(),
  stoppedAt: z.object({ line: z.number().int().positive(), reason: z.string() }).nullable(),
});
export type CaptureInfo = z.infer<typeof CaptureInfoSchema>;

export const ReportImportResponseSchema = z.discriminatedUnion('kind', [
  /**
   * A saved Portscope report, and what changed since (null when it holds no listeners); or a
   * capture from another machine (netstat, ss, lsof, …) read into the same report, with `capture`
   * saying what it was and where an incomplete one stopped. A capture has no diff.
   */
  z.object({ kind: z.literal('report'), report: ReportSchema, diff: ReportDiffSchema.nullable(), capture: CaptureInfoSchema.nullable().optional() }),
  /** nmap XML, as a scan section the scan view and its charts show. */
  z.object({ kind: z.literal('nmap'), scan: ReportScanSchema, warnings: z.array(z.string()) }),
]);
export type ReportImportResponse = z.infer<typeof ReportImportResponseSchema>;

export const reportCalls = {
  'report.export': { request: ReportExportRequestSchema, response: ReportExportResponseSchema },
  'report.import': { request: ReportImportRequestSchema, response: ReportImportResponseSchema },
} as const;
