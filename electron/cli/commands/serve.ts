import { isIPv4, isIPv6 } from 'node:net';
import { Option, type Command } from 'commander';
import { startHost } from '../../host/server';
import { MachineRegistry } from '../../host/machines';
import { defaultDataDir } from '../../engine/history/paths';
import { isLoopbackHost } from '../../host/security';
import { openInBrowser } from '../../host/open-browser';
import { createWorkerLink } from '../../host/worker/worker-link';
import { locateEngineWorker, locateRendererDir } from '../../host/worker/locate';
import { EXIT_OK, UsageError } from '../errors';
import { addCommandRegistrar, type CommandContext } from '../registry';
import { DATA_DIR_FLAG, DATA_DIR_HELP, parseDataDir, parseLogFile } from './historyOptions';

interface ServeOptions {
  port: number;
  host: string;
  open?: boolean;
  /** commander's --no-history sets this false. */
  history: boolean;
  dataDir?: string;
  log?: string;
}

function parseServePort(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`--port must be a number from 0 to 65535 (0 picks a free port), not '${value}'`);
  const port = Number(value.trim());
  if (port > 65535) throw new UsageError(`--port ${port} is out of range: 0 to 65535`);
  return port;
}

function parseHost(value: string): string {
  const host = value.trim().replace(/^\[(.*)\]$/, '$1');
  if (!/^[\w.:-]+$/.test(host)) throw new UsageError(`--host must be an address or host name, not '${value}'`);
  // All digits and dots is an IPv4 address or a mistake (999.1.1.1), never a host name.
  if (/^[\d.]+$/.test(host) && !isIPv4(host)) throw new UsageError(`--host ${host} is not a valid IPv4 address`);
  if (host.includes(':') && !isIPv6(host)) throw new UsageError(`--host ${host} is not a valid IPv6 address`);
  return host;
}

/**
 * `portscope serve`: the dashboard in a browser. The first line of standard output is the URL
 * with the access token (scripts and the e2e fixture read it); everything else goes to stderr.
 */
export async function serveCommand(options: ServeOptions, ctx: CommandContext): Promise<number> {
  const { out } = ctx;
  // Signals are caught before anything is printed: a script that reads the URL and stops the
  // server at once must get a clean shutdown, not the default signal death.
  let detachSignals = () => {};
  const stopRequested = new Promise<void>((resolve) => {
    const stop = () => {
      detachSignals();
      // A second Ctrl-C while shutting down leaves at once.
      process.once('SIGINT', () => process.exit(130));
      resolve();
    };
    detachSignals = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  const link = createWorkerLink({
    entry: locateEngineWorker(),
    // While it serves, it records history (one writer per data folder; see engine/history/store.ts).
    engine: { transport: 'browser', history: { record: options.history, dataDir: options.dataDir, logFile: options.log, recorder: 'serve' } },
    log: (m) => out.stderr(`portscope: ${m}\n`),
  });
  // Remote machines (other computers' `portscope agent --listen`): this host connects to them and
  // routes a page's WebSocket to the one it looks at (`/ws?machine=<id>`).
  const machines = new MachineRegistry({ dataDir: options.dataDir ?? defaultDataDir(), log: (m) => out.stderr(`portscope: ${m}\n`) });
  let host;
  try {
    host = await startHost({
      link: machines.withMachineCalls(link),
      machines,
      rendererDir: locateRendererDir(),
      host: options.host,
      port: options.port,
      log: (m) => out.stderr(`portscope: ${m}\n`),
    });
  } catch (err) {
    detachSignals();
    await machines.close();
    await link.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${options.port} on ${options.host} is already in use; pick another or use --port 0`);
    if (code === 'EADDRNOTAVAIL') throw new UsageError(`${options.host} is not an address of this machine`);
    if (code === 'EACCES') throw new UsageError(`not allowed to listen on port ${options.port} (ports below 1024 need privileges)`);
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') throw new UsageError(`--host ${options.host}: no such host name (it does not resolve)`);
    throw err;
  }
  // Said once the server is up, so a failure to bind stays one line.
  if (!isLoopbackHost(options.host)) {
    out.stderr(
      `portscope: warning: serving on ${options.host}, not loopback: other machines on that network can reach this server. ` +
        'It still demands the access token, but plain HTTP carries the token and everything else unencrypted.\n',
    );
  }
  out.stdout(`${host.url}\n`);
  out.stderr(`portscope: dashboard at ${host.origin} (open the URL above; it carries this run's access token). Ctrl-C stops it.\n`);
  if (options.open) {
    const why = openInBrowser(host.url);
    if (why) out.stderr(`portscope: did not open a browser: ${why}. Open the URL yourself.\n`);
  }
  await stopRequested;
  out.stderr('portscope: stopping\n');
  await host.close();
  await machines.close();
  await link.close();
  return EXIT_OK;
}

addCommandRegistrar((program: Command, ctx: CommandContext) => {
  program
    .command('serve')
    .description('serve the dashboard to a browser on this machine (browser mode), with an access token')
    .addOption(new Option('--port <port>', 'port to listen on; 0 picks a free one').default(0).argParser(parseServePort))
    .addOption(new Option('--host <address>', 'address to bind; anything but loopback exposes the dashboard to the network').default('127.0.0.1').argParser(parseHost))
    .option('--open', 'open the dashboard in the default browser, when this machine has one')
    .option('--no-history', 'do not record history while serving')
    .option(DATA_DIR_FLAG, DATA_DIR_HELP, parseDataDir)
    .option('--log <file>', 'also append every change as JSON lines to this file', parseLogFile)
    .action(async (opts: ServeOptions) => {
      ctx.exit.code = await serveCommand(opts, ctx);
    });
});
