import type { ReportImportResponse } from '../../../shared/contract/report';
import { decodeCapture } from '../platform/windows/decode';
import { detectCapture } from './detect';
import { captureView } from './toReport';

/**
 * `report.import` for captures: decodes the bytes (or takes the text), and when the content is a
 * capture rather than a saved report or nmap XML, returns it as a read-only report. Otherwise it
 * hands the decoded text on to the report/nmap importer (which words the "not a format we read" error).
 */
export async function importCapture(req: { text: string; base64?: string | undefined }, fileName = 'the file'): Promise<{ response: ReportImportResponse } | { text: string }> {
  let text = req.text;
  let encoding: string | null = null;
  let truncated = false;
  if (req.base64 !== undefined) {
    const decoded = decodeCapture(Buffer.from(req.base64, 'base64'));
    text = decoded.text;
    encoding = decoded.encoding;
    truncated = decoded.truncated;
  }
  const head = text.replace(/^\uFEFF/, '').trimStart();
  // Saved reports and nmap XML keep their own importer and its precise messages.
  if (head.startsWith('<') || (head.startsWith('{') && /"schema"\s*:/.test(head.slice(0, 4096)))) return { text };
  const detected = detectCapture(text, fileName);
  if (!detected) return { text };
  if (truncated && !detected.parsed.stoppedAt) {
    detected.parsed.stoppedAt = { line: text.split('\n').length, reason: 'the UTF-16 file ends in half a character (cut off)' };
  }
  const view = await captureView(detected, { fileName, encoding: encoding ?? undefined });
  return {
    response: {
      kind: 'report',
      report: view.report,
      diff: null,
      capture: { format: detected.format, label: view.label, encoding, stoppedAt: view.stoppedAt },
    },
  };
}
