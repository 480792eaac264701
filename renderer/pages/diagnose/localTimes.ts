import type { Format } from '../../../shared/i18n';
import { formatDateTime } from '../../format/time';

/** ISO timestamps in the engine's plain-text messages ("running since 2026-…Z"). */
const ISO_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g;

/** The text with its timestamps in local time and the reader's language, as the process panel shows them. */
export function localTimes(f: Format, text: string): string {
  return text.replace(ISO_TIME, (iso) => formatDateTime(f, iso));
}
