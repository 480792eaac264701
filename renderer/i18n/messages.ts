import { INTL_LOCALE, type Lang } from '../../shared/i18n';
import { uiCatalogs } from './catalogs';

/** The message table react-intl gets for a language (engine texts go through i18n/engine.ts). */
export function messagesFor(lang: Lang): Record<string, string> {
  return { ...uiCatalogs[lang] };
}

export const intlLocale = (lang: Lang): string => INTL_LOCALE[lang];
