import type { SocketDelta, SocketRow } from '../../../shared/contract/sockets';
import type { Engine } from '../../engine/service';
import { EXIT_OK } from '../errors';
import { filterRows, sortRows, type RowFilter } from '../filters';
import { exposureLabel, localLabel, ownerLabel, protoLabel, remoteLabel, socketTable, terminalSafe } from '../table';
import { Control, type SafeOutput, type Styled } from '../output';
import { rowSignature } from '../../engine/monitor/diff';
import { formatRate, sortByTraffic, trafficColumns, type TrafficSort } from '../trafficFormat';
import { fmt, t, tEngine } from '../i18n';
import { CliNames } from '../resolveNames';

export interface WatchOptions extends RowFilter {
  intervalMs: number;
  /** Stop after this many refreshes (scripts and tests); runs until Ctrl-C otherwise. */
  count?: number;
  /** Print alerts (new exposed, risky or ownerless listeners; see engine/history/alerts.ts). */
  alert?: boolean;
  /** Append every change as JSON lines to this file. */
  log?: string;
  /** Where the baseline and alert settings are read from. */
  dataDir?: string;
  /** Row order: by port (default), or busiest first by rate or bytes, with traffic columns. */
  sort?: TrafficSort;
  /** Names for addresses, filled in as they arrive (the table never waits for DNS). */
  resolve?: boolean;
}

/** How many refreshes a new or closed row stays marked, so the eye can catch it. */
const MARK_TICKS = 3;


interface Mark {
  kind: '+' | '-' | '~';
  until: number;
  row: SocketRow;
}

/**
 * A live table: on a terminal it redraws in place, new rows green (+), closed rows red (-) for a
 * few refreshes, changed rows yellow (~). Piped, it prints one line per change instead.
 */
export async function watchCommand(engine: Engine, options: WatchOptions, out: SafeOutput): Promise<number> {
  await engine.handlers['monitor.configure']({ intervalMs: options.intervalMs });
  const first = await engine.handlers['sockets.snapshot']({});
  const rows = new Map(first.rows.map((r) => [r.id, r]));
  const marks = new Map<string, Mark>();
  let tick = 0;
  /** Rows of the last delta whose state or owner changed (counter moves alone are no change to mark). */
  let changedCount = 0;
  const tty = out.isTTY;
  const alertLines: string[] = [];
  let stopRecorder = () => {};
  if (options.alert || options.log) {
    // Loaded only when asked for: the history modules are not part of a plain watch.
    const { HistoryRecorder } = await import('../../engine/history/recorder');
    const { defaultDataDir } = await import('../../engine/history/paths');
    const recorder = new HistoryRecorder(engine, {
      dataDir: options.dataDir ?? defaultDataDir(),
      recorder: 'watch',
      database: false,
      logFile: options.log,
      onAlert: (a) => {
        if (!options.alert) return;
        const line = terminalSafe(`${a.at.slice(11, 19)} ! ${t('cli.watch.alertLine', { severity: t('alert.severity', { severity: a.severity }), message: tEngine(a.messageKey, a.values, a.message) })}`);
        if (tty) {
          alertLines.push(line);
          if (alertLines.length > 5) alertLines.shift();
        } else out.stdout(`${line}\n`);
      },
      onError: (m) => out.stderr(`portscope: ${terminalSafe(tEngine(m.messageKey, m.values, m.message))}\n`),
    });
    await recorder.start();
    stopRecorder = () => recorder.stop();
  }

  let names: CliNames | null = null;
  let lastDelta: SocketDelta | undefined;
  const redraw = (delta?: SocketDelta) => {
    const byPort = sortRows(filterRows([...rows.values(), ...[...marks.values()].filter((m) => m.kind === '-').map((m) => m.row)], options));
    const byTraffic = options.sort && options.sort !== 'port' ? options.sort : null;
    const visible = byTraffic ? sortByTraffic(byPort, byTraffic) : byPort;
    const withRemote = Boolean(options.all || options.states?.length);
    const table = socketTable(visible, withRemote, out.columns, byTraffic ? trafficColumns : undefined, names?.column(withRemote)).split('\n');
    const lines = table.map((line, i): Styled[] => {
      // The heading is indented like the rows, past their two-character mark column.
      if (i === 0) return [`  ${line}`];
      const mark = marks.get(visible[i - 1]!.id);
      if (!mark) return [`  ${line}`];
      const color = mark.kind === '+' ? Control.green : mark.kind === '-' ? Control.red : Control.yellow;
      return [color, `${mark.kind} ${line}`, Control.reset];
    });
    const parts = [
      t('cli.watch.status', { time: fmt().time(Date.now()), shown: visible.length, total: rows.size }),
      ...(delta ? [t('cli.watch.changes', { added: `+${delta.added.length}`, removed: `-${delta.removed.length}`, changed: `~${changedCount}`, ms: fmt().number(delta.durationMs, 1) })] : []),
    ];
    const traffic = delta?.traffic ? t('cli.watch.traffic', { out: formatRate(delta.traffic.machine.sendRate), in: formatRate(delta.traffic.machine.receiveRate) }) : null;
    const status = [parts.join(', '), ...(traffic ? [traffic] : []), t('cli.watch.quit')].join(' — ');
    const height = process.stdout.rows || 50;
    const alertBlock: Styled[] = alertLines.length ? [Control.red, alertLines.join('\n'), Control.reset, '\n'] : [];
    out.styled(
      'stdout',
      Control.home,
      `${status}\n`,
      ...alertBlock,
      '\n',
      ...lines.slice(0, Math.max(3, height - 3 - alertLines.length)).flatMap((l) => [...l, '\n']),
    );
  };

  // Piped, a line carries the name known when it is printed.
  const nameOf = (r: SocketRow) => (names ? names.label(r.remoteAddress, r.scopeId, true) : '');
  const describe = (r: SocketRow) =>
    terminalSafe(`${protoLabel(r)} ${localLabel(r)}${r.state === 'LISTEN' || r.state === 'UNCONN' ? '' : ` -> ${remoteLabel(r)}${nameOf(r) ? ` (${nameOf(r)})` : ''}`} ${r.state} ${exposureLabel(r)} ${ownerLabel(r)}`);

  if (options.resolve) {
    // Names that arrive redraw the table; they are never waited for.
    names = new CliNames(engine, () => {
      if (tty) redraw(lastDelta);
    });
    await names.askRows(first.rows);
  }

  if (tty) redraw();
  else out.stdout(`${t('cli.watch.piped', { count: filterRows(first.rows, options).length, ms: String(options.intervalMs) })}\n`);

  return new Promise<number>((resolve) => {
    let unsubscribe = () => {};
    // The monitor's timer does not hold the process open on its own; a watch must.
    const keepAlive = setInterval(() => {}, 1 << 30);
    // Piped lines wait (a moment) for the names of their rows; the last of them are printed before the end.
    let printing = Promise.resolve();
    const finish = () => {
      clearInterval(keepAlive);
      unsubscribe();
      stopRecorder();
      names?.dispose();
      process.off('SIGINT', finish);
      process.off('SIGTERM', finish);
      void printing.then(() => {
        if (tty) out.stdout('\n');
        resolve(EXIT_OK);
      });
    };
    process.once('SIGINT', finish);
    process.once('SIGTERM', finish);
    unsubscribe = engine.on('sockets.delta', (delta) => {
      tick++;
      lastDelta = delta;
      for (const [id, m] of marks) if (m.until <= tick) marks.delete(id);
      for (const id of delta.removed) {
        const row = rows.get(id);
        rows.delete(id);
        if (row) marks.set(id, { kind: '-', until: tick + MARK_TICKS, row });
      }
      for (const r of delta.added) {
        rows.set(r.id, r);
        marks.set(r.id, { kind: '+', until: tick + MARK_TICKS, row: r });
      }
      const really: SocketRow[] = [];
      for (const r of delta.changed) {
        const before = rows.get(r.id);
        rows.set(r.id, r);
        if (before && rowSignature(before) === rowSignature(r)) {
          // Only the counters moved: the row shows the new figures, keeping whatever mark it has.
          const mark = marks.get(r.id);
          if (mark) mark.row = r;
          continue;
        }
        really.push(r);
        marks.set(r.id, { kind: '~', until: tick + MARK_TICKS, row: r });
      }
      changedCount = really.length;
      if (tty) {
        redraw(delta);
        void names?.askRows(delta.added);
      } else {
        const print = () => {
          const keep = (r: SocketRow) => filterRows([r], options).length > 0;
          const stamp = delta.takenAt.slice(11, 19);
          for (const id of delta.removed) {
            const m = marks.get(id);
            if (m && keep(m.row)) out.stdout(`${stamp} - ${describe(m.row)}\n`);
          }
          for (const r of delta.added) if (keep(r)) out.stdout(`${stamp} + ${describe(r)}\n`);
          for (const r of really) if (keep(r)) out.stdout(`${stamp} ~ ${describe(r)}\n`);
        };
        const ask = names;
        if (ask) printing = printing.then(() => ask.askRows(delta.added)).catch(() => {}).then(print);
        else print();
      }
      if (options.count !== undefined && tick >= options.count) finish();
    });
  });
}
