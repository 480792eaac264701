import { createTranslator, type Lang, type Translator } from '../../shared/i18n';
import { engineCatalogs, type EngineKey } from '../../shared/i18n/catalogs/engine';

type Values = Readonly<Record<string, string | number | boolean | Date | null | undefined>>;

/** An engine text as it crosses the contract: the English, and optionally its catalog key and values. */
export interface EngineText {
  message: string;
  messageKey?: string | undefined;
  values?: Values | undefined;
}

const translators = new Map<Lang, Translator<EngineKey>>();

/**
 * Engine texts are formatted by shared/i18n's translator, not react-intl: they are plain text
 * with tags off (`<this-address>` in a message is text), exactly as the CLI prints them.
 */
function engineT(lang: Lang): Translator<EngineKey> {
  let t = translators.get(lang);
  if (!t) translators.set(lang, (t = createTranslator(lang, engineCatalogs)));
  return t;
}

/** The text in `lang` when this version knows its key, else the English the engine sent. */
export function engineText(lang: Lang, text: EngineText): string {
  return engineT(lang).maybe(text.messageKey, text.values, text.message);
}
