import type { Command } from 'commander';
import type { KnownListener } from '../../../shared/contract/history';
import { historyHandlers } from '../../engine/history/handlers';
import { defaultDataDir } from '../../engine/history/paths';
import { EXIT_NOTHING, EXIT_OK, UsageError } from '../errors';
import { addCommandRegistrar, type CommandContext } from '../registry';
import { renderTable } from '../table';
import { DATA_DIR_FLAG, dataDirHelp, parseDataDir } from './historyOptions';
import { t } from '../i18n';
import { tableDateTime } from '../timeFormat';
import { exposureLabel } from '../table';

interface BaselineFlags {
  dataDir?: string;
  json?: boolean;
  label?: string;
}

const addr = (l: KnownListener) => `${l.localAddress.includes(':') ? `[${l.localAddress}]` : l.localAddress}:${l.localPort}`;

function listenerRows(mark: string, list: readonly KnownListener[]): string[][] {
  // The exposure word without its family: a baseline keeps the exposure, not the socket's family.
  const exposure = (l: KnownListener) => (l.exposure === 'all' ? t('cli.baseline.exposureAll') : exposureLabel({ exposure: l.exposure, dualStack: false, family: 4 }));
  return list.map((l) => [mark, l.protocol, addr(l), String(l.localPort), l.processName || t('cli.baseline.unknownOwner'), l.pid ? String(l.pid) : '', exposure(l)]);
}

function handlersFor(flags: BaselineFlags, ctx: CommandContext) {
  const engine = ctx.getEngine();
  return historyHandlers({ dataDir: flags.dataDir ?? defaultDataDir(), snapshot: () => engine.monitor.snapshot(), recorder: () => null });
}

export async function baselineSave(flags: BaselineFlags, ctx: CommandContext): Promise<number> {
  const info = await handlersFor(flags, ctx)['history.baselineSave']({ label: flags.label });
  if (flags.json) ctx.out.stdout(`${JSON.stringify(info, null, 2)}\n`);
  else ctx.out.stdout(`${t('cli.baseline.saved', { id: String(info.id), count: info.count })}\n`);
  return EXIT_OK;
}

/** Exit 0: nothing new since the baseline; 1: something new; 2: no baseline (or bad flags). */
export async function baselineCheck(flags: BaselineFlags, ctx: CommandContext): Promise<number> {
  const check = await handlersFor(flags, ctx)['history.baselineCheck']({});
  if (!check) throw new UsageError(t('cli.baseline.error.none', { dir: flags.dataDir ?? defaultDataDir() }));
  const code = check.added.length > 0 ? EXIT_NOTHING : EXIT_OK;
  if (flags.json) {
    ctx.out.stdout(`${JSON.stringify(check, null, 2)}\n`);
    return code;
  }
  const rows = [...listenerRows(t('cli.baseline.new'), check.added), ...listenerRows(t('cli.baseline.gone'), check.gone)];
  ctx.out.stdout(
    `${t('cli.baseline.check', { id: String(check.baseline.id), createdAt: tableDateTime(Date.parse(check.baseline.createdAt)), known: check.baseline.count, added: check.added.length, gone: check.gone.length })}\n`,
  );
  const columns = [
    { header: t('cli.baseline.column.change') },
    { header: t('cli.history.column.proto') },
    { header: t('cli.history.column.address') },
    { header: t('cli.baseline.column.port'), align: 'right' as const },
    { header: t('cli.history.column.owner'), max: 40 },
    { header: 'PID', align: 'right' as const },
    { header: t('cli.baseline.column.exposure') },
  ];
  if (rows.length) ctx.out.stdout(`${renderTable(columns, rows)}\n`);
  return code;
}

addCommandRegistrar((program: Command, ctx: CommandContext) => {
  const baseline = program.command('baseline').description(t('cli.baseline.description'));
  baseline
    .command('save')
    .description(t('cli.baseline.saveDescription'))
    .option('--label <text>', t('cli.baseline.label'))
    .option('--json', t('cli.baseline.saveJson'))
    .option(DATA_DIR_FLAG, dataDirHelp(), parseDataDir)
    .action(async (flags: BaselineFlags) => {
      ctx.exit.code = await baselineSave(flags, ctx);
    });
  baseline
    .command('check')
    .description(t('cli.baseline.checkDescription'))
    .option('--json', t('cli.baseline.checkJson'))
    .option(DATA_DIR_FLAG, dataDirHelp(), parseDataDir)
    .action(async (flags: BaselineFlags) => {
      ctx.exit.code = await baselineCheck(flags, ctx);
    });
});
