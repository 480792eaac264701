import type { Lang } from '../../shared/i18n';

/**
 * The language in use, for the few texts made outside React (a store's error message, a desktop
 * notification). The I18nProvider keeps it in step with the settings; tests and first load: English.
 */
let current: Lang = 'en';

export function setCurrentLang(lang: Lang): void {
  current = lang;
}

export function currentLang(): Lang {
  return current;
}
