import { parseStat, parseStatusUid } from '../platform/linux/procParsers';
import type { CaptureParse, CapturedProcess } from './types';

/** `/proc/<pid>/status`: `Name:\t…` then `Pid:\t…` lines. */
export const PROC_STATUS = /^Name:\t[^\n]*\n[\s\S]*^Pid:\t\d+\s*$/m;
/** `/proc/<pid>/stat`: `pid (comm) state ppid …` on one line (comm may hold spaces, parentheses, newlines). */
export const PROC_STAT = /^\d+ \([\s\S]*\) [RSDZTtWXxKPI] -?\d+ /;

/**
 * One process's /proc/<pid>/stat or status, as people attach them to "what is this process":
 * a process list of one, through the engine's own procfs parsers.
 */
export function parseProcPid(text: string): CaptureParse {
  if (PROC_STATUS.test(text)) {
    const name = /^Name:\t(.*)$/m.exec(text)![1]!;
    const pid = Number(/^Pid:\t(\d+)/m.exec(text)![1]);
    const ppid = /^PPid:\t(\d+)/m.exec(text);
    const p: CapturedProcess = { pid, name, ppid: ppid ? Number(ppid[1]) : null, uid: parseStatusUid(text) };
    return { sockets: [], processes: [p], warnings: ['a single /proc/<pid>/status file: one process, no sockets'] };
  }
  const stat = parseStat(text);
  const pid = Number(/^(\d+) /.exec(text)?.[1]);
  if (!stat || !Number.isInteger(pid)) return { sockets: [], processes: [], warnings: [], stoppedAt: { line: 1, reason: 'the /proc/<pid>/stat line is incomplete' } };
  return { sockets: [], processes: [{ pid, name: stat.comm, ppid: stat.ppid }], warnings: ['a single /proc/<pid>/stat file: one process, no sockets'] };
}
