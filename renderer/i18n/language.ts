import { createStore, type StoreApi } from 'zustand/vanilla';
import { isLang, LANGS, negotiateLang, type Lang } from '../../shared/i18n';

/** What the settings offer: one of the languages, or "whatever the system prefers". */
export type LanguageChoice = Lang | 'system';
export const LANGUAGE_CHOICES: readonly LanguageChoice[] = ['system', ...LANGS];

/** Where the choice is remembered (localStorage, in browser mode and in the app alike). */
export const LANGUAGE_STORAGE_KEY = 'portscope.language';

/**
 * The query parameter the Electron glue puts on the page's URL: `app.getPreferredSystemLanguages()`,
 * comma-separated. Chromium's navigator.languages inside Electron follows the app's UI locale, not
 * the user's ordered list, so the system's own list is handed over this way.
 */
export const SYSTEM_LANGS_PARAM = 'langs';

/** The system's languages, best first: the Electron glue's list if there is one, else the browser's. */
export function systemLanguages(win: Pick<Window, 'location' | 'navigator'> = window): readonly string[] {
  const fromApp = new URLSearchParams(win.location.search).get(SYSTEM_LANGS_PARAM);
  if (fromApp) return fromApp.split(',').map((t) => t.trim()).filter((t) => t !== '').slice(0, 20);
  const nav = win.navigator;
  return nav.languages && nav.languages.length > 0 ? nav.languages : nav.language ? [nav.language] : [];
}

export interface LanguageState {
  choice: LanguageChoice;
  /** The language in use: the choice, or the system's best match (English when it has none of ours). */
  lang: Lang;
  setChoice(choice: LanguageChoice): void;
}

export type LanguageStore = StoreApi<LanguageState>;

interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function readChoice(storage: KeyValueStorage | null): LanguageChoice {
  try {
    const stored = storage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
    // A hand-edited or older value is ignored rather than trusted.
    return stored !== null && (stored === 'system' || isLang(stored)) ? stored : 'system';
  } catch {
    return 'system';
  }
}

export function createLanguageStore(system: readonly string[], storage: KeyValueStorage | null): LanguageStore {
  const resolve = (choice: LanguageChoice): Lang => (choice === 'system' ? negotiateLang(system) : choice);
  const choice = readChoice(storage);
  return createStore<LanguageState>()((set) => ({
    choice,
    lang: resolve(choice),
    setChoice: (next) => {
      try {
        storage?.setItem(LANGUAGE_STORAGE_KEY, next);
      } catch {
        // storage refused (private mode, quota): the choice lasts as long as the window
      }
      set({ choice: next, lang: resolve(next) });
    },
  }));
}

/** localStorage when the page may use it. */
export function defaultLanguageStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
