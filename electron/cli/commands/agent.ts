import { Option, type Command } from 'commander';
import type { Alert } from '../../../shared/contract/history';
import { defaultDataDir } from '../../engine/history/paths';
import { Engine } from '../../engine/service';
import { EXIT_FAILURE, EXIT_OK } from '../errors';
import { parseInterval } from '../options';
import { addCommandRegistrar, type CommandContext } from '../registry';
import { terminalSafe } from '../table';
import { addMetricsOptions, startAgentMetrics, type AgentMetricsFlags } from './agentMetrics';
import { addListenOptions, checkListenFlags, listenTls, startAgentListen, type AgentListenFlags } from './agentListen';
import { DATA_DIR_FLAG, dataDirHelp, parseDataDir, parseLogFile } from './historyOptions';
import { t } from '../i18n';

interface AgentFlags extends AgentMetricsFlags, AgentListenFlags {
  dataDir?: string;
  log?: string;
  interval: number;
}

/** Resolves on the first SIGINT or SIGTERM; a second Ctrl-C while stopping leaves at once. */
function untilStopped(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.once('SIGINT', () => process.exit(130));
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * `portscope agent`: a headless Portscope for servers (assets/portscope-agent.service runs it at
 * boot). It records history until SIGINT or SIGTERM, then gives up the writer lease so another
 * Portscope can take over at once (killed harder, the lease goes stale and is taken over anyway).
 * With --metrics it serves the live table to Prometheus; --scan adds scheduled scans.
 */
export async function agentCommand(flags: AgentFlags, ctx: CommandContext): Promise<number> {
  const { out } = ctx;
  // The agent's log lines stay English in every language, as daemons' logs do: they end up in
  // journald or a file, read by people and scripts who search for the same words everywhere.
  const log = (m: string) => out.stderr(`portscope agent: ${terminalSafe(m)}\n`);
  const dataDir = flags.dataDir ?? defaultDataDir();
  if (flags.showFingerprint) {
    // What the app will show when this machine is added: compare the two before confirming.
    out.stdout(`${listenTls(flags, dataDir).fingerprint}\n`);
    return EXIT_OK;
  }
  checkListenFlags(flags);
  const stopped = untilStopped();
  const engine = new Engine({ transport: 'cli', intervalMs: flags.interval, history: { dataDir, recorder: 'agent', logFile: flags.log } });
  engine.on('monitor.error', (e) => log(e.message));
  engine.on('history.alert', (a: Alert) => log(`ALERT ${a.severity}: ${a.message}`));
  const keepAlive = setInterval(() => {}, 1 << 30);
  let metrics;
  let listen;
  try {
    // Flags are checked (and the endpoints bound) before recording starts: a mistake is one line, exit 2.
    metrics = await startAgentMetrics(engine, flags, log);
    try {
      listen = await startAgentListen(engine, flags, dataDir, log);
    } catch (err) {
      await metrics.close();
      throw err;
    }
  } catch (err) {
    clearInterval(keepAlive);
    engine.dispose();
    throw err;
  }
  let recorder;
  try {
    recorder = await engine.startRecording();
  } catch (err) {
    clearInterval(keepAlive);
    await metrics.close();
    await listen?.close();
    engine.dispose();
    log(`cannot record: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT_FAILURE;
  }
  const role = recorder.currentRole;
  log(
    role === 'writer'
      ? `recording into ${dataDir} every ${flags.interval} ms${flags.log ? `, changes to ${flags.log}` : ''}`
      : role === 'reader'
        ? `another Portscope records into ${dataDir}; waiting to take over when it stops${flags.log ? ` (changes still go to ${flags.log})` : ''}`
        : (recorder.lastError ?? 'history is off'),
  );
  await engine.monitor.snapshot();
  log(`running (pid ${process.pid}); Ctrl-C stops it`);
  try {
    await Promise.race([stopped, metrics.refused]);
  } finally {
    clearInterval(keepAlive);
    await listen?.close();
    await metrics.close();
    engine.dispose();
    log('stopped');
  }
  return EXIT_OK;
}

addCommandRegistrar((program: Command, ctx: CommandContext) => {
  addListenOptions(addMetricsOptions(
    program
      .command('agent')
      .description(t('cli.agent.description'))
      .option(DATA_DIR_FLAG, dataDirHelp(), parseDataDir)
      .option('--log <file>', t('cli.option.logFile'), parseLogFile)
      .addOption(new Option('-i, --interval <time>', t('cli.watch.interval')).default(1000).argParser(parseInterval)),
  )).action(async (flags: AgentFlags) => {
    ctx.exit.code = await agentCommand(flags, ctx);
  });
});
