import type { ProcessInfo, SocketRow } from '../../../shared/contract/sockets';
import type { Engine } from '../../engine/service';
import { capabilityNotes } from '../capabilityNotes';
import { EXIT_NOTHING, EXIT_OK } from '../errors';
import { isListener, sortRows } from '../filters';
import { exposureLabel, localLabel, ownerLabel, protoLabel, remoteLabel, terminalSafe } from '../table';
import type { SafeOutput } from '../output';
import { fmt, t, tEngine } from '../i18n';
import { resolveRows, type CliNames } from '../resolveNames';

export interface WhoOptions {
  tcp?: boolean;
  udp?: boolean;
  json?: boolean;
  /** Names for the sockets' addresses (see resolveNames.ts). */
  resolve?: boolean;
}

const WHO_FIELDS = [
  'cli.who.field.executable',
  'cli.who.field.command',
  'cli.who.field.user',
  'cli.who.field.started',
  'cli.who.field.parent',
  'cli.who.field.unit',
  'cli.who.field.container',
  'cli.who.field.unavailable',
] as const;

interface Owner {
  process: ProcessInfo | null;
  parent: { pid: number; name: string } | null;
  sockets: SocketRow[];
}

/** "Which program holds this port?": every process behind a local port, with all we know of it. */
export async function whoCommand(engine: Engine, port: number, options: WhoOptions, out: SafeOutput): Promise<number> {
  const snapshot = await engine.handlers['sockets.snapshot']({});
  const rows = sortRows(
    snapshot.rows.filter(
      (r) =>
        r.localPort === port &&
        !(options.tcp && !options.udp && r.protocol !== 'tcp') &&
        !(options.udp && !options.tcp && r.protocol !== 'udp'),
    ),
  );
  // Listeners first: they are what "holds" a port; connections from it follow.
  const listeners = rows.filter(isListener);
  const relevant = listeners.length > 0 ? [...listeners, ...rows.filter((r) => !isListener(r))] : rows;
  const byPid = new Map<number, Owner>();
  const ownerless: SocketRow[] = [];
  for (const r of relevant) {
    if (r.pids.length === 0) {
      ownerless.push(r);
      continue;
    }
    for (const pid of r.pids) {
      let owner = byPid.get(pid);
      if (!owner) {
        const info = (await engine.handlers['process.details']({ pid }))?.process ?? null;
        const parentInfo = info?.ppid ? engine.snapshotter.processInfo(info.ppid) : null;
        owner = { process: info, parent: parentInfo ? { pid: parentInfo.pid, name: parentInfo.name } : null, sockets: [] };
        byPid.set(pid, owner);
      }
      owner.sockets.push(r);
    }
  }
  const owners = [...byPid.values()];
  const names = options.resolve ? await resolveRows(engine, relevant, (n) => out.stderr(`note: ${n}\n`)) : null;
  if (options.json) {
    const named = (list: SocketRow[]) => (names ? list.map((s) => names.withNames(s)) : list);
    out.stdout(`${JSON.stringify({ port, owners: owners.map((o) => ({ ...o, sockets: named(o.sockets) })), ownerless: named(ownerless) }, null, 2)}\n`);
    return relevant.length > 0 ? EXIT_OK : EXIT_NOTHING;
  }
  if (relevant.length === 0) {
    out.stdout(`${t('cli.who.nothing', { port: `${port}${options.tcp && !options.udp ? '/tcp' : options.udp && !options.tcp ? '/udp' : ''}` })}\n`);
    return EXIT_NOTHING;
  }
  const blocks: string[] = [];
  // Labels line up in every language: as wide as the longest of them (at least 12, as always).
  const labelWidth = Math.max(12, ...WHO_FIELDS.map((k) => t(k).length));
  for (const o of owners) {
    const p = o.process;
    const lines: string[] = [];
    const field = (label: string, value: string | null | undefined) => lines.push(`  ${label.padEnd(labelWidth)} ${terminalSafe(value ?? '-')}`);
    lines.push(p ? terminalSafe(t('cli.who.process', { name: p.name, pid: String(p.pid) })) : t('cli.who.noDetails'));
    if (p) {
      field(t('cli.who.field.executable'), p.exe);
      field(t('cli.who.field.command'), p.commandLine);
      field(t('cli.who.field.user'), p.uid === null ? p.user : `${p.user ?? '?'} (uid ${p.uid})`);
      field(t('cli.who.field.started'), startedLabel(p.startTime));
      field(t('cli.who.field.parent'), o.parent ? t('cli.who.process', { name: o.parent.name, pid: String(o.parent.pid) }) : p.ppid ? t('cli.who.pid', { pid: String(p.ppid) }) : null);
      if (p.unit) field(t('cli.who.field.unit'), p.unit);
      if (p.container) field(t('cli.who.field.container'), p.container);
      for (const u of p.unavailable) field(t('cli.who.field.unavailable'), `${u.field}: ${u.reason}`);
    }
    lines.push(`  ${t('cli.who.sockets')}`);
    for (const s of o.sockets) lines.push(`    ${socketLine(s, names)}`);
    blocks.push(lines.join('\n'));
  }
  if (ownerless.length > 0) {
    blocks.push([t('cli.who.ownerless'), ...ownerless.map((s) => `    ${socketLine(s, names)}  ${ownerLabel(s)}`)].join('\n'));
  }
  const processes = owners.flatMap((o) => (o.process ? [o.process] : []));
  for (const note of capabilityNotes(engine.adapter.capabilities(), relevant, processes)) blocks.push(t('cli.who.note', { note }));
  out.stdout(`${blocks.join('\n\n')}\n`);
  return EXIT_OK;
}

/** The start time in the reader's date format and time zone (the JSON keeps the ISO string). */
function startedLabel(iso: string | null): string | null {
  if (iso === null) return null;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : fmt().dateTime(at);
}

function socketLine(s: SocketRow, names: CliNames | null = null): string {
  const name = names && !isListener(s) ? names.label(s.remoteAddress, s.scopeId, true) : '';
  const remote = isListener(s) ? '' : ` -> ${remoteLabel(s)}${name ? ` (${name})` : ''}`;
  const svc = s.service ? ` ${s.service}` : '';
  const risks = s.risks.length ? `  [${s.risks.map((r) => tEngine(r.messageKey, r.values, r.message)).join(' ')}]` : '';
  return terminalSafe(`${protoLabel(s).padEnd(5)} ${localLabel(s)}${remote}  ${s.state}${svc}  ${exposureLabel(s)}${risks}`);
}
