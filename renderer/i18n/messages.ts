import { INTL_LOCALE, type Lang } from '../../shared/i18n';
import { uiCatalogs } from './catalogs';

/** The message table react-intl gets for a language: the app's own messages and the engine's. */
export function messagesFor(lang: Lang): Record<string, string> {
  return { ...uiCatalogs[lang] };
}

export const intlLocale = (lang: Lang): string => INTL_LOCALE[lang];
