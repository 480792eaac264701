import { Command, CommanderError, Option } from 'commander';
import path from 'node:path';
import { ContractError } from '../../shared/contract/errors';
import { Engine } from '../engine/service';
import { listCommand } from './commands/list';
import { watchCommand } from './commands/watch';
import { whoCommand } from './commands/who';
import { EXIT_FAILURE, EXIT_USAGE, UsageError } from './errors';
import { collect, parseInterval, parsePid, parsePort, parseState } from './options';
import { processOutput, safeOutput, type Output, type SafeOutput } from './output';
import { registerExtraCommands } from './registry';
import type { RowFilter } from './filters';
import type { SocketState } from '../../shared/contract/sockets';
import { loadExtraCommands } from './commands/extra';
import { TRAFFIC_SORTS, type TrafficSort } from './trafficFormat';
import { chooseCliLang, setCliLang, t, tEngine, withoutLangOption } from './i18n';
import { localizeCommanderError, localizeHelp } from './help';
import { UnsupportedLangError } from '../../shared/i18n/locale';
import { resolveHelp } from './resolveNames';

declare const PORTSCOPE_VERSION: string | undefined;
const version = typeof PORTSCOPE_VERSION === 'string' ? PORTSCOPE_VERSION : '0.0.0-dev';

interface TableFlags {
  tcp?: boolean;
  udp?: boolean;
  port?: number[];
  pid?: number[];
  process?: string[];
  state?: SocketState[];
  all?: boolean;
}

/** Commander names options after the flag (--port -> port); the filter speaks in plurals. */
function toFilter(o: TableFlags): RowFilter {
  return { tcp: o.tcp, udp: o.udp, all: o.all, ports: o.port, pids: o.pid, processes: o.process, states: o.state };
}

function parseFileFlag(flag: string, value: string): string {
  if (value.trim() === '') throw new UsageError(t('cli.error.needsPath', { flag }));
  return path.resolve(value);
}

/** Options every socket-table command shares. */
function tableFilters(cmd: Command): Command {
  return cmd
    .option('--tcp', t('cli.filter.tcp'))
    .option('--udp', t('cli.filter.udp'))
    .option('-p, --port <port>', t('cli.filter.port'), collect(parsePort))
    .option('--pid <pid>', t('cli.filter.pid'), collect(parsePid))
    .option('--process <name>', t('cli.filter.process'), collect(String))
    .option('-s, --state <state>', t('cli.filter.state'), collect(parseState))
    .option('-a, --all', t('cli.filter.all'));
}

/**
 * `--report ''` (an unset shell variable) must not silently do nothing: no option of any
 * command takes an empty value, and saying so here covers every command at once.
 */
/** Options whose command refuses an empty value itself, with a more specific message. */
const OWN_EMPTY_CHECK = new Set(['--ports']);

function refuseEmptyValues(cmd: Command): void {
  for (const option of cmd.options) {
    if (option.long && OWN_EMPTY_CHECK.has(option.long)) continue;
    const value: unknown = cmd.getOptionValue(option.attributeName());
    const empty = value === '' || (Array.isArray(value) && value.some((v) => v === ''));
    if (empty) throw new UsageError(t('cli.error.emptyValue', { flag: option.long ?? option.flags }));
  }
}

export function buildProgram(out: SafeOutput, engineFactory: () => Engine): { program: Command; exit: { code: number } } {
  const exit = { code: 0 };
  let engine: Engine | null = null;
  const getEngine = () => (engine ??= engineFactory());
  const program = new Command('portscope');
  // Before any command is added: subcommands copy the help settings when they are created.
  localizeHelp(program);
  program
    .description(t('cli.program.description'))
    .version(version, '-V, --version', t('cli.program.version'))
    // Read before parsing (see i18n.ts); declared so that help lists it and commander accepts it anywhere.
    .option('--lang <lang>', t('cli.program.lang'))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => out.stdout(s),
      writeErr: (s) => out.stderr(s),
      // Commander's own errors become our one-line form.
      outputError: (s, write) => write(`portscope: ${localizeCommanderError(s)}\n`),
    });

  tableFilters(
    program
      .command('list')
      .alias('ls')
      .description(t('cli.list.description'))
      .option('--json', t('cli.list.json'))
      .option('--totals', t('cli.list.totals'))
      .option('--resolve', resolveHelp()),
  ).action(async (opts: TableFlags & { json?: boolean; totals?: boolean; resolve?: boolean }) => {
    exit.code = await listCommand(getEngine(), { ...toFilter(opts), json: opts.json, totals: opts.totals, resolve: opts.resolve }, out);
  });

  program
    .command('who')
    .description(t('cli.who.description'))
    .argument('<port>', t('cli.arg.localPort'), (v) => parsePort(v))
    .option('--tcp', t('cli.who.tcp'))
    .option('--udp', t('cli.who.udp'))
    .option('--json', t('cli.who.json'))
    .option('--resolve', resolveHelp())
    .action(async (port: number, opts) => {
      exit.code = await whoCommand(getEngine(), port, opts, out);
    });

  tableFilters(
    program
      .command('watch')
      .description(t('cli.watch.description'))
      .addOption(new Option('-i, --interval <time>', t('cli.watch.interval')).default(1000).argParser(parseInterval))
      .addOption(new Option('--count <n>', t('cli.watch.count')).argParser((v) => {
        if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(t('cli.error.positiveWhole', { flag: '--count', value: v }));
        return Number(v);
      }))
      .option('--alert', t('cli.watch.alert'))
      .option('--log <file>', t('cli.watch.log'), (v) => parseFileFlag('--log', v))
      .option('--data-dir <dir>', t('cli.watch.dataDir'), (v) => parseFileFlag('--data-dir', v))
      .addOption(new Option('--sort <order>', t('cli.watch.sort')).choices(TRAFFIC_SORTS).default('port'))
      .option('--resolve', resolveHelp(true)),
  ).action(async (opts: TableFlags & { interval: number; count?: number; alert?: boolean; log?: string; dataDir?: string; sort: TrafficSort; resolve?: boolean }) => {
    exit.code = await watchCommand(getEngine(), { ...toFilter(opts), intervalMs: opts.interval, count: opts.count, alert: opts.alert, log: opts.log, dataDir: opts.dataDir, sort: opts.sort, resolve: opts.resolve }, out);
  });

  registerExtraCommands(program, { out, getEngine, exit });
  program.hook('preAction', (_root, action) => refuseEmptyValues(action));
  return { program, exit };
}

export async function main(argv: string[], sink: Output = processOutput, engineFactory = () => new Engine({ transport: 'cli' })): Promise<number> {
  // Every line printed from here on, errors included, goes through the one sanitizer.
  const out = safeOutput(sink);
  try {
    setCliLang(chooseCliLang(argv, process.env));
  } catch (err) {
    if (!(err instanceof UnsupportedLangError)) throw err;
    // Said in the environment's language, the one this run would otherwise have used.
    setCliLang(chooseCliLang([], process.env));
    out.stderr(`portscope: ${t('cli.error.unsupportedLang', { value: err.value })}\n`);
    return EXIT_USAGE;
  }
  try {
    await loadExtraCommands(withoutLangOption(argv), ['list', 'ls', 'who', 'watch']);
  } catch (err) {
    out.stderr(`portscope: ${t('cli.error.loadCommand', { error: err instanceof Error ? err.message : String(err) })}\n`);
    return EXIT_FAILURE;
  }
  const { program, exit } = buildProgram(out, engineFactory);
  try {
    await program.parseAsync(argv, { from: 'user' });
    out.finish();
    return exit.code;
  } catch (err) {
    // A command that fails mid-line: its error starts on a line of its own.
    out.finish();
    if (err instanceof CommanderError) {
      // help and version "errors" are normal exits; the message was already printed.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      if (err.code === 'commander.executeSubCommandAsync') return exit.code;
      return EXIT_USAGE;
    }
    if (err instanceof UsageError) {
      out.stderr(`portscope: ${err.message}\n`);
      return EXIT_USAGE;
    }
    if (err instanceof ContractError) {
      out.stderr(`portscope: ${tEngine(err.messageKey, err.values, err.message)}\n`);
      return err.code === 'bad-request' ? EXIT_USAGE : EXIT_FAILURE;
    }
    const message = err instanceof Error ? err.message : String(err);
    out.stderr(`portscope: ${t('cli.error.unexpected', { error: message })}\n`);
    if (process.env.PORTSCOPE_DEBUG && err instanceof Error) out.stderr(`${err.stack}\n`);
    return EXIT_FAILURE;
  }
}
