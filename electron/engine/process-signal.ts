import type { ProcessInfo, SignalResult, Snapshot } from '../../shared/contract';

export type EndSignal = 'SIGTERM' | 'SIGKILL';

export interface SignalGuardDeps {
  readProcess(pid: number): ProcessInfo | null;
  /** True for a process that has exited but is not yet reaped (a zombie): it has ended. */
  isDefunct?(pid: number): boolean;
  /** The engine's current view of the sockets: only their owners may be signalled. */
  snapshot(): Promise<Snapshot>;
  kill(pid: number, signal: EndSignal): void;
  /** The engine's own pid (its ancestors are found through readProcess). */
  selfPid: number;
  /** How long to watch for the process to go after the signal; SIGTERM may legitimately take longer. */
  settleMs?: Partial<Record<EndSignal, number>>;
  sleep?(ms: number): Promise<void>;
}

const DEFAULT_SETTLE: Record<EndSignal, number> = { SIGTERM: 300, SIGKILL: 2000 };
const POLL_MS = 20;

/**
 * Ending a process on behalf of a dashboard, whose token may be held by anyone who can reach it,
 * while the engine may run as root. So the checks are the engine's, not the caller's:
 * - the pid must own a socket in the engine's current view (Portscope ends socket owners, not
 *   arbitrary processes);
 * - the start time the user saw must be given and must match (a reused pid is someone else);
 * - never pid 1, the engine itself, or a process it descends from (ending those takes the engine
 *   or the machine down with it).
 * Afterwards it watches the pid, so the answer says what happened, not what was attempted: a
 * SIGKILL the kernel did not act on (pid 1 of a namespace, a task stuck in the kernel) is
 * reported as still running.
 */
export async function signalProcess(deps: SignalGuardDeps, pid: number, signal: EndSignal, expectedStartTime: string): Promise<SignalResult> {
  const before = deps.readProcess(pid);
  if (!before || deps.isDefunct?.(pid)) return { ok: false, outcome: 'exited', message: `Process ${pid} is no longer running.` };
  const protectedWhy = protectedReason(deps, pid);
  if (protectedWhy) return { ok: false, outcome: 'refused', message: `Portscope never signals ${protectedWhy} (pid ${pid}); nothing was sent.` };
  if (before.startTime === null) {
    return { ok: false, outcome: 'refused', message: `The start time of pid ${pid} cannot be read, so Portscope cannot make sure it is the process you saw; nothing was sent.` };
  }
  if (before.startTime !== expectedStartTime) {
    return { ok: false, outcome: 'changed', message: `Pid ${pid} now belongs to another process (${before.name}); nothing was sent.` };
  }
  const view = await deps.snapshot();
  if (!view.rows.some((row) => row.pids.includes(pid))) {
    return { ok: false, outcome: 'refused', message: `${before.name} (pid ${pid}) owns no socket that Portscope shows; it only ends socket owners. Nothing was sent.` };
  }
  return sendAndConfirm(deps, before, signal);
}

/**
 * Sends the signal and watches the pid until it is gone or the settle time has passed. Exported
 * apart from the guard so a test can aim it at what the guard refuses (pid 1 of a namespace,
 * whose SIGKILL the kernel drops) and see the answer stay truthful.
 */
export async function sendAndConfirm(deps: Pick<SignalGuardDeps, 'readProcess' | 'isDefunct' | 'kill' | 'settleMs' | 'sleep'>, before: ProcessInfo, signal: EndSignal): Promise<SignalResult> {
  const pid = before.pid;
  const expectedStartTime = before.startTime;
  try {
    deps.kill(pid, signal);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ESRCH') return { ok: false, outcome: 'exited', message: `Process ${pid} is no longer running.` };
    if (code === 'EPERM') return { ok: false, outcome: 'denied', message: `Not allowed to signal ${before.name} (pid ${pid}): it belongs to another user.` };
    throw err;
  }
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const settle = { ...DEFAULT_SETTLE, ...deps.settleMs }[signal];
  const gone = () => {
    const now = deps.readProcess(pid);
    return now === null || now.startTime !== expectedStartTime || deps.isDefunct?.(pid) === true;
  };
  for (let waited = 0; ; waited += POLL_MS) {
    if (gone()) return { ok: true, outcome: 'ended', message: `${before.name} (pid ${pid}) ended after ${signal}.` };
    if (waited >= settle) break;
    await sleep(POLL_MS);
  }
  if (signal === 'SIGTERM') {
    return { ok: true, outcome: 'sent', message: `SIGTERM sent to ${before.name} (pid ${pid}); it is still running (it may be shutting down).` };
  }
  return {
    ok: false,
    outcome: 'still-running',
    message: `SIGKILL was sent to ${before.name} (pid ${pid}), but it is still running after ${settle / 1000} s: the kernel did not end it (the first process of a pid namespace, or a task stuck in the kernel).`,
  };
}

/** Why this pid must never be signalled, or null: pid 1, the engine, or one of its ancestors. */
function protectedReason(deps: SignalGuardDeps, pid: number): string | null {
  if (pid === 1) return 'pid 1 (the init process)';
  if (pid === deps.selfPid) return "the engine's own process";
  const seen = new Set<number>();
  for (let p = deps.readProcess(deps.selfPid)?.ppid ?? 0; p > 0 && !seen.has(p); p = deps.readProcess(p)?.ppid ?? 0) {
    if (p === pid) return 'a process the engine runs under';
    seen.add(p);
  }
  return null;
}
