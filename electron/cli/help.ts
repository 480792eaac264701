import { Help, type Command, type Option, type Argument } from 'commander';
import { t } from './i18n';

/**
 * Commander's own words in the CLI's language: section titles, "(default: …)", the help option
 * and command, and its parse errors. The commands' and options' descriptions come from the
 * catalog where each command is built.
 */
const TITLES: Record<string, () => string> = {
  'Usage:': () => t('cli.help.usage'),
  'Options:': () => t('cli.help.options'),
  'Arguments:': () => t('cli.help.arguments'),
  'Commands:': () => t('cli.help.commands'),
  'Global Options:': () => t('cli.help.globalOptions'),
};

function localizeExtras(text: string): string {
  return text
    .replace(/\(choices: /g, `(${t('cli.help.choices')}: `)
    .replace(/([(,] )?default: /g, (_m, lead: string | undefined) => `${lead ?? ''}${t('cli.help.default')}: `);
}

/** Commander's `[options]` and `[command]` placeholders in usage lines; argument names stay as the code spells them. */
function localizeUsage(text: string): string {
  return text.replace(/\[options\]/g, `[${t('cli.help.optionsPlaceholder')}]`).replace(/\[command\]/g, `[${t('cli.help.commandPlaceholder')}]`);
}

export function localizeHelp(program: Command): void {
  program.configureHelp({
    styleTitle: (title: string) => TITLES[title]?.() ?? title,
    commandUsage(cmd: Command) {
      return localizeUsage(Help.prototype.commandUsage.call(this, cmd));
    },
    subcommandTerm(cmd: Command) {
      return localizeUsage(Help.prototype.subcommandTerm.call(this, cmd));
    },
    optionDescription(option: Option) {
      return localizeExtras(Help.prototype.optionDescription.call(this, option));
    },
    argumentDescription(argument: Argument) {
      return localizeExtras(Help.prototype.argumentDescription.call(this, argument));
    },
  });
  program.helpOption('-h, --help', t('cli.help.helpOption'));
  program.helpCommand('help [command]', t('cli.help.helpCommand'));
}

/** Commander's parse errors (English, one line each), reworded; anything unrecognised stays as it is. */
const COMMANDER_ERRORS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^error: unknown option '([^']*)'(?:\n\(Did you mean (.*)\?\))?$/s, (m) => (m[2] ? t('cli.error.unknownOptionSuggest', { option: m[1]!, suggestion: m[2] }) : t('cli.error.unknownOption', { option: m[1]! }))],
  [/^error: unknown command '([^']*)'(?:\n\(Did you mean (.*)\?\))?$/s, (m) => (m[2] ? t('cli.error.unknownCommandSuggest', { command: m[1]!, suggestion: m[2] }) : t('cli.error.unknownCommand', { command: m[1]! }))],
  [/^error: missing required argument '([^']*)'$/, (m) => t('cli.error.missingArgument', { argument: m[1]! })],
  [/^error: option '([^']*)' argument missing$/, (m) => t('cli.error.optionArgumentMissing', { option: m[1]! })],
  [/^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+): (.*)\.$/s, (m) =>
    t('cli.error.tooManyArguments', { command: m[1] ?? 'portscope', expected: Number(m[2]), received: Number(m[3]), extra: m[4]! })],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/s, (m) =>
    t('cli.error.invalidChoice', { option: m[1]!, value: m[2]!, choices: m[3]! })],
];

export function localizeCommanderError(message: string): string {
  const text = message.trim();
  for (const [pattern, say] of COMMANDER_ERRORS) {
    const m = pattern.exec(text);
    if (m) return say(m);
  }
  return text.replace(/^error: /, '');
}
