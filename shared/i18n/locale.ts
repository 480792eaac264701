/**
 * Which language Portscope speaks. Three are complete: English (the source and the fallback),
 * German and Dutch. Everything here is runtime-neutral: the CLI feeds it the environment, the
 * app Electron's preferred system languages, browser mode `navigator.languages`.
 */

export const LANGS = ['en', 'de', 'nl'] as const;
export type Lang = (typeof LANGS)[number];

/** The language every missing key and every unknown preference falls back to. */
export const FALLBACK_LANG: Lang = 'en';

/**
 * The Intl locale each language formats with. English uses en-GB rather than en-US: a 24-hour
 * clock and day-month-year dates, as German and Dutch have, and no "12/2" that half the readers
 * take for the 12th of February. Numbers are the same in both.
 */
export const INTL_LOCALE: Readonly<Record<Lang, string>> = { en: 'en-GB', de: 'de-DE', nl: 'nl-NL' };

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/**
 * The primary language subtag of a BCP 47 tag or POSIX locale name, lower case:
 * `de-AT` -> `de`, `nl_BE.UTF-8` -> `nl`, `en-GB@euro` -> `en`. `C`, `POSIX` and empty -> null.
 */
export function primaryLanguage(tag: string): string | null {
  // POSIX names: language[_territory][.codeset][@modifier]; BCP 47 uses '-' for the separator.
  const bare = tag.trim().split(/[.@]/, 1)[0]!.replace(/_/g, '-');
  if (bare === '' || bare === 'C' || bare === 'POSIX') return null;
  const first = bare.split('-', 1)[0]!.toLowerCase();
  return /^[a-z]{2,3}$/.test(first) ? first : null;
}

/**
 * The first preferred language Portscope has, else English. `preferred` is in order of preference
 * (`navigator.languages`, `app.getPreferredSystemLanguages()`, Accept-Language already sorted by q):
 * `['fr-FR', 'nl-BE', 'en']` -> `nl`, because French is skipped and Dutch comes before English.
 */
export function negotiateLang(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const lang = primaryLanguage(tag);
    if (lang !== null && isLang(lang)) return lang;
  }
  return FALLBACK_LANG;
}

/** An Accept-Language header as a list of tags, best first (q=0 means "not this one"). */
export function parseAcceptLanguage(header: string | undefined | null): string[] {
  if (!header) return [];
  const entries = header.split(',').flatMap((part, index) => {
    const [tag = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    return tag.trim() === '' || tag.trim() === '*' || !(weight > 0) ? [] : [{ tag: tag.trim(), weight, index }];
  });
  return entries.sort((a, b) => b.weight - a.weight || a.index - b.index).map((e) => e.tag);
}

/** The environment variables `langFromEnv` reads. */
export interface LocaleEnv {
  readonly LANGUAGE?: string | undefined;
  readonly LC_ALL?: string | undefined;
  readonly LC_MESSAGES?: string | undefined;
  readonly LANG?: string | undefined;
}

/**
 * The CLI's language from the POSIX locale variables, the way gettext picks a message catalog:
 * the first of LC_ALL, LC_MESSAGES, LANG that is set and not empty is the locale. When that locale
 * is `C`/`POSIX` (or nothing is set) the answer is English, whatever else is set. Otherwise GNU's
 * LANGUAGE, a colon-separated priority list (`LANGUAGE=nl:de`, which Ubuntu desktops set), is
 * tried first, skipping entries Portscope lacks; then the locale's own language; then English.
 */
export function langFromEnv(env: LocaleEnv): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  const localeLang = primaryLanguage(locale);
  if (localeLang === null) return FALLBACK_LANG;
  const priority = (env.LANGUAGE ?? '').split(':').filter((entry) => entry !== '');
  return negotiateLang([...priority, locale]);
}

/** `--lang fr` and the like: the value and the languages there are, for the caller's own wording. */
export class UnsupportedLangError extends Error {
  constructor(readonly value: string) {
    super(`unsupported language "${value}": use one of ${LANGS.join(', ')}`);
    this.name = 'UnsupportedLangError';
  }
}

/** `--lang en|de|nl` (any case). Anything else throws an UnsupportedLangError naming the choices. */
export function parseLangOption(value: string): Lang {
  const lang = value.trim().toLowerCase();
  if (isLang(lang)) return lang;
  throw new UnsupportedLangError(value);
}
