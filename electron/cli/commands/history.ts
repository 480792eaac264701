import { Option, type Command } from 'commander';
import type { HistoryEvent, HistoryQueryResult } from '../../../shared/contract/history';
import { ContractError } from '../../../shared/contract/errors';
import type { Snapshot, SocketRow } from '../../../shared/contract/sockets';
import { ownerWord } from '../../../shared/i18n/socketWords';
import { bootTime, historyHandlers } from '../../engine/history/handlers';
import { defaultDataDir } from '../../engine/history/paths';
import { HistoryUnavailableError } from '../../engine/history/store';
import { parseSince } from '../../engine/history/since';
import { EXIT_NOTHING, EXIT_OK, UsageError } from '../errors';
import { parsePid, parsePort } from '../options';
import type { Output } from '../output';
import { addCommandRegistrar, type CommandContext } from '../registry';
import { renderTable, terminalSafe } from '../table';
import { DATA_DIR_FLAG, dataDirHelp, parseDataDir } from './historyOptions';
import { t, tEngine } from '../i18n';
import { tableDateTime, tableTime } from '../timeFormat';

interface HistoryFlags {
  since?: string;
  until?: string;
  port?: number;
  process?: string;
  pid?: number;
  json?: boolean;
  listeners?: boolean;
  limit?: number;
  dataDir?: string;
  traffic?: boolean;
}

function timeFlag(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ms = parseSince(value, Date.now(), bootTime());
  if (ms === null) throw new UsageError(t('cli.history.error.when', { flag: `--${name}`, value }));
  return new Date(ms).toISOString();
}

function localTime(iso: string): string {
  return tableDateTime(Date.parse(iso));
}

const hostPort = (address: string, port: number, family: number) => `${family === 6 ? `[${address}]` : address}:${port === 0 ? '*' : port}`;

export function addressLabel(e: HistoryEvent): string {
  const local = hostPort(e.localAddress, e.localPort, e.family);
  return e.listener ? local : `${local} -> ${hostPort(e.remoteAddress, e.remotePort, e.family)}`;
}

/** No pid: the owner status in words, as `list` says it ("- (unknown)"). */
function ownerless(status: string): string {
  return ownerWord(t, { pid: null, processName: null, pids: [], ownerStatus: status as SocketRow['ownerStatus'] });
}

export function ownerText(o: HistoryEvent['owner']): string {
  if (o.pid === null) return ownerless(o.status);
  const name = o.name ?? '?';
  return o.user ? t('cli.history.ownerUser', { name, pid: String(o.pid), user: o.user }) : t('cli.who.process', { name, pid: String(o.pid) });
}

function eventLabel(e: HistoryEvent): string {
  const base = t('cli.history.event', { kind: e.kind });
  return e.count > 1 ? `${base} ×${e.count}` : base;
}

function noteLabel(e: HistoryEvent): string {
  const parts: string[] = [];
  if (e.kind === 'changed' && e.previous) {
    if (e.previous.state !== e.state) parts.push(`${e.previous.state} -> ${e.state}`);
    if (e.previous.pid !== e.owner.pid) parts.push(t('cli.history.ownerWas', { name: e.previous.processName ?? '?', pid: String(e.previous.pid ?? '?') }));
  }
  if (e.note === 'present-at-start') parts.push(t('cli.history.presentAtStart'));
  if (e.note === 'while-not-recording') parts.push(t('cli.history.whileNotRecording'));
  if (e.count > 1 && e.lastAt.slice(0, 19) !== e.at.slice(0, 19)) parts.push(t('cli.history.until', { time: tableTime(Date.parse(e.lastAt)) }));
  if (e.listener && e.kind !== 'closed' && e.stillOpen !== null) parts.push(e.stillOpen ? t('cli.history.stillOpen') : t('cli.history.goneNow'));
  return parts.join('; ');
}

export function historyTable(events: readonly HistoryEvent[]): string {
  return renderTable(
    [
      { header: t('cli.history.column.time') },
      { header: t('cli.history.column.event') },
      { header: t('cli.history.column.proto') },
      { header: t('cli.history.column.address'), max: 60 },
      { header: t('cli.history.column.owner'), max: 48 },
      { header: t('cli.history.column.note') },
    ],
    events.map((e) => [localTime(e.at), eventLabel(e), e.protocol, addressLabel(e), ownerText(e.owner), noteLabel(e)]),
  );
}

/** "Is it still there?" for a --port query: what listens on that port now, from the live table. */
function nowLine(port: number, snapshot: Snapshot): string {
  const live = snapshot.rows.filter((r) => r.localPort === port && (r.state === 'LISTEN' || (r.protocol === 'udp' && r.remotePort === 0)));
  if (live.length === 0) return t('cli.history.nowNothing', { port: String(port) });
  const held = live.map((r) =>
    t('cli.history.heldBy', { socket: `${r.protocol.toUpperCase()} ${hostPort(r.localAddress, r.localPort, r.family)}`, owner: r.pid ? t('cli.who.process', { name: r.processName ?? '?', pid: String(r.pid) }) : ownerless(r.ownerStatus) }),
  );
  return t('cli.history.now', { list: held.join(', ') });
}

export async function historyCommand(flags: HistoryFlags, ctx: CommandContext): Promise<number> {
  const out: Output = ctx.out;
  const dataDir = flags.dataDir ?? defaultDataDir();
  const engine = ctx.getEngine();
  const handlers = historyHandlers({ dataDir, snapshot: () => engine.monitor.snapshot(), recorder: () => null });
  const since = timeFlag('since', flags.since ?? (flags.traffic ? '1h' : '24h'));
  const until = timeFlag('until', flags.until);
  let result: HistoryQueryResult;
  try {
    if (flags.traffic) {
      const { historyTrafficCommand } = await import('./historyTraffic');
      return historyTrafficCommand({ dataDir, since: since!, until, pid: flags.pid, process: flags.process, limit: flags.limit, json: flags.json }, out);
    }
    result = await handlers['history.query']({ since, until, port: flags.port, process: flags.process, pid: flags.pid, listenersOnly: flags.listeners, limit: flags.limit });
  } catch (err) {
    if ((err instanceof ContractError && err.code === 'not-found') || err instanceof HistoryUnavailableError) {
      const text = err instanceof ContractError ? tEngine(err.messageKey, err.values, err.message) : tEngine(err.messageKey, { dir: err.dataDir }, err.message);
      out.stderr(`portscope: ${text}\n`);
      return EXIT_NOTHING;
    }
    throw err;
  }
  if (flags.json) {
    out.stdout(`${JSON.stringify(result.events, null, 2)}\n`);
    return result.events.length ? EXIT_OK : EXIT_NOTHING;
  }
  if (result.events.length === 0) {
    out.stdout(
      `${flags.port !== undefined ? t('cli.history.noneOnPort', { since: localTime(since!), port: String(flags.port) }) : t('cli.history.none', { since: localTime(since!) })}\n`,
    );
  } else out.stdout(`${historyTable(result.events)}\n`);
  if (result.truncated) out.stdout(`${t('cli.history.truncated', { count: result.events.length })}\n`);
  if (result.summaries.length) {
    const opened = result.summaries.reduce((n, s) => n + s.opened, 0);
    const closed = result.summaries.reduce((n, s) => n + s.closed, 0);
    out.stdout(`${t('cli.history.compacted', { count: result.summaries.length, from: localTime(result.summaries[0]!.hour), opened, closed })}\n`);
  }
  if (flags.port !== undefined) out.stdout(`${terminalSafe(nowLine(flags.port, await engine.monitor.snapshot()))}\n`);
  return result.events.length || result.summaries.length ? EXIT_OK : EXIT_NOTHING;
}

addCommandRegistrar((program: Command, ctx: CommandContext) => {
  program
    .command('history')
    .description(t('cli.history.description'))
    .option('--since <when>', t('cli.history.since'))
    .option('--until <when>', t('cli.history.untilOption'))
    .option('-p, --port <port>', t('cli.history.port'), (v) => parsePort(v))
    .option('--process <name>', t('cli.history.process'))
    .option('--pid <pid>', t('cli.history.pid'), (v) => parsePid(v))
    .option('--listeners', t('cli.history.listeners'))
    .addOption(new Option('--limit <n>', t('cli.history.limit')).argParser((v) => {
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 100_000) throw new UsageError(t('cli.error.wholeRange', { flag: '--limit', min: '1', max: '100000', value: v }));
      return Number(v);
    }))
    .option('--json', t('cli.history.json'))
    .option('--traffic', t('cli.history.traffic'))
    .option(DATA_DIR_FLAG, dataDirHelp(), parseDataDir)
    .action(async (flags: HistoryFlags) => {
      ctx.exit.code = await historyCommand(flags, ctx);
    });
});
