import { Help, type Command, type Option, type Argument } from 'commander';
import { fmt, t } from './i18n';

/**
 * Commander's own words in the CLI's language: section titles, "(default: …)", the help option
 * and command, the value placeholders (`<file>`, `[targets...]`) and its parse errors. The
 * commands' and options' descriptions come from the catalog where each command is built.
 */
const TITLES: Record<string, () => string> = {
  'Usage:': () => t('cli.help.usage'),
  'Options:': () => t('cli.help.options'),
  'Arguments:': () => t('cli.help.arguments'),
  'Commands:': () => t('cli.help.commands'),
  'Global Options:': () => t('cli.help.globalOptions'),
};

/**
 * The placeholders the commands declare (`.argument('<port>')`, `--log <file>`), as help and
 * errors show them. The code keeps the English names (commander matches arguments by position,
 * options by flag, so the name is only ever shown); `n`, `ms` and `pid` read the same everywhere.
 */
const PLACEHOLDERS: Record<string, () => string> = {
  options: () => t('cli.help.optionsPlaceholder'),
  command: () => t('cli.help.commandPlaceholder'),
  lang: () => t('cli.placeholder.lang'),
  port: () => t('cli.placeholder.port'),
  ports: () => t('cli.placeholder.ports'),
  target: () => t('cli.placeholder.target'),
  targets: () => t('cli.placeholder.targets'),
  local: () => t('cli.placeholder.local'),
  remote: () => t('cli.placeholder.remote'),
  file: () => t('cli.placeholder.file'),
  time: () => t('cli.placeholder.time'),
  order: () => t('cli.placeholder.order'),
  dir: () => t('cli.placeholder.dir'),
  state: () => t('cli.placeholder.state'),
  name: () => t('cli.placeholder.name'),
  spec: () => t('cli.placeholder.spec'),
  profile: () => t('cli.placeholder.profile'),
  what: () => t('cli.placeholder.what'),
  format: () => t('cli.placeholder.format'),
  table: () => t('cli.placeholder.table'),
  text: () => t('cli.placeholder.text'),
  when: () => t('cli.placeholder.when'),
  address: () => t('cli.placeholder.address'),
  'address:port': () => t('cli.placeholder.addressPort'),
  token: () => t('cli.placeholder.token'),
  duration: () => t('cli.placeholder.duration'),
};

function placeholderName(name: string): string {
  return PLACEHOLDERS[name]?.() ?? name;
}

/** `<file>`, `[targets...]`, `[options]` in a usage line or an option's flags. */
export function localizePlaceholders(text: string): string {
  return text.replace(/([<[])([a-z:-]+)((?:\.\.\.)?[>\]])/g, (_m, open: string, name: string, close: string) => `${open}${placeholderName(name)}${close}`);
}

/** Commander's "(choices: "a", "b", default: "a")", without JSON quotes, in the CLI's language. */
function withExtras(description: string, choices: readonly string[] | undefined, defaultValue: string | undefined): string {
  const extras: string[] = [];
  if (choices) extras.push(`${t('cli.help.choices')}: ${choices.join(', ')}`);
  if (defaultValue !== undefined) extras.push(`${t('cli.help.default')}: ${defaultValue}`);
  if (extras.length === 0) return description;
  // Choices are a comma list already: a semicolon keeps the default apart from them.
  const extra = `(${extras.join('; ')})`;
  return description ? `${description} ${extra}` : extra;
}

function shownDefault(value: unknown, description: string | undefined): string | undefined {
  if (description) return description;
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function localizeHelp(program: Command): void {
  program.configureHelp({
    styleTitle: (title: string) => TITLES[title]?.() ?? title,
    commandUsage(cmd: Command) {
      return localizePlaceholders(Help.prototype.commandUsage.call(this, cmd));
    },
    subcommandTerm(cmd: Command) {
      return localizePlaceholders(Help.prototype.subcommandTerm.call(this, cmd));
    },
    optionTerm(option: Option) {
      return localizePlaceholders(Help.prototype.optionTerm.call(this, option));
    },
    argumentTerm(argument: Argument) {
      return placeholderName(Help.prototype.argumentTerm.call(this, argument));
    },
    optionDescription(option: Option) {
      // As commander decides: a default is shown for options that take a value.
      const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
      return withExtras(option.description, option.argChoices, showDefault ? shownDefault(option.defaultValue, option.defaultValueDescription) : undefined);
    },
    argumentDescription(argument: Argument) {
      return withExtras(argument.description, argument.argChoices, shownDefault(argument.defaultValue, argument.defaultValueDescription));
    },
  });
  program.helpOption('-h, --help', t('cli.help.helpOption'));
  program.helpCommand(`help [${placeholderName('command')}]`, t('cli.help.helpCommand'));
}

/** Commander's "one of list, ls" (several close names) as the language's "list or ls". */
function suggestion(text: string): string {
  const many = /^one of (.*)$/s.exec(text);
  return many ? new Intl.ListFormat(fmt().locale, { type: 'disjunction' }).format(many[1]!.split(', ')) : text;
}

/** Commander's parse errors (English, one line each), reworded; anything unrecognised stays as it is. */
const COMMANDER_ERRORS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^error: unknown option '([^']*)'(?:\n\(Did you mean (.*)\?\))?$/s, (m) => (m[2] ? t('cli.error.unknownOptionSuggest', { option: m[1]!, suggestion: suggestion(m[2]) }) : t('cli.error.unknownOption', { option: m[1]! }))],
  [/^error: unknown command '([^']*)'(?:\n\(Did you mean (.*)\?\))?$/s, (m) => (m[2] ? t('cli.error.unknownCommandSuggest', { command: m[1]!, suggestion: suggestion(m[2]) }) : t('cli.error.unknownCommand', { command: m[1]! }))],
  [/^error: missing required argument '([^']*)'$/, (m) => t('cli.error.missingArgument', { argument: placeholderName(m[1]!) })],
  [/^error: required option '([^']*)' not specified$/, (m) => t('cli.error.requiredOption', { option: localizePlaceholders(m[1]!) })],
  [/^error: option '([^']*)' argument missing$/, (m) => t('cli.error.optionArgumentMissing', { option: localizePlaceholders(m[1]!) })],
  [/^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+): (.*)\.$/s, (m) =>
    t('cli.error.tooManyArguments', { command: m[1] ?? 'portscope', expected: Number(m[2]), received: Number(m[3]), extra: m[4]! })],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/s, (m) =>
    t('cli.error.invalidChoice', { option: localizePlaceholders(m[1]!), value: m[2]!, choices: m[3]! })],
];

export function localizeCommanderError(message: string): string {
  const text = message.trim();
  for (const [pattern, say] of COMMANDER_ERRORS) {
    const m = pattern.exec(text);
    if (m) return say(m);
  }
  return text.replace(/^error: /, '');
}
