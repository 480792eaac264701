import { parseDarwinNetstat } from '../platform/darwin/netstat';
import { parseLsofFields, parseLsofText } from '../platform/darwin/lsof';
import { parsePs } from '../platform/darwin/ps';
import { parseWindowsNetstat } from '../platform/windows/netstat';
import { parseTasklist } from '../platform/windows/tasklist';
import { parseNetTcpConnectionCsv, parseNetTcpConnectionJson } from './netTcpConnection';
import { PROC_NET_HEADER, parseProcNetCapture } from './procNet';
import { parseSs } from './ss';
import { PROC_STAT, PROC_STATUS, parseProcPid } from './procPid';
import type { CaptureFormat, CaptureParse, CapturedProcess } from './types';

/** How each format is named in messages, and the command that produces it. */
export const FORMAT_LABELS: Record<CaptureFormat, string> = {
  'windows-netstat': 'Windows netstat -ano',
  'windows-tasklist': 'Windows tasklist',
  'powershell-nettcpconnection': 'PowerShell Get-NetTCPConnection (ConvertTo-Csv / ConvertTo-Json)',
  'macos-netstat': 'macOS netstat -anv',
  lsof: 'lsof -i -n -P',
  'lsof-F': 'lsof -F',
  ss: 'ss -tanp / -tulnp',
  'proc-net': 'Linux /proc/net/{tcp,tcp6,udp,udp6}',
  'proc-pid': 'Linux /proc/<pid>/stat or status',
  ps: 'ps',
};

/** The one line an unrecognised file gets. */
export const ACCEPTED_FORMATS_LINE =
  'accepted: a Portscope JSON report, nmap XML (-oX), Windows netstat -ano (any language; UTF-8, UTF-16 or OEM code page), tasklist /fo csv, ' +
  'Get-NetTCPConnection | ConvertTo-Csv or ConvertTo-Json, macOS netstat -anv, lsof -i -n -P, lsof -F, ss -tanp / -tulnp, /proc/net/{tcp,tcp6,udp,udp6}, /proc/<pid>/stat or status, ps';

export interface DetectedCapture {
  format: CaptureFormat;
  /** The operating system the capture came from, as Node names platforms. */
  platform: 'win32' | 'darwin' | 'linux' | 'unknown';
  parsed: CaptureParse;
}

const WINDOWS_ROW = /^[ \t]*(TCP|UDP)[ \t]+(\[[^\]\s]+\]|[^\s:[]+):\S+[ \t]+\S+/m;
const DARWIN_HEADER = /^(Socket\s+Flowhash\s+)?Proto\s+Recv-Q\s+Send-Q\s+Local Address\s+Foreign Address/m;
const DARWIN_ROW = /^(\S+\s+\S+\s+)?(tcp|udp)(4|6|46)\s+\d+\s+\d+\s+\S+\.(\d+|\*|[A-Za-z][\w-]*)\s/m;
const SS_HEADER = /^(Netid\s+)?State\s+Recv-Q\s+Send-Q\s+Local/m;
const LSOF_HEADER = /^COMMAND\s+PID\s+(TID\s+(TASKCMD\s+)?)?USER\s+FD\s+TYPE/m;
const LSOF_ROW = /^\S+\s+\d+\s+\S+\s+\S+\s+IPv[46]\s+\S+\s+\S+\s+(TCP|UDP)\s+\S/m;
const LSOF_F = /^p\d+\s*[\n\0][\s\S]*^n\S/m;
const TASKLIST_CSV = /^"[^"\n]*","\d+","[^"\n]*","\d+","[^"\n]*"\s*$/m;
const TASKLIST_TABLE = /^={5,} =+ =+ =+ =+\s*$/m;
const TASKLIST_ROW = /^\S.*?\s+\d+\s+\S+\s+\d+\s+[\d.,\u00a0\u202f ]+ K\s*$/m;
const NET_TCP_CSV = /^"?LocalAddress"?,"?LocalPort"?,/m;
const PS_HEADER = /^\s*(USER|UID)?\s*PID\s+(PPID\s+)?.*\b(COMMAND|CMD|COMM|ARGS)\s*$/m;

/**
 * Tells a capture's format from its content (never from its file name, which only hints TCP or
 * UDP for a lone /proc/net table) and parses it. null when it is none of them.
 */
export function detectCapture(text: string, fileName = ''): DetectedCapture | null {
  // Parsers get the text as it was (line numbers in messages must match the file); tests look at it without leading blanks.
  const body = text.replace(/^\uFEFF/, '');
  const head = body.trimStart();
  if ((head.startsWith('[') || head.startsWith('{')) && /"LocalAddress"\s*:/.test(head.slice(0, 100_000))) {
    return { format: 'powershell-nettcpconnection', platform: 'win32', parsed: parseNetTcpConnectionJson(body) };
  }
  if (NET_TCP_CSV.test(head.slice(0, 4096))) return { format: 'powershell-nettcpconnection', platform: 'win32', parsed: parseNetTcpConnectionCsv(body) };
  if (PROC_NET_HEADER.test(head.split('\n', 1)[0] ?? '')) return { format: 'proc-net', platform: 'linux', parsed: parseProcNetCapture(body, fileName) };
  if (SS_HEADER.test(head)) return { format: 'ss', platform: 'linux', parsed: parseSs(body) };
  if (DARWIN_HEADER.test(head) && DARWIN_ROW.test(head)) return { format: 'macos-netstat', platform: 'darwin', parsed: parseDarwinNetstat(body) };
  if (WINDOWS_ROW.test(head)) {
    const parsed = parseWindowsNetstat(body);
    // "netstat -ano, then tasklist /fo csv" pasted into one file: the owners get names.
    if (TASKLIST_CSV.test(head) || TASKLIST_TABLE.test(head)) parsed.processes = parseTasklist(body.split(/\r?\n/).filter((l) => !WINDOWS_ROW.test(l)).join('\n')).processes ?? [];
    return { format: 'windows-netstat', platform: 'win32', parsed };
  }
  if (LSOF_F.test(head)) return { format: 'lsof-F', platform: 'unknown', parsed: parseLsofFields(body) };
  if (LSOF_HEADER.test(head) || LSOF_ROW.test(head)) return { format: 'lsof', platform: 'unknown', parsed: parseLsofText(body) };
  if (TASKLIST_CSV.test(head) || TASKLIST_TABLE.test(head) || TASKLIST_ROW.test(head)) return { format: 'windows-tasklist', platform: 'win32', parsed: parseTasklist(body) };
  if (PROC_STATUS.test(head) || PROC_STAT.test(head)) return { format: 'proc-pid', platform: 'linux', parsed: parseProcPid(body) };
  if (PS_HEADER.test(head.split('\n', 1)[0] ?? '')) return { format: 'ps', platform: 'unknown', parsed: parsePs(body) };
  return null;
}

/** Names for pids from a capture's process list (tasklist, lsof, ss users). */
export function processNames(processes: readonly CapturedProcess[] | undefined): Map<number, string> {
  return new Map((processes ?? []).map((p) => [p.pid, p.name]));
}
