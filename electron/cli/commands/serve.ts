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
import { DATA_DIR_FLAG, dataDirHelp, parseDataDir, parseLogFile } from './historyOptions';
import { t } from '../i18n';

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
  if (!/^\d+$/.test(value.trim())) throw new UsageError(t('cli.serve.error.port', { value }));
  const port = Number(value.trim());
  if (port > 65535) throw new UsageError(t('cli.serve.error.portRange', { port: String(port) }));
  return port;
}

function parseHost(value: string): string {
  const host = value.trim().replace(/^\[(.*)\]$/, '$1');
  if (!/^[\w.:-]+$/.test(host)) throw new UsageError(t('cli.serve.error.host', { value }));
  // All digits and dots is an IPv4 address or a mistake (999.1.1.1), never a host name.
  if (/^[\d.]+$/.test(host) && !isIPv4(host)) throw new UsageError(t('cli.serve.error.ipv4', { host }));
  if (host.includes(':') && !isIPv6(host)) throw new UsageError(t('cli.serve.error.ipv6', { host }));
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
    const values = { port: String(options.port), host: options.host };
    if (code === 'EADDRINUSE') throw new UsageError(t('cli.serve.error.inUse', values));
    if (code === 'EADDRNOTAVAIL') throw new UsageError(t('cli.serve.error.notLocal', values));
    if (code === 'EACCES') throw new UsageError(t('cli.serve.error.denied', values));
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') throw new UsageError(t('cli.serve.error.unresolved', values));
    throw err;
  }
  // Said once the server is up, so a failure to bind stays one line.
  if (!isLoopbackHost(options.host)) {
    out.stderr(`portscope: ${t('cli.serve.notLoopback', { host: options.host })}\n`);
  }
  out.stdout(`${host.url}\n`);
  out.stderr(`portscope: ${t('cli.serve.dashboard', { origin: host.origin })}\n`);
  if (options.open) {
    const why = openInBrowser(host.url);
    if (why) out.stderr(`portscope: ${t('cli.serve.noBrowser', { why })}\n`);
  }
  await stopRequested;
  out.stderr(`portscope: ${t('cli.serve.stopping')}\n`);
  await host.close();
  await machines.close();
  await link.close();
  return EXIT_OK;
}

addCommandRegistrar((program: Command, ctx: CommandContext) => {
  program
    .command('serve')
    .description(t('cli.serve.description'))
    .addOption(new Option('--port <port>', t('cli.serve.port')).default(0).argParser(parseServePort))
    .addOption(new Option('--host <address>', t('cli.serve.host')).default('127.0.0.1').argParser(parseHost))
    .option('--open', t('cli.serve.open'))
    .option('--no-history', t('cli.serve.noHistory'))
    .option(DATA_DIR_FLAG, dataDirHelp(), parseDataDir)
    .option('--log <file>', t('cli.option.logFile'), parseLogFile)
    .action(async (opts: ServeOptions) => {
      ctx.exit.code = await serveCommand(opts, ctx);
    });
});
