import { createIntl, createIntlCache, IntlContext, type IntlShape } from 'react-intl';
import { useContext, type ReactNode } from 'react';
import { createFormat, isLang, type Format, type Lang } from '../../shared/i18n';
import { engineText, type EngineText } from './engine';
import { messagesFor } from './messages';
import type { UiKey } from './catalogs';

type Plain = string | number | boolean | Date | null | undefined;
type RichValue = Plain | ReactNode | ((chunks: ReactNode[]) => ReactNode);

/** The renderer's translator: typed keys, ICU messages through react-intl, Intl formatting. */
export interface T {
  (key: UiKey, values?: Readonly<Record<string, Plain>>): string;
  /** A message with React parts: `<b>…</b>` tags as functions, placeholders as elements (hostile text in VisibleText). */
  rich(key: UiKey, values: Readonly<Record<string, RichValue>>): ReactNode;
  /**
   * A text the engine sent (a verdict, a risk note, an error): its translation by `messageKey`
   * when this version knows the key, else the English `message` as it came.
   */
  engine(text: EngineText): string;
  /** A `{ key, values }` text (a diagnosis' summary), or the English when it has none. */
  engineKeyed(text: { key: string; values?: EngineText['values'] } | undefined, english: string): string;
  readonly lang: Lang;
  readonly intl: IntlShape;
  /** Numbers, sizes, dates, durations for this language. */
  readonly fmt: Format;
}

/**
 * Numbers that name something (a pid, a port) are shown as the system prints them: ICU would
 * group a plain `{pid}` argument ("4,321", "4.321"). Passed as text, they keep their digits.
 */
const IDENTIFIERS = new Set(['pid', 'ppid', 'uid', 'port', 'seq', 'id']);

export function identifiersAsText<V extends Readonly<Record<string, unknown>> | undefined>(values: V): V {
  if (!values) return values;
  let out: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === 'number' && IDENTIFIERS.has(k)) (out ??= { ...values })[k] = String(v);
  }
  return (out ?? values) as V;
}

const formats = new Map<Lang, Format>();
export function formatFor(lang: Lang): Format {
  let f = formats.get(lang);
  if (!f) formats.set(lang, (f = createFormat(lang)));
  return f;
}

/** Outside an IntlProvider (a component rendered alone in a test): English. */
let fallbackIntl: IntlShape | null = null;
function englishIntl(): IntlShape {
  fallbackIntl ??= createIntl({ locale: 'en-GB', defaultLocale: 'en-GB', messages: messagesFor('en') }, createIntlCache());
  return fallbackIntl;
}

const translators = new WeakMap<IntlShape, T>();

export function translatorFor(intl: IntlShape): T {
  const known = translators.get(intl);
  if (known) return known;
  const lang: Lang = isLang(intl.locale.slice(0, 2)) ? (intl.locale.slice(0, 2) as Lang) : 'en';
  const fn = ((key: UiKey, values?: Readonly<Record<string, Plain>>) => intl.formatMessage({ id: key }, identifiersAsText(values) as Record<string, string>)) as T;
  fn.rich = (key, values) => intl.formatMessage({ id: key }, identifiersAsText(values) as Record<string, string>) as ReactNode;
  fn.engine = (text) => engineText(lang, text);
  fn.engineKeyed = (text, english) => engineText(lang, { message: english, messageKey: text?.key, values: text?.values });
  Object.defineProperties(fn, { lang: { value: lang }, intl: { value: intl }, fmt: { value: formatFor(lang) } });
  translators.set(intl, fn);
  return fn;
}

/** Something built from the translator (a table's columns), made once per language and reused. */
export function perT<R>(make: (t: T) => R): (t: T) => R {
  const made = new WeakMap<T, R>();
  return (t) => {
    let r = made.get(t);
    if (r === undefined) made.set(t, (r = make(t)));
    return r;
  };
}

export function useT(): T {
  const intl = useContext(IntlContext) ?? englishIntl();
  return translatorFor(intl);
}
