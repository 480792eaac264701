import type { Capabilities } from '../../../../shared/contract/calls';
import type { ProcessInfo } from '../../../../shared/contract/sockets';
import type { CaptureParse, CapturedProcess, CapturedSocket } from '../../capture/types';
import { localizedMessage, unkeyed, type EngineMessage } from '../../localizedText';
import { darwinCapabilities } from '../capabilities';
import { couldNotRun, ranWith, toolFailed, type ToolFailure } from '../toolFailure';
import type { CommandRunner, PlatformAdapter, RawSocket } from '../types';
import { parseLsofFields, parseLsofText } from './lsof';
import { parseDarwinNetstat } from './netstat';
import { mergePs, parsePs, PS_COMMAND_ARGS, PS_DETAILS_ARGS, PS_ENV } from './ps';

export interface DarwinAdapterOptions {
  run: CommandRunner;
  /** Whether this process runs as root (default: its uid is 0). */
  elevated?: boolean;
}

const LSOF_ARGS = ['-nP', '-iTCP', '-iUDP', '-F', 'pcuLRftPnT'] as const;

/**
 * `-b` adds the kernel's per-socket rxbytes/txbytes columns after (state) on releases where -v
 * alone leaves them out (10.14 to 14: network_cmds prints them `if (bflag > 0)`); from 15 on
 * -v prints them already (`bflag > 0 || vflag > 0`), once. They count UDP sockets too.
 */
export const NETSTAT_ARGS = { tcp: ['-anvb', '-p', 'tcp'], udp: ['-anvb', '-p', 'udp'] } as const;

/** Where the last socket read's byte counters came from. */
export type DarwinTraffic = 'netstat' | 'no-columns' | 'lsof';

type Run = Awaited<ReturnType<CommandRunner>>;

async function attempt(run: CommandRunner, command: string, args: readonly string[], env?: Record<string, string>): Promise<Run | ToolFailure> {
  try {
    const r = await run(command, args, { timeoutMs: 15_000, ...(env ? { env } : {}) });
    return r.code === 0 ? r : ranWith(command, r.code, r.stderr);
  } catch (err) {
    return couldNotRun(command, err);
  }
}

function failed(r: Run | ToolFailure): r is ToolFailure {
  return 'how' in r;
}

/**
 * macOS, through the command runner: `netstat -anv` names every socket's owner pid without root
 * (read by its header, whatever the release's column layout); `lsof` is the fallback, and sees
 * only this user's processes without root. Process details come from two `ps` runs in the C
 * locale, taken with each socket read so that readProcess can answer at once.
 */
export function createDarwinAdapter(options: DarwinAdapterOptions): PlatformAdapter {
  const run = options.run;
  const elevated = options.elevated ?? process.getuid?.() === 0;
  let processes = new Map<number, CapturedProcess>();
  /** Names the socket table gave (netstat -anv on 26, lsof), for owners ps did not list. */
  let namesFromSockets = new Map<number, string | null>();
  /** Set when ps could not run: then a pid the socket table named is all there is to know. */
  let psFailed = false;
  let usedLsof = false;
  let traffic: DarwinTraffic = 'netstat';

  async function readProcessTable(warnings: EngineMessage[]): Promise<void> {
    const [details, commands] = await Promise.all([attempt(run, 'ps', PS_DETAILS_ARGS, PS_ENV), attempt(run, 'ps', PS_COMMAND_ARGS, PS_ENV)]);
    psFailed = failed(details);
    if (failed(details)) {
      warnings.push(toolFailed('processDetails', details));
      processes = new Map();
      return;
    }
    const merged = mergePs(parsePs(details.stdout).processes ?? [], failed(commands) ? [] : (parsePs(commands.stdout).processes ?? []));
    processes = new Map(merged.map((p) => [p.pid, p]));
  }

  async function readSocketTable(warnings: EngineMessage[]): Promise<CaptureParse> {
    const [tcp, udp] = await Promise.all([attempt(run, 'netstat', NETSTAT_ARGS.tcp), attempt(run, 'netstat', NETSTAT_ARGS.udp)]);
    if (!failed(tcp) && !failed(udp)) {
      const a = parseDarwinNetstat(tcp.stdout);
      const b = parseDarwinNetstat(udp.stdout);
      const sockets = [...a.sockets, ...b.sockets];
      // netstat before -v learnt pids (or one that would not print them) leaves owners to lsof.
      if (sockets.length === 0 || sockets.some((s) => s.pid !== null)) {
        usedLsof = false;
        return { sockets, warnings: [...a.warnings, ...b.warnings] };
      }
    } else {
      warnings.push(toolFailed('none', failed(tcp) ? tcp : (udp as ToolFailure)));
    }
    const lsof = await attempt(run, 'lsof', LSOF_ARGS);
    if (failed(lsof)) {
      warnings.push(toolFailed('socketTable', lsof));
      return { sockets: [], warnings: [] };
    }
    usedLsof = true;
    if (!elevated) warnings.push(localizedMessage('platform.darwin.lsofOwnOnly'));
    // -F output starts with a `p<pid>` line; an lsof that printed its table instead is read too.
    return /^p\d+$/m.test(lsof.stdout.split('\n', 1)[0] ?? '') ? parseLsofFields(lsof.stdout) : parseLsofText(lsof.stdout);
  }

  function toRaw(s: CapturedSocket): RawSocket {
    const pid = s.pid !== null && s.pid > 0 ? s.pid : null;
    if (pid !== null && (s.processName || !namesFromSockets.has(pid))) namesFromSockets.set(pid, s.processName);
    // The kernel's counts for this socket, TCP and UDP alike; macOS gives no RTT in netstat.
    const counted = s.rxBytes !== undefined && s.txBytes !== undefined;
    return {
      traffic: counted ? { bytesSent: s.txBytes!, bytesReceived: s.rxBytes!, rttMs: null, tcpInfo: null } : null,
      ...(counted ? {} : { trafficUnavailable: usedLsof ? 'not-collected' : 'not-supported' }),
      protocol: s.protocol,
      family: s.family,
      localAddress: s.localAddress,
      localPort: s.localPort,
      remoteAddress: s.remoteAddress,
      remotePort: s.remotePort,
      state: s.state,
      uid: s.uid ?? null,
      inode: 0,
      scopeId: s.scopeId,
      dualStack: s.dualStack ?? null,
      owner: pid !== null ? { pid } : { pid: null, status: s.state === 'TIME_WAIT' ? 'time-wait' : usedLsof && !elevated ? 'permission-denied' : 'not-found' },
    };
  }

  async function readSockets(): Promise<{ sockets: RawSocket[]; warnings: EngineMessage[] }> {
    const warnings: EngineMessage[] = [];
    const [table] = await Promise.all([readSocketTable(warnings), readProcessTable(warnings)]);
    warnings.push(...table.warnings.map(unkeyed));
    namesFromSockets = new Map();
    const sockets = table.sockets.map(toRaw);
    traffic = usedLsof ? 'lsof' : sockets.length > 0 && sockets.every((x) => x.traffic === null) ? 'no-columns' : 'netstat';
    return { sockets, warnings };
  }

  function listPids(): Set<number> {
    const pids = new Set(processes.keys());
    if (psFailed) for (const pid of namesFromSockets.keys()) pids.add(pid);
    return pids;
  }

  function readProcess(pid: number): ProcessInfo | null {
    const p = processes.get(pid);
    const fromSockets = namesFromSockets.get(pid);
    // Not in ps: it exited, unless ps itself failed, when the socket table's pid still holds.
    if (!p && !fromSockets && !(psFailed && namesFromSockets.has(pid))) return null;
    const unavailable: ProcessInfo['unavailable'] = [];
    if (!p) {
      const reason = psFailed ? 'ps could not run' : 'not listed by ps';
      if (!fromSockets) unavailable.push({ field: 'name', reason });
      for (const field of ['exe', 'commandLine', 'user', 'startTime']) unavailable.push({ field, reason });
    } else if (!p.commandLine && !elevated) {
      unavailable.push({ field: 'commandLine', reason: 'permission denied' });
    }
    const exe = p?.exe && p.exe.startsWith('/') ? p.exe : null;
    return {
      pid,
      ppid: p?.ppid ?? null,
      name: p?.name ?? fromSockets ?? `pid ${pid}`,
      exe,
      args: [],
      commandLine: p?.commandLine ?? '',
      uid: p?.uid ?? null,
      user: p?.user ?? null,
      startTime: p?.startTime ?? null,
      unit: null,
      container: null,
      unavailable,
    };
  }

  function capabilities(): Capabilities {
    return darwinCapabilities(elevated, traffic);
  }

  return { name: 'darwin', trafficUnavailable: 'not-supported', capabilities, readSockets, listPids, readProcess };
}
