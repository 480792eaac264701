import { createTranslator, type Lang, type Translator } from '../../shared/i18n';
import { uiCatalogs, type UiKey } from './catalogs';
import { identifiersAsText } from './useT';

/** A message by key with plain values: what both `useT()` and a plain translator are. */
export type Tr = (key: UiKey, values?: Readonly<Record<string, string | number | null | undefined>>) => string;

const plain = new Map<Lang, Translator<UiKey>>();

/**
 * The app's messages outside React (stores, copy-to-clipboard text, search), through the same
 * ICU formatter (intl-messageformat) react-intl uses, from the same catalogs.
 */
export function plainT(lang: Lang): Translator<UiKey> {
  let t = plain.get(lang);
  if (!t) {
    const inner = createTranslator(lang, uiCatalogs);
    const wrapped = ((key: UiKey, values?: Parameters<typeof inner>[1]) => inner(key, identifiersAsText(values))) as Translator<UiKey>;
    plain.set(lang, (t = Object.assign(wrapped, { lang: inner.lang, has: inner.has, maybe: inner.maybe })));
  }
  return t;
}
