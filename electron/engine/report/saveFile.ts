import path from 'node:path';
import type { ReportFormat } from '../../../shared/contract/report';
import { writeFileAtomic, type Content } from './atomicWrite';
import { ReportError } from './errors';
import { FILE_EXTENSIONS, formatFromPath } from './formats';

export type SaveFormat = ReportFormat | 'pdf';

/**
 * For the trusted side of the app (the Electron main process after a Save dialog): writes a
 * report's content, or the PDF that printToPDF made from the HTML report, atomically. The
 * extension must match the format, so a dialog that lost the extension cannot save HTML as .csv.
 */
export async function saveReportFile(file: string, format: SaveFormat, content: Content): Promise<number> {
  if (!path.isAbsolute(file)) throw new ReportError('bad-request', `the report path must be absolute, not '${file}'`);
  const ext = path.extname(file).toLowerCase();
  const matches = format === 'pdf' ? ext === '.pdf' : formatFromPath(file) === format;
  if (!matches) {
    throw new ReportError('bad-request', `a ${format.toUpperCase()} report must be saved as a ${format === 'pdf' ? '.pdf' : FILE_EXTENSIONS[format]} file, not ${path.basename(file)}`);
  }
  return writeFileAtomic(file, content);
}
