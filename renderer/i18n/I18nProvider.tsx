import { useEffect, useMemo, type ReactNode } from 'react';
import { IntlProvider, ReactIntlErrorCode, type IntlConfig } from 'react-intl';
import { useStore } from 'zustand';
import { setCurrentLang } from './current';
import { tellDesktopLanguage } from './desktopLanguage';
import type { LanguageStore } from './language';
import { intlLocale, messagesFor } from './messages';

// tsc checks that every language has every key; a key an engine sends that this version lacks is
// looked up with t.engine (which falls back to the engine's English), so "missing" is not an error.
const onError: NonNullable<IntlConfig['onError']> = (err) => {
  if (err.code === ReactIntlErrorCode.MISSING_TRANSLATION) return;
  console.error(err);
};

/** react-intl for the chosen language; keeps <html lang> in step so screen readers and hyphenation follow. */
export function I18nProvider({ language, children }: { language: LanguageStore; children: ReactNode }) {
  const lang = useStore(language, (s) => s.lang);
  const messages = useMemo(() => messagesFor(lang), [lang]);
  // Before the children render, so a store's message made in this render speaks the new language.
  setCurrentLang(lang);
  useEffect(() => {
    document.documentElement.lang = lang;
    tellDesktopLanguage(lang);
  }, [lang]);
  return (
    <IntlProvider locale={intlLocale(lang)} defaultLocale="en-GB" messages={messages} onError={onError}>
      {children}
    </IntlProvider>
  );
}
