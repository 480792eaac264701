import { engineCatalogs, type EngineKey } from '../../shared/i18n/catalogs/engine';
import { cliCatalogs, type CliKey } from '../../shared/i18n/catalogs/cli';
import { socketCatalogs, type SocketKey } from '../../shared/i18n/catalogs/socket';
import { reportCatalogs, type ReportKey } from '../../shared/i18n/catalogs/report';
import { createFormat, type Format } from '../../shared/i18n/format';
import { langFromEnv, parseLangOption, UnsupportedLangError, type Lang, type LocaleEnv } from '../../shared/i18n/locale';
import { createTranslator, mergeCatalogs, type MessageValues, type Translator } from '../../shared/i18n/translate';

/**
 * The CLI's language: `--lang en|de|nl`, else the POSIX locale (LC_ALL, LC_MESSAGES, LANG; see
 * shared/i18n/locale.ts), else English. It is chosen once, before the commands are built, so
 * their help is built in it; option parsers that throw UsageErrors read it from here too. JSON
 * output, socket states, protocol names and data are never translated.
 */
type Key = CliKey | EngineKey | SocketKey | ReportKey;
const catalogs = mergeCatalogs(mergeCatalogs(mergeCatalogs(cliCatalogs, engineCatalogs), socketCatalogs), reportCatalogs);

let translator: Translator<Key> = createTranslator('en', catalogs);
let format: Format = createFormat('en');

export function setCliLang(lang: Lang): void {
  translator = createTranslator(lang, catalogs);
  format = createFormat(lang);
}

export function cliLang(): Lang {
  return translator.lang;
}

/** A CLI or engine message in the CLI's language. */
export function t(key: Key, values?: MessageValues): string {
  return translator(key, values);
}

/** An engine text that arrived with its key: translated when known, the engine's English otherwise. */
export function tEngine(key: string | undefined | null, values: MessageValues | undefined, english: string): string {
  return translator.maybe(key, values, english);
}

/** Numbers, sizes and times in the CLI's language. */
export function fmt(): Format {
  return format;
}

/**
 * `--lang` from argv before commander parses it (the help must already be in that language):
 * `--lang de`, `--lang=de`, anywhere before `--`. The last one wins, as with other options.
 * Returns null when there is none; throws UnsupportedLangError for a language we lack.
 */
export function langFromArgv(argv: readonly string[]): Lang | null {
  let found: Lang | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('-')) throw new UnsupportedLangError(value ?? '');
      found = parseLangOption(value);
      i++;
    } else if (arg.startsWith('--lang=')) found = parseLangOption(arg.slice('--lang='.length));
  }
  return found;
}

/** The language for this run: argv's --lang, else the environment. */
export function chooseCliLang(argv: readonly string[], env: LocaleEnv): Lang {
  return langFromArgv(argv) ?? langFromEnv(env);
}

/** argv without `--lang X` / `--lang=X`, for code that looks for the command name before commander runs. */
export function withoutLangOption(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (arg === '--lang') i++;
    else if (!arg.startsWith('--lang=')) out.push(arg);
  }
  return out;
}
