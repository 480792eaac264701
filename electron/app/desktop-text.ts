import { ContractError, type ContractErrorCode, type WireError } from '../../shared/contract/errors';
import type { ContractMessageValues } from '../../shared/contract/localized';
import { desktopCatalogs, type DesktopKey } from '../../shared/i18n/catalogs/desktop';
import { engineCatalogs, type EngineKey } from '../../shared/i18n/catalogs/engine';
import { INTL_LOCALE, negotiateLang, type Lang } from '../../shared/i18n/locale';
import { createTranslator, type Translator } from '../../shared/i18n/translate';

/** English, for the `message` beside a key: logs, JSON and older pages read that. */
const english = createTranslator('en', desktopCatalogs);

/** `{ messageKey, values }` and the English, as a ContractError's third argument takes them. */
function desktopError(key: DesktopKey, values?: ContractMessageValues): { message: string; text: { messageKey: DesktopKey; values?: ContractMessageValues } } {
  return { message: english(key, values), text: values ? { messageKey: key, values } : { messageKey: key } };
}

/** An error for the page: the English, and the key and values it translates from. */
export function desktopContractError(code: ContractErrorCode, key: DesktopKey, values?: ContractMessageValues): ContractError {
  const { message, text } = desktopError(key, values);
  return new ContractError(code, message, text);
}

/** The same as it crosses IPC in an IpcEnvelope. */
export function desktopWireError(code: ContractErrorCode, key: DesktopKey, values?: ContractMessageValues): WireError {
  const { message, text } = desktopError(key, values);
  return { code, message, ...text };
}

export interface DesktopTextOptions {
  /** IANA zone for alert times; the system's local zone when absent (tests pass one). */
  timeZone?: string;
}

/**
 * The main process's language: what the menu, the tray, notifications and the Save dialog speak.
 * It starts from the system's preferred languages and follows the page's language switch
 * (desktop-language.ts), telling its listeners so they rebuild what they show: Electron menus
 * cannot be relabelled once built.
 */
export class DesktopText {
  private current: Lang;
  private translator: Translator<DesktopKey>;
  private engineTranslator: Translator<EngineKey>;
  private clock: Intl.DateTimeFormat;
  private readonly listeners = new Set<(lang: Lang) => void>();

  constructor(
    preferred: readonly string[],
    private readonly options: DesktopTextOptions = {},
  ) {
    this.current = negotiateLang(preferred);
    this.translator = createTranslator(this.current, desktopCatalogs);
    this.engineTranslator = createTranslator(this.current, engineCatalogs);
    this.clock = this.makeClock();
  }

  get lang(): Lang {
    return this.current;
  }

  // The three readers are bound (arrow properties): callers pass them around as plain functions.

  /** A desktop message in the current language. */
  readonly t = (key: DesktopKey, values?: ContractMessageValues): string => this.translator(key, values);

  /** An engine text (an alert's message) in the current language, or the English it came with. */
  readonly engine = (text: { message: string; messageKey?: string | undefined; values?: ContractMessageValues | undefined }): string =>
    this.engineTranslator.maybe(text.messageKey, text.values, text.message);

  /** Hours and minutes of an ISO time, in the reader's clock and the local time zone. */
  readonly time = (iso: string): string => {
    const at = new Date(iso);
    return Number.isNaN(at.getTime()) ? iso : this.clock.format(at);
  };

  /** Switches the language; true when it changed (the listeners have run then). */
  set(lang: Lang): boolean {
    if (lang === this.current) return false;
    this.current = lang;
    this.translator = createTranslator(lang, desktopCatalogs);
    this.engineTranslator = createTranslator(lang, engineCatalogs);
    this.clock = this.makeClock();
    for (const listener of this.listeners) listener(lang);
    return true;
  }

  onChange(listener: (lang: Lang) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private makeClock(): Intl.DateTimeFormat {
    const zone = this.options.timeZone === undefined ? {} : { timeZone: this.options.timeZone };
    return new Intl.DateTimeFormat(INTL_LOCALE[this.current], { hour: '2-digit', minute: '2-digit', ...zone });
  }
}
