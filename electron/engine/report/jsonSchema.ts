import { z } from 'zod';
import { REPORT_SCHEMA, REPORT_VERSION, ReportSchema } from '../../../shared/contract/report';

/** Drops `additionalProperties: false`: within a version, newer writers may add fields. */
function openObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(openObjects);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'additionalProperties' && value === false) continue;
    out[key] = openObjects(value);
  }
  return out;
}

/**
 * The saved report's format as a JSON Schema (draft 2020-12), generated from the zod schema the
 * engine itself validates with, so the published description can never drift from the code.
 * `portscope report --schema` prints it.
 */
export function reportJsonSchema(): Record<string, unknown> {
  const generated = openObjects(z.toJSONSchema(ReportSchema, { io: 'output', unrepresentable: 'any' })) as Record<string, unknown>;
  return {
    ...generated,
    $id: `https://portscope.invalid/schemas/${REPORT_SCHEMA}.v${REPORT_VERSION}.json`,
    title: `Portscope report, version ${REPORT_VERSION}`,
    description:
      'A Portscope report (`portscope report --format json`). Sections that are null are not part of the report; ' +
      'an empty list means none were found. Text from other programs (process names, command lines, banners, host names) ' +
      'is stored exactly as seen. Within one version fields are only added, never renamed or retyped.',
  };
}
