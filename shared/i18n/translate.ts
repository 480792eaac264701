/**
 * Messages by key, in ICU MessageFormat through FormatJS's intl-messageformat: real plural rules
 * (`{count, plural, one {# Port} other {# Ports}}`), select and placeholders, so no sentence is
 * glued together from pieces. The same catalogs feed react-intl in the renderer.
 *
 * Tags are off (`ignoreTag`): `<this-address>` in a message is text, not markup, as in a terminal.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { FALLBACK_LANG, INTL_LOCALE, LANGS, type Lang } from './locale';

/** One area's messages in one language: key -> ICU message. */
export type Catalog<K extends string = string> = Readonly<Record<K, string>>;

/**
 * One area's messages in every language. English is the source (an `as const` object in
 * `en.ts`); `de.ts` and `nl.ts` are typed `Record<keyof typeof en, string>`, so a missing or
 * extra key fails tsc.
 */
export type Catalogs<K extends string = string> = Readonly<Record<Lang, Catalog<K>>>;

/** The values a message's placeholders take. */
export type MessageValues = Readonly<Record<string, string | number | Date | boolean | null | undefined>>;

export interface Translator<K extends string> {
  readonly lang: Lang;
  /** The message for `key` in this language (English when this language lacks it), formatted. */
  (key: K, values?: MessageValues): string;
  /** Whether `key` is a message of these catalogs (for keys that arrive as data, such as a contract's messageKey). */
  has(key: string): key is K;
  /**
   * A key that arrived as data (an engine result's `messageKey`): its translation when the key is
   * known, else `fallback` (the English text the engine sent along), so an older or newer peer's
   * unknown key still shows something true.
   */
  maybe(key: string | undefined | null, values: MessageValues | undefined, fallback: string): string;
}

/** Several areas' catalogs as one (keys are prefixed by area, so they never collide). */
export function mergeCatalogs<A extends string, B extends string>(a: Catalogs<A>, b: Catalogs<B>): Catalogs<A | B> {
  const merged = {} as Record<Lang, Catalog<A | B>>;
  for (const lang of LANGS) merged[lang] = { ...a[lang], ...b[lang] } as Catalog<A | B>;
  return merged;
}

export function createTranslator<K extends string>(lang: Lang, catalogs: Catalogs<K>): Translator<K> {
  // Compiled messages, per language, built on first use: parsing is the costly part.
  const compiled = new Map<string, IntlMessageFormat>();
  const compile = (source: string, sourceLang: Lang): IntlMessageFormat => {
    const cacheKey = `${sourceLang}\u0000${source}`;
    let message = compiled.get(cacheKey);
    if (!message) compiled.set(cacheKey, (message = new IntlMessageFormat(source, INTL_LOCALE[sourceLang], undefined, { ignoreTag: true })));
    return message;
  };
  const render = (source: string, sourceLang: Lang, values: MessageValues | undefined): string =>
    String(compile(source, sourceLang).format(values as Record<string, string | number | Date | boolean | null | undefined>));

  const own: Catalog<K> = catalogs[lang];
  const fallback: Catalog<K> = catalogs[FALLBACK_LANG];
  const has = (key: string): key is K => Object.hasOwn(fallback, key) || Object.hasOwn(own, key);

  const t = ((key: K, values?: MessageValues): string => {
    const local = Object.hasOwn(own, key) ? own[key] : undefined;
    if (local !== undefined) {
      try {
        return render(local, lang, values);
      } catch {
        // A broken translation (the catalog test keeps these out) must not hide the message: use English.
      }
    }
    const english = Object.hasOwn(fallback, key) ? fallback[key] : undefined;
    if (english === undefined) return key;
    try {
      return render(english, FALLBACK_LANG, values);
    } catch {
      return english;
    }
  }) as Translator<K>;

  Object.defineProperty(t, 'lang', { value: lang, enumerable: true });
  t.has = has;
  t.maybe = (key, values, fallbackText) => (key != null && has(key) ? t(key, values) : fallbackText);
  return t;
}
