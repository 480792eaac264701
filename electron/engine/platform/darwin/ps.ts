import path from 'node:path';
import type { CaptureParse, CapturedProcess } from '../../capture/types';
import { splitLines, tokensWithOffsets, WarningTally } from '../../capture/text';

/**
 * What the macOS adapter runs, with `LC_ALL=C` in the environment so `lstart` is always
 * `Mon Dec  1 22:16:24 2025` (five words) instead of a localized date. Two runs, because a
 * line can end in only one free-text column and both the executable path (`comm`) and the
 * command line (`command`) may hold spaces ("/Applications/OrbStack.app/…/OrbStack Helper").
 */
export const PS_DETAILS_ARGS = ['-axww', '-o', 'pid,ppid,uid,user,lstart,comm'] as const;
export const PS_COMMAND_ARGS = ['-axww', '-o', 'pid,command'] as const;
export const PS_ENV = { LC_ALL: 'C' } as const;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Mon Dec  1 22:16:24 2025` (C locale lstart, local time of that machine) -> ISO 8601 without zone. */
export function parseLstart(words: readonly string[]): string | null {
  const [, mon, day, time, year] = words;
  const m = MONTHS.indexOf(mon ?? '');
  if (m < 0 || !/^\d{1,2}$/.test(day ?? '') || !/^\d{2}:\d{2}:\d{2}$/.test(time ?? '') || !/^\d{4}$/.test(year ?? '')) return null;
  return `${year}-${String(m + 1).padStart(2, '0')}-${day!.padStart(2, '0')}T${time}`;
}

const REST_OF_LINE = new Set(['COMMAND', 'CMD', 'ARGS', 'COMM']);
const WEEKDAYS = new Set(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);

/**
 * `ps` output of any column choice, read by its header: the last column (COMMAND, CMD, ARGS or
 * COMM) runs to the end of the line; `STARTED` spans five words when it is `lstart` (C locale)
 * and one when it is `start` (`ps aux`). Covers the two runs above and `ps aux`, `ps -ef`,
 * `ps -fp PID` as people paste them.
 */
export function parsePs(text: string): CaptureParse {
  const tally = new WarningTally();
  const processes: CapturedProcess[] = [];
  const lines = splitLines(text);
  let columns: string[] | null = null;
  let stoppedAt: CaptureParse['stoppedAt'];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    if (!columns) {
      const head = line.trim().split(/\s+/);
      if (!head.includes('PID')) continue;
      columns = head;
      continue;
    }
    const toks = tokensWithOffsets(line);
    const values = new Map<string, string>();
    let k = 0;
    let ok = true;
    for (let c = 0; c < columns.length; c++) {
      const col = columns[c]!;
      const last = c === columns.length - 1;
      if (last && REST_OF_LINE.has(col)) {
        values.set(col, k < toks.length ? line.slice(toks[k]!.start).trimEnd() : '');
        break;
      }
      if (k >= toks.length) {
        ok = false;
        break;
      }
      if ((col === 'STARTED' || col === 'LSTART') && WEEKDAYS.has(toks[k]!.text) && k + 4 < toks.length) {
        values.set(col, toks.slice(k, k + 5).map((t) => t.text).join(' '));
        k += 5;
      } else values.set(col, toks[k++]!.text);
    }
    const pidText = values.get('PID') ?? '';
    if (!ok || !/^\d+$/.test(pidText)) {
      if (i === lines.length - 1 || lines.slice(i + 1).every((l) => l.trim() === '')) stoppedAt = { line: i + 1, reason: 'the last line is cut off' };
      else tally.add('skipped a line that is not a ps row', String(i + 1));
      continue;
    }
    const command = values.get('COMMAND') ?? values.get('CMD') ?? values.get('ARGS') ?? null;
    const comm = values.get('COMM') ?? null;
    const userOrUid = values.get('USER') ?? null;
    const uidText = values.get('UID') ?? (userOrUid && /^\d+$/.test(userOrUid) ? userOrUid : null);
    const started = values.get('LSTART') ?? values.get('STARTED') ?? null;
    const p: CapturedProcess = {
      pid: Number(pidText),
      name: nameOf(comm, command),
      ppid: /^\d+$/.test(values.get('PPID') ?? '') ? Number(values.get('PPID')) : null,
      uid: uidText && /^\d+$/.test(uidText) ? Number(uidText) : null,
      user: userOrUid && !/^\d+$/.test(userOrUid) ? userOrUid : null,
      exe: comm && comm.startsWith('/') ? comm : null,
      commandLine: command,
      startTime: started && started.includes(' ') ? parseLstart(started.split(' ')) : null,
    };
    processes.push(p);
  }
  if (!columns) tally.add('no ps header line (PID …) was found');
  const out: CaptureParse = { sockets: [], processes, warnings: tally.lines() };
  if (stoppedAt) out.stoppedAt = stoppedAt;
  return out;
}

/** The executable's file name from `comm` (a path on macOS); else the command's first word. */
function nameOf(comm: string | null, command: string | null): string {
  if (comm) return path.posix.basename(comm);
  const first = (command ?? '').split(/\s+/)[0] ?? '';
  return path.posix.basename(first) || '?';
}

/** Joins the two runs of PS_DETAILS_ARGS and PS_COMMAND_ARGS by pid. */
export function mergePs(details: CapturedProcess[], commands: CapturedProcess[]): CapturedProcess[] {
  const byPid = new Map(commands.map((p) => [p.pid, p.commandLine ?? null]));
  return details.map((p) => ({ ...p, commandLine: byPid.get(p.pid) ?? p.commandLine ?? null }));
}
