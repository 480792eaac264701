import { Option, type Command } from 'commander';
import type { HistoryEvent, HistoryQueryResult } from '../../../shared/contract/history';
import { ContractError } from '../../../shared/contract/errors';
import type { Snapshot } from '../../../shared/contract/sockets';
import { bootTime, historyHandlers } from '../../engine/history/handlers';
import { defaultDataDir } from '../../engine/history/paths';
import { HistoryUnavailableError } from '../../engine/history/store';
import { parseSince } from '../../engine/history/since';
import { EXIT_NOTHING, EXIT_OK, UsageError } from '../errors';
import { parsePid, parsePort } from '../options';
import type { Output } from '../output';
import { addCommandRegistrar, type CommandContext } from '../registry';
import { renderTable, terminalSafe } from '../table';
import { DATA_DIR_FLAG, DATA_DIR_HELP, parseDataDir } from './historyOptions';

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
  if (ms === null) throw new UsageError(`--${name} must be a span (30m, 2h, 7d), today, yesterday, boot or an ISO time like 2026-12-01T22:00, not '${value}'`);
  return new Date(ms).toISOString();
}

function localTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

const hostPort = (address: string, port: number, family: number) => `${family === 6 ? `[${address}]` : address}:${port === 0 ? '*' : port}`;

export function addressLabel(e: HistoryEvent): string {
  const local = hostPort(e.localAddress, e.localPort, e.family);
  return e.listener ? local : `${local} -> ${hostPort(e.remoteAddress, e.remotePort, e.family)}`;
}

export function ownerText(o: HistoryEvent['owner']): string {
  if (o.pid === null) return `(${o.status})`;
  return `${o.name ?? '?'} (pid ${o.pid}${o.user ? `, ${o.user}` : ''})`;
}

function eventLabel(e: HistoryEvent): string {
  const base = e.kind === 'changed' && e.previous ? `changed` : e.kind;
  return e.count > 1 ? `${base} ×${e.count}` : base;
}

function noteLabel(e: HistoryEvent): string {
  const parts: string[] = [];
  if (e.kind === 'changed' && e.previous) {
    if (e.previous.state !== e.state) parts.push(`${e.previous.state} -> ${e.state}`);
    if (e.previous.pid !== e.owner.pid) parts.push(`owner was ${e.previous.processName ?? '?'} (pid ${e.previous.pid ?? '?'})`);
  }
  if (e.note === 'present-at-start') parts.push('already open when recording began');
  if (e.note === 'while-not-recording') parts.push('closed while nothing recorded');
  if (e.count > 1 && e.lastAt.slice(0, 19) !== e.at.slice(0, 19)) parts.push(`until ${localTime(e.lastAt).slice(11)}`);
  if (e.listener && e.kind !== 'closed' && e.stillOpen !== null) parts.push(e.stillOpen ? 'still open' : 'gone now');
  return parts.join('; ');
}

export function historyTable(events: readonly HistoryEvent[]): string {
  return renderTable(
    [{ header: 'TIME' }, { header: 'EVENT' }, { header: 'PROTO' }, { header: 'ADDRESS', max: 60 }, { header: 'OWNER', max: 48 }, { header: 'NOTE' }],
    events.map((e) => [localTime(e.at), eventLabel(e), e.protocol, addressLabel(e), ownerText(e.owner), noteLabel(e)]),
  );
}

/** "Is it still there?" for a --port query: what listens on that port now, from the live table. */
function nowLine(port: number, snapshot: Snapshot): string {
  const live = snapshot.rows.filter((r) => r.localPort === port && (r.state === 'LISTEN' || (r.protocol === 'udp' && r.remotePort === 0)));
  if (live.length === 0) return `Now: nothing listens on port ${port}.`;
  return `Now: ${live.map((r) => `${r.protocol.toUpperCase()} ${hostPort(r.localAddress, r.localPort, r.family)} held by ${r.pid ? `${r.processName ?? '?'} (pid ${r.pid})` : `(${r.ownerStatus})`}`).join(', ')}.`;
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
      out.stderr(`portscope: ${err.message}\n`);
      return EXIT_NOTHING;
    }
    throw err;
  }
  if (flags.json) {
    out.stdout(`${JSON.stringify(result.events, null, 2)}\n`);
    return result.events.length ? EXIT_OK : EXIT_NOTHING;
  }
  if (result.events.length === 0) out.stdout(`No recorded events since ${localTime(since!)}${flags.port !== undefined ? ` on port ${flags.port}` : ''}.\n`);
  else out.stdout(`${historyTable(result.events)}\n`);
  if (result.truncated) out.stdout(`(only the newest ${result.events.length} events; narrow --since or raise --limit)\n`);
  if (result.summaries.length) {
    const opened = result.summaries.reduce((n, s) => n + s.opened, 0);
    const closed = result.summaries.reduce((n, s) => n + s.closed, 0);
    out.stdout(`Older history compacted into ${result.summaries.length} hourly summaries from ${localTime(result.summaries[0]!.hour)}: ${opened} opened, ${closed} closed.\n`);
  }
  if (flags.port !== undefined) out.stdout(`${terminalSafe(nowLine(flags.port, await engine.monitor.snapshot()))}\n`);
  return result.events.length || result.summaries.length ? EXIT_OK : EXIT_NOTHING;
}

addCommandRegistrar((program: Command, ctx: CommandContext) => {
  program
    .command('history')
    .description('what opened, closed or changed, from the recorded history (across restarts): one event per row')
    .option('--since <when>', 'from: 30m, 2h, 7d, today, yesterday, boot or an ISO time (default 24h)')
    .option('--until <when>', 'up to (same forms as --since)')
    .option('-p, --port <port>', 'local or remote port', (v) => parsePort(v))
    .option('--process <name>', 'process name or executable contains this text')
    .option('--pid <pid>', 'owned by this pid', (v) => parsePid(v))
    .option('--listeners', 'listener events only (no connections)')
    .addOption(new Option('--limit <n>', 'at most this many events (the newest)').argParser((v) => {
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 100_000) throw new UsageError(`--limit must be a whole number from 1 to 100000, not '${v}'`);
      return Number(v);
    }))
    .option('--json', 'print a JSON array of event objects')
    .option('--traffic', 'per-process TCP traffic per minute instead of events (default --since 1h)')
    .option(DATA_DIR_FLAG, DATA_DIR_HELP, parseDataDir)
    .action(async (flags: HistoryFlags) => {
      ctx.exit.code = await historyCommand(flags, ctx);
    });
});
