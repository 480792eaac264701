import path from 'node:path';
import type { ReportFormat } from '../../../shared/contract/report';
import { writeFileAtomic, type Content } from './atomicWrite';
import { keyedReportError } from './errors';
import { FILE_EXTENSIONS, formatFromPath } from './formats';

export type SaveFormat = ReportFormat | 'pdf';

/**
 * For the trusted side of the app (the Electron main process after a Save dialog): writes a
 * report's content, or the PDF that printToPDF made from the HTML report, atomically. The
 * extension must match the format, so a dialog that lost the extension cannot save HTML as .csv.
 */
export async function saveReportFile(file: string, format: SaveFormat, content: Content): Promise<number> {
  if (!path.isAbsolute(file)) throw keyedReportError('bad-request', 'engine.report.pathNotAbsolute', { file });
  const ext = path.extname(file).toLowerCase();
  const matches = format === 'pdf' ? ext === '.pdf' : formatFromPath(file) === format;
  if (!matches) {
    // Format names and extensions are data (HTML, .md); the sentence around them is the catalog's.
    throw keyedReportError('bad-request', 'engine.report.wrongExtension', {
      format: format.toUpperCase(),
      extension: format === 'pdf' ? '.pdf' : FILE_EXTENSIONS[format],
      file: path.basename(file),
    });
  }
  return writeFileAtomic(file, content);
}
