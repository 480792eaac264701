import { Option, type Command } from 'commander';
import type { Alert } from '../../../shared/contract/history';
import { defaultDataDir } from '../../engine/history/paths';
import { Engine } from '../../engine/service';
import { EXIT_FAILURE, EXIT_OK } from '../errors';
import { parseInterval } from '../options';
import { addCommandRegistrar, type CommandContext } from '../registry';
import { terminalSafe } from '../table';
import { DATA_DIR_FLAG, DATA_DIR_HELP, parseDataDir, parseLogFile } from './historyOptions';

interface AgentFlags {
  dataDir?: string;
  log?: string;
  interval: number;
}

/**
 * `portscope agent`: a headless recorder for servers (assets/portscope-agent.service runs it at
 * boot). It records until SIGINT or SIGTERM, then gives up the writer lease so another Portscope
 * can take over at once; killed harder, the lease goes stale and is taken over anyway.
 */
export async function agentCommand(flags: AgentFlags, ctx: CommandContext): Promise<number> {
  const { out } = ctx;
  const dataDir = flags.dataDir ?? defaultDataDir();
  const engine = new Engine({ transport: 'cli', intervalMs: flags.interval, history: { dataDir, recorder: 'agent', logFile: flags.log } });
  engine.on('monitor.error', (e) => out.stderr(`portscope agent: ${terminalSafe(e.message)}\n`));
  engine.on('history.alert', (a: Alert) => out.stderr(`portscope agent: ALERT ${a.severity}: ${terminalSafe(a.message)}\n`));
  const keepAlive = setInterval(() => {}, 1 << 30);
  let recorder;
  try {
    recorder = await engine.startRecording();
  } catch (err) {
    clearInterval(keepAlive);
    out.stderr(`portscope agent: cannot record: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT_FAILURE;
  }
  const role = recorder.currentRole;
  out.stderr(
    role === 'writer'
      ? `portscope agent: recording into ${dataDir} every ${flags.interval} ms${flags.log ? `, changes to ${flags.log}` : ''}\n`
      : role === 'reader'
        ? `portscope agent: another Portscope records into ${dataDir}; waiting to take over when it stops${flags.log ? ` (changes still go to ${flags.log})` : ''}\n`
        : `portscope agent: ${recorder.lastError ?? 'history is off'}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  clearInterval(keepAlive);
  engine.dispose();
  out.stderr('portscope agent: stopped\n');
  return EXIT_OK;
}

addCommandRegistrar((program: Command, ctx: CommandContext) => {
  program
    .command('agent')
    .description('record history headless (for servers; see assets/portscope-agent.service)')
    .option(DATA_DIR_FLAG, DATA_DIR_HELP, parseDataDir)
    .option('--log <file>', 'also append every change as JSON lines to this file', parseLogFile)
    .addOption(new Option('-i, --interval <time>', 'refresh interval: 1000, 500ms, 2s').default(1000).argParser(parseInterval))
    .action(async (flags: AgentFlags) => {
      ctx.exit.code = await agentCommand(flags, ctx);
    });
});
