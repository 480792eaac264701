import { createTranslator, mergeCatalogs, type Lang, type Translator } from '../../shared/i18n';
import { desktopCatalogs, type DesktopKey } from '../../shared/i18n/catalogs/desktop';
import { engineCatalogs, type EngineKey } from '../../shared/i18n/catalogs/engine';

type Values = Readonly<Record<string, string | number | boolean | Date | null | undefined>>;

/** An engine text as it crosses the contract: the English, and optionally its catalog key and values. */
export interface EngineText {
  message: string;
  messageKey?: string | undefined;
  values?: Values | undefined;
}

// The desktop shell's errors (a Save dialog's, electron/app) arrive keyed like the engine's.
const catalogs = mergeCatalogs(engineCatalogs, desktopCatalogs);
const translators = new Map<Lang, Translator<EngineKey | DesktopKey>>();

/**
 * Engine texts are formatted by shared/i18n's translator, not react-intl: they are plain text
 * with tags off (`<this-address>` in a message is text), exactly as the CLI prints them.
 */
function engineT(lang: Lang): Translator<EngineKey | DesktopKey> {
  let t = translators.get(lang);
  if (!t) translators.set(lang, (t = createTranslator(lang, catalogs)));
  return t;
}

/** The text in `lang` when this version knows its key, else the English the engine sent. */
export function engineText(lang: Lang, text: EngineText): string {
  return engineT(lang).maybe(text.messageKey, text.values, text.message);
}
