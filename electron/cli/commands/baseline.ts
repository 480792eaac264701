import type { Command } from 'commander';
import type { KnownListener } from '../../../shared/contract/history';
import { historyHandlers } from '../../engine/history/handlers';
import { defaultDataDir } from '../../engine/history/paths';
import { EXIT_NOTHING, EXIT_OK, UsageError } from '../errors';
import { addCommandRegistrar, type CommandContext } from '../registry';
import { renderTable } from '../table';
import { DATA_DIR_FLAG, DATA_DIR_HELP, parseDataDir } from './historyOptions';

interface BaselineFlags {
  dataDir?: string;
  json?: boolean;
  label?: string;
}

const addr = (l: KnownListener) => `${l.localAddress.includes(':') ? `[${l.localAddress}]` : l.localAddress}:${l.localPort}`;

function listenerRows(mark: string, list: readonly KnownListener[]): string[][] {
  return list.map((l) => [mark, l.protocol, addr(l), String(l.localPort), l.processName || '(unknown owner)', l.pid ? String(l.pid) : '', l.exposure]);
}

function handlersFor(flags: BaselineFlags, ctx: CommandContext) {
  const engine = ctx.getEngine();
  return historyHandlers({ dataDir: flags.dataDir ?? defaultDataDir(), snapshot: () => engine.monitor.snapshot(), recorder: () => null });
}

export async function baselineSave(flags: BaselineFlags, ctx: CommandContext): Promise<number> {
  const info = await handlersFor(flags, ctx)['history.baselineSave']({ label: flags.label });
  if (flags.json) ctx.out.stdout(`${JSON.stringify(info, null, 2)}\n`);
  else ctx.out.stdout(`Saved baseline #${info.id}: ${info.count} listeners marked as known.\n`);
  return EXIT_OK;
}

/** Exit 0: nothing new since the baseline; 1: something new; 2: no baseline (or bad flags). */
export async function baselineCheck(flags: BaselineFlags, ctx: CommandContext): Promise<number> {
  const check = await handlersFor(flags, ctx)['history.baselineCheck']({});
  if (!check) throw new UsageError(`no baseline saved in ${flags.dataDir ?? defaultDataDir()}; run \`portscope baseline save\` first`);
  const code = check.added.length > 0 ? EXIT_NOTHING : EXIT_OK;
  if (flags.json) {
    ctx.out.stdout(`${JSON.stringify(check, null, 2)}\n`);
    return code;
  }
  const rows = [...listenerRows('new', check.added), ...listenerRows('gone', check.gone)];
  ctx.out.stdout(`Baseline #${check.baseline.id} of ${check.baseline.createdAt} (${check.baseline.count} known listeners): ${check.added.length} new, ${check.gone.length} gone.\n`);
  if (rows.length) ctx.out.stdout(`${renderTable([{ header: 'CHANGE' }, { header: 'PROTO' }, { header: 'ADDRESS' }, { header: 'PORT', align: 'right' }, { header: 'OWNER', max: 40 }, { header: 'PID', align: 'right' }, { header: 'EXPOSURE' }], rows)}\n`);
  return code;
}

addCommandRegistrar((program: Command, ctx: CommandContext) => {
  const baseline = program.command('baseline').description('mark the current listeners as known, and check for new ones since');
  baseline
    .command('save')
    .description('mark every listener open now as known')
    .option('--label <text>', 'a name for this baseline')
    .option('--json', 'print the saved baseline as JSON')
    .option(DATA_DIR_FLAG, DATA_DIR_HELP, parseDataDir)
    .action(async (flags: BaselineFlags) => {
      ctx.exit.code = await baselineSave(flags, ctx);
    });
  baseline
    .command('check')
    .description('listeners new since the baseline, and known ones that disappeared; exit 0 nothing new, 1 something new, 2 bad input')
    .option('--json', 'print { baseline, added, gone } as JSON')
    .option(DATA_DIR_FLAG, DATA_DIR_HELP, parseDataDir)
    .action(async (flags: BaselineFlags) => {
      ctx.exit.code = await baselineCheck(flags, ctx);
    });
});
