import type { Command } from 'commander';
import { Option } from 'commander';
import { EXIT_OK } from '../errors';
import { parseInterval } from '../options';
import { addCommandRegistrar, type CommandContext } from '../registry';
import { addMetricsOptions, startAgentMetrics, type AgentMetricsFlags } from './agentMetrics';

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
 * `portscope agent`: a headless Portscope for servers. It keeps the socket table fresh and, with
 * --metrics, serves it to Prometheus; --scan adds scheduled scans (the outside-in view).
 */
export async function agentCommand(flags: AgentMetricsFlags & { interval: number }, ctx: CommandContext): Promise<number> {
  const log = (m: string) => ctx.out.stderr(`portscope agent: ${m}\n`);
  const stopped = untilStopped();
  const engine = ctx.getEngine();
  engine.monitor.setInterval(flags.interval);
  const handle = await startAgentMetrics(engine, flags, log);
  // Subscribing keeps the monitor refreshing, so every scrape reads a table at most one interval old.
  const off = engine.on('sockets.delta', () => {});
  await engine.monitor.snapshot();
  log(`running (pid ${process.pid}); Ctrl-C stops it`);
  try {
    await Promise.race([stopped, handle.refused]);
  } finally {
    log('stopping');
    off();
    await handle.close();
    engine.dispose();
  }
  return EXIT_OK;
}

addCommandRegistrar((program: Command, ctx: CommandContext) => {
  addMetricsOptions(
    program
      .command('agent')
      .description('run headless: keep the socket table fresh, serve Prometheus metrics (--metrics), run scheduled scans (--scan)')
      .addOption(new Option('--interval <time>', 'how often the socket table is read (250ms to 60s)').default(2000, '2s').argParser(parseInterval)),
  ).action(
    async (opts: AgentMetricsFlags & { interval: number }) => {
      ctx.exit.code = await agentCommand(opts, ctx);
    },
  );
});
