import { formatDateTime } from '../../format/time';

/** ISO timestamps in the engine's plain-text messages ("running since 2026-…Z"). */
const ISO_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g;

/** The text with its timestamps in local time, as the process panel shows them. */
export function localTimes(text: string): string {
  return text.replace(ISO_TIME, (iso) => formatDateTime(iso));
}
