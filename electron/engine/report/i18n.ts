import type { Report } from '../../../shared/contract/report';
import { engineCatalogs, type EngineKey } from '../../../shared/i18n/catalogs/engine';
import { reportCatalogs, type ReportKey } from '../../../shared/i18n/catalogs/report';
import { socketCatalogs, type SocketKey } from '../../../shared/i18n/catalogs/socket';
import { createFormat, type Format } from '../../../shared/i18n/format';
import { INTL_LOCALE, type Lang } from '../../../shared/i18n/locale';
import { createTranslator, mergeCatalogs, type Translator } from '../../../shared/i18n/translate';

/**
 * What a report renderer needs to speak one language: its messages (report, socket words and the
 * engine's texts, such as a diagnosis' findings), Intl formats, and numbers for table cells.
 * HTML and Markdown take it; CSV and JSON are always English (stable keys for scripts).
 */
export interface ReportText {
  readonly lang: Lang;
  readonly t: Translator<ReportKey | SocketKey | EngineKey>;
  readonly fmt: Format;
  /** A table's number cell: no digit grouping (ports, pids), decimals in the language's own way. */
  cellNumber(n: number): string;
}

const catalogs = mergeCatalogs(mergeCatalogs(reportCatalogs, socketCatalogs), engineCatalogs);
const cache = new Map<Lang, ReportText>();

export function reportText(lang: Lang = 'en'): ReportText {
  let text = cache.get(lang);
  if (!text) {
    const decimals = [0, 1, 2].map((d) => new Intl.NumberFormat(INTL_LOCALE[lang], { useGrouping: false, minimumFractionDigits: d, maximumFractionDigits: d }));
    text = {
      lang,
      t: createTranslator(lang, catalogs),
      fmt: createFormat(lang),
      // Integers bare, small values (loopback round trips are fractions of a millisecond) to 0.01, larger ones to 0.1.
      cellNumber: (n) => (Number.isInteger(n) ? decimals[0]!.format(n) : (Math.abs(n) < 10 ? decimals[2]! : decimals[1]!).format(n)),
    };
    cache.set(lang, text);
  }
  return text;
}

/** An ISO timestamp from a report as the reader's date and time; unparsable text as it is. */
export function reportTime(text: ReportText, iso: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? text.fmt.dateTime(ms) : iso;
}

/**
 * The report's heading: the title it was saved with, else one in the reader's language, made
 * when it is shown (so the JSON carries no language): "Portscope scan of 10.0.0.0/24" for a
 * report of only a scan, "Portscope report: <host>" for the rest.
 */
export function reportTitle(report: Pick<Report, 'title' | 'machine' | 'scan' | 'listeners' | 'connections'>, text: ReportText): string {
  if (report.title) return report.title;
  if (report.scan && report.listeners === null && report.connections === null) return text.t('report.scanTitle', { target: report.scan.target });
  return text.t('report.title', { host: report.machine.hostname });
}
