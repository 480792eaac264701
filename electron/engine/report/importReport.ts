import { REPORT_SCHEMA, REPORT_VERSION, ReportSchema, type Report, type ReportScan } from '../../../shared/contract/report';
import { ReportError } from './errors';
import { parseNmapXml } from './nmap';
import { ACCEPTED_FORMATS_LINE } from '../capture/detect';

export type Imported = { kind: 'report'; report: Report } | { kind: 'nmap'; scan: ReportScan; warnings: string[] };

/**
 * Reads a saved Portscope JSON report or an nmap XML file, told apart by their first character.
 * A JSON file is checked against the report schema, with the first problems named by path so a
 * hand-edited file can be fixed; a report from a newer Portscope is refused by version, not by
 * a confusing field error.
 */
export function importText(text: string, name = 'the file'): Imported {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (/^<!DOCTYPE html[\s>]|^<html[\s>]/i.test(head)) {
    // An HTML report is for reading; the .json report saved beside it is the one to import.
    const ours = /<meta name="generator" content="portscope[ "]/i.test(head.slice(0, 4096));
    throw new ReportError(
      'bad-request',
      ours
        ? `${name} is a Portscope HTML report, which is for reading; open the .json report instead (portscope report -o report.json)`
        : `${name} is an HTML page, not a Portscope JSON report or nmap XML (-oX output)`,
    );
  }
  if (head.startsWith('<')) return { kind: 'nmap', ...parseNmapXml(text) };
  if (!head.startsWith('{')) {
    throw new ReportError('bad-request', `${name} is not in a format Portscope reads (${ACCEPTED_FORMATS_LINE})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(head);
  } catch (err) {
    throw new ReportError('bad-request', `${name} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const obj = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (obj.schema !== REPORT_SCHEMA) {
    throw new ReportError('bad-request', `${name} is JSON but not a Portscope report (its "schema" is not "${REPORT_SCHEMA}")`);
  }
  if (obj.version !== REPORT_VERSION) {
    throw new ReportError(
      'bad-request',
      `${name} ${obj.version === undefined ? 'has no report version' : `is a version ${JSON.stringify(obj.version)} report`}; this Portscope reads version ${REPORT_VERSION}${typeof obj.version === 'number' && obj.version > REPORT_VERSION ? ' (update Portscope to open it)' : ''}`,
    );
  }
  const parsed = ReportSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`)
      .join('; ');
    throw new ReportError('bad-request', `${name} is not a valid Portscope report: ${problems}`);
  }
  return { kind: 'report', report: parsed.data };
}
