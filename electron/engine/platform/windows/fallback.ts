import type { Capabilities } from '../../../../shared/contract/calls';
import type { ProcessInfo } from '../../../../shared/contract/sockets';
import type { CapturedProcess } from '../../capture/types';
import { localizedMessage, unkeyed, type EngineMessage } from '../../localizedText';
import { windowsCapabilities } from '../capabilities';
import { couldNotRun, ranWith, toolFailed, type ToolFailure } from '../toolFailure';
import type { CommandRunner, PlatformAdapter, RawSocket } from '../types';
import { decodeCapture } from './decode';
import { parseWindowsNetstat } from './netstat';
import { SYSTEM_EXPLAINED, SYSTEM_PID } from './processes';
import { parseTasklist } from './tasklist';

type Answer = { text: string } | { error: ToolFailure };

/** Runs a console tool and decodes what it wrote, whatever the code page (cp850, cp866, GBK, UTF-16). */
async function runConsoleTool(run: CommandRunner, command: string, args: readonly string[]): Promise<Answer> {
  try {
    const r = await run(command, args, { timeoutMs: 20_000, encoding: 'latin1' });
    if (r.code !== 0) return { error: ranWith(command, r.code, '') };
    return { text: decodeCapture(Buffer.from(r.stdout, 'latin1')).text };
  } catch (err) {
    return { error: couldNotRun(command, err) };
  }
}

/**
 * Windows without the IP Helper API (koffi could not load): `netstat -ano` for the sockets and
 * their owner pids, `tasklist /fo csv /nh` for the names, read by captures' parsers in any
 * display language and console encoding. Slower, and it knows names only.
 */
export function createWindowsFallbackAdapter(options: { run: CommandRunner; why: string }): PlatformAdapter {
  const { run } = options;
  let processes = new Map<number, CapturedProcess>();
  let tasklistFailed = false;
  let reported = new Set<number>();

  async function readSockets(): Promise<{ sockets: RawSocket[]; warnings: EngineMessage[] }> {
    const warnings: EngineMessage[] = [localizedMessage('platform.windows.fallback', { reason: options.why })];
    const [netstat, tasklist] = await Promise.all([runConsoleTool(run, 'netstat', ['-ano']), runConsoleTool(run, 'tasklist', ['/fo', 'csv', '/nh'])]);
    const listed = 'error' in tasklist ? [] : (parseTasklist(tasklist.text).processes ?? []);
    tasklistFailed = listed.length === 0;
    processes = new Map(listed.map((p) => [p.pid, p]));
    if (tasklistFailed) warnings.push(toolFailed('processNames', 'error' in tasklist ? tasklist.error : { command: 'tasklist', how: 'empty' }));
    if ('error' in netstat) {
      warnings.push(toolFailed('socketTable', netstat.error));
      return { sockets: [], warnings };
    }
    const parsed = parseWindowsNetstat(netstat.text);
    warnings.push(...parsed.warnings.map(unkeyed));
    reported = new Set();
    const sockets = parsed.sockets.map((s): RawSocket => {
      const pid = s.pid !== null && s.pid > 0 ? s.pid : null;
      if (pid !== null) reported.add(pid);
      return {
        protocol: s.protocol,
        family: s.family,
        localAddress: s.localAddress,
        localPort: s.localPort,
        remoteAddress: s.remoteAddress,
        remotePort: s.remotePort,
        state: s.state,
        uid: null,
        inode: 0,
        scopeId: s.scopeId,
        dualStack: null,
        owner: pid !== null ? { pid } : { pid: null, status: s.state === 'TIME_WAIT' ? 'time-wait' : 'not-found' },
      };
    });
    return { sockets, warnings };
  }

  function listPids(): Set<number> {
    const pids = new Set(processes.keys());
    if (tasklistFailed) for (const pid of reported) pids.add(pid);
    return pids;
  }

  function readProcess(pid: number): ProcessInfo | null {
    const p = processes.get(pid);
    // netstat named the pid but tasklist could not run: the pid still holds, its name is unknown.
    if (!p && !(tasklistFailed && reported.has(pid))) return null;
    const reason = 'not in netstat/tasklist output (the IP Helper API could not be loaded)';
    const unavailable = ['exe', 'commandLine', 'user', 'startTime'].map((field) => ({ field, reason }));
    if (!p) unavailable.unshift({ field: 'name', reason: 'tasklist could not run' });
    return {
      pid,
      ppid: null,
      name: pid === SYSTEM_PID ? 'System (http.sys, SMB)' : (p?.name ?? `pid ${pid}`),
      exe: null,
      args: [],
      commandLine: pid === SYSTEM_PID ? SYSTEM_EXPLAINED : '',
      uid: null,
      user: p?.user ?? null,
      startTime: null,
      unit: null,
      container: null,
      unavailable,
    };
  }

  function capabilities(): Capabilities {
    return windowsCapabilities(false, 'netstat');
  }

  // netstat -ano prints no byte counts: connections say 'not-supported'.
  return { name: 'windows', trafficUnavailable: 'not-supported', capabilities, readSockets, listPids, readProcess };
}
