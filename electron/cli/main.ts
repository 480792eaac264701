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
import { RESOLVE_HELP } from './resolveNames';

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
  if (value.trim() === '') throw new UsageError(`${flag} needs a path`);
  return path.resolve(value);
}

/** Options every socket-table command shares. */
function tableFilters(cmd: Command): Command {
  return cmd
    .option('--tcp', 'TCP sockets only')
    .option('--udp', 'UDP sockets only')
    .option('-p, --port <port>', 'local or remote port (repeat or comma-separate)', collect(parsePort))
    .option('--pid <pid>', 'owned by this pid (repeat or comma-separate)', collect(parsePid))
    .option('--process <name>', 'process name contains this text (repeat or comma-separate)', collect(String))
    .option('-s, --state <state>', 'socket state: listen, established, time-wait, unconn, … (repeat or comma-separate)', collect(parseState))
    .option('-a, --all', 'every socket, not only listening TCP and bound UDP');
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
    if (empty) throw new UsageError(`${option.long ?? option.flags} needs a value, not an empty string`);
  }
}

export function buildProgram(out: SafeOutput, engineFactory: () => Engine): { program: Command; exit: { code: number } } {
  const exit = { code: 0 };
  let engine: Engine | null = null;
  const getEngine = () => (engine ??= engineFactory());
  const program = new Command('portscope')
    .description('What is listening here, who owns it, who is connected, and is that port reachable.')
    .version(version, '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => out.stdout(s),
      writeErr: (s) => out.stderr(s),
      // Commander's own errors become our one-line form.
      outputError: (s, write) => write(`portscope: ${s.replace(/^error: /, '').trim()}\n`),
    });

  tableFilters(
    program
      .command('list')
      .alias('ls')
      .description('listening TCP and bound UDP sockets, with service, exposure and owning process')
      .option('--json', 'print a JSON array of rows')
      .option('--totals', 'traffic totals per process and for the machine (with --json: { rows, traffic })')
      .option('--resolve', RESOLVE_HELP),
  ).action(async (opts: TableFlags & { json?: boolean; totals?: boolean; resolve?: boolean }) => {
    exit.code = await listCommand(getEngine(), { ...toFilter(opts), json: opts.json, totals: opts.totals, resolve: opts.resolve }, out);
  });

  program
    .command('who')
    .description('which process holds a port, with every detail known about it')
    .argument('<port>', 'local port number', (v) => parsePort(v))
    .option('--tcp', 'TCP only')
    .option('--udp', 'UDP only')
    .option('--json', 'print JSON')
    .option('--resolve', RESOLVE_HELP)
    .action(async (port: number, opts) => {
      exit.code = await whoCommand(getEngine(), port, opts, out);
    });

  tableFilters(
    program
      .command('watch')
      .description('a live table that refreshes and marks new (+), closed (-) and changed (~) sockets')
      .addOption(new Option('-i, --interval <time>', 'refresh interval: 1000, 500ms, 2s').default(1000).argParser(parseInterval))
      .addOption(new Option('--count <n>', 'stop after this many refreshes').argParser((v) => {
        if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`--count must be a positive whole number, not '${v}'`);
        return Number(v);
      }))
      .option('--alert', 'print alerts: new listeners beyond loopback, on risky ports or with unknown owners')
      .option('--log <file>', 'append every change as JSON lines to this file', (v) => parseFileFlag('--log', v))
      .option('--data-dir <dir>', 'where the baseline and alert settings are (default: the user data folder)', (v) => parseFileFlag('--data-dir', v))
      .addOption(new Option('--sort <key>', 'order: port, or rate, sent, received (busiest first, with traffic columns)').choices(TRAFFIC_SORTS).default('port'))
      .option('--resolve', `${RESOLVE_HELP} (filled in as they arrive)`),
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
    await loadExtraCommands(argv, ['list', 'ls', 'who', 'watch']);
  } catch (err) {
    out.stderr(`portscope: could not load the command: ${err instanceof Error ? err.message : String(err)}\n`);
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
      out.stderr(`portscope: ${err.message}\n`);
      return err.code === 'bad-request' ? EXIT_USAGE : EXIT_FAILURE;
    }
    const message = err instanceof Error ? err.message : String(err);
    out.stderr(`portscope: unexpected failure: ${message}\n`);
    if (process.env.PORTSCOPE_DEBUG && err instanceof Error) out.stderr(`${err.stack}\n`);
    return EXIT_FAILURE;
  }
}
