import type { Engine } from '../../engine/service';
import { capabilityNotes } from '../capabilityNotes';
import { EXIT_OK } from '../errors';
import { filterRows, sortRows, type RowFilter } from '../filters';
import { socketTable } from '../table';
import type { SafeOutput } from '../output';
import { summarizeTraffic } from '../../engine/sockets/traffic';
import { trafficTotals } from '../trafficFormat';
import { t, tEngine } from '../i18n';
import { warningTextsOf } from '../../../shared/contract/localized';
import { resolveRows } from '../resolveNames';

export interface ListOptions extends RowFilter {
  json?: boolean;
  /** With --json: an object `{ rows, traffic }` instead of the bare array of rows. */
  totals?: boolean;
  /** Names for addresses (this machine's interfaces, the hosts file, reverse DNS for remote ends). */
  resolve?: boolean;
}

export async function listCommand(engine: Engine, options: ListOptions, out: SafeOutput): Promise<number> {
  const snapshot = await engine.handlers['sockets.snapshot']({});
  const rows = sortRows(filterRows(snapshot.rows, options));
  // Notes go to stderr in every mode, so --json output stays parseable.
  for (const w of warningTextsOf(snapshot)) out.stderr(`${t('cli.note', { note: tEngine(w.messageKey, w.values, w.message) })}\n`);
  for (const n of capabilityNotes(engine.adapter.capabilities(), rows, snapshot.processes)) out.stderr(`${t('cli.note', { note: n })}\n`);
  const names = options.resolve ? await resolveRows(engine, rows, (n) => out.stderr(`${t('cli.note', { note: n })}\n`)) : null;
  if (options.json) {
    const printed = names ? rows.map((r) => names.withNames(r)) : rows;
    out.json(options.totals ? { rows: printed, traffic: summarizeTraffic(rows) } : printed);
    return EXIT_OK;
  }
  if (rows.length === 0) {
    out.stdout(`${options.all || options.states?.length ? t('cli.list.noneMatch') : t('cli.list.noListenerMatches')}\n`);
  } else {
    const withRemote = Boolean(options.all || options.states?.some((s) => s !== 'LISTEN' && s !== 'UNCONN'));
    out.stdout(`${socketTable(rows, withRemote, out.columns, undefined, names?.column(withRemote))}\n`);
    const owned = rows.filter((r) => r.pid !== null).length;
    out.stdout(`\n${t('cli.list.count', { count: rows.length, owned })}\n`);
    // Connections are what moves bytes: their totals come with every listing that shows them.
    if (options.all || options.totals) out.stdout(`\n${trafficTotals(summarizeTraffic(rows), false)}\n`);
  }
  return EXIT_OK;
}
