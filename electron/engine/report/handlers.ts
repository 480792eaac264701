import path from 'node:path';
import type { CallHandlers } from '../../../shared/contract';
import type { reportCalls } from '../../../shared/contract/report';
import type { Snapshot } from '../../../shared/contract/sockets';
import { writeFileAtomic } from './atomicWrite';
import { diffListeners } from './diff';
import { ReportError } from './errors';
import { FILE_EXTENSIONS, MIME_TYPES, formatFromPath, renderReport, suggestedFileName } from './formats';
import { importText } from './importReport';
import { importCapture } from '../capture/importCapture';
import { reportFromSnapshot } from './model';

/** What the report handlers need from the engine: the socket table, fresh. */
export interface SnapshotSource {
  readonly isRunning: boolean;
  snapshot(): Promise<Snapshot>;
  refresh(): Promise<Snapshot>;
}

/**
 * A live monitor's snapshot is at most one interval old; a stopped one may hold an old table
 * (the CLI, an app whose table view is closed), so read the sockets again.
 */
export function freshSnapshot(source: SnapshotSource): Promise<Snapshot> {
  return source.isRunning ? source.snapshot() : source.refresh();
}

/**
 * `report.export` and `report.import` for the engine (spread into Engine.createHandlers).
 *
 * Export returns the content (browser downloads, the app's Save dialog and print-to-PDF) or,
 * given a path, writes it atomically. Paths are honoured only where the caller is the user
 * (`cli`): a page in a browser or in the app's renderer is web content, and letting it name any
 * file to overwrite (say, a project's package.json) would turn a script injection into code
 * execution. The app saves through a Save dialog in the main process instead (saveReportFile).
 */
export function reportHandlers(source: SnapshotSource, transport: 'electron' | 'browser' | 'cli' = 'cli'): Pick<CallHandlers, keyof typeof reportCalls> {
  return {
    'report.export': async (req) => {
      if (req.path !== undefined && transport !== 'cli') {
        throw new ReportError(
          'denied',
          transport === 'browser'
            ? 'in browser mode a report is downloaded: ask for the content (no path) and save it from the browser'
            : 'the app saves reports through its Save dialog: ask for the content (no path)',
        );
      }
      if (req.path !== undefined) {
        if (!path.isAbsolute(req.path)) throw new ReportError('bad-request', `the report path must be absolute, not '${req.path}'`);
        if (formatFromPath(req.path) !== req.format) {
          throw new ReportError('bad-request', `a ${req.format} report must be saved as a ${FILE_EXTENSIONS[req.format]} file, not ${path.basename(req.path)}`);
        }
      }
      const snapshot = await freshSnapshot(source);
      const report = reportFromSnapshot(snapshot, req.what, {
        title: req.title ?? null,
        scan: req.scan ?? null,
        probes: req.probes ?? null,
        diagnosis: req.diagnosis ?? null,
      });
      const content = renderReport(report, req.format, { table: req.table, lang: req.lang });
      const base = { format: req.format, mimeType: MIME_TYPES[req.format], suggestedName: suggestedFileName(report, req.format, req.table) };
      if (req.path === undefined) return { ...base, content, path: null, bytes: Buffer.byteLength(content) };
      const bytes = await writeFileAtomic(req.path, content);
      return { ...base, content: null, path: path.resolve(req.path), bytes };
    },
    'report.import': async (req) => {
      const name = req.fileName ? path.basename(req.fileName) : undefined;
      const capture = await importCapture(req, name);
      if ('response' in capture) return capture.response;
      const imported = importText(capture.text, name);
      if (imported.kind === 'nmap') return imported;
      const { report } = imported;
      if (!report.listeners) return { kind: 'report', report, diff: null };
      const live = await freshSnapshot(source);
      const diff = diffListeners(report.listeners, live.rows, live.hostname);
      return { kind: 'report', report, diff };
    },
  };
}
