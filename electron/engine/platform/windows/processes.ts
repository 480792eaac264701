import type { ProcessInfo } from '../../../../shared/contract/sockets';
import type { Win32Api } from './ffi';

const TH32CS_SNAPPROCESS = 0x2;
const PROCESSENTRY32W_BYTES = 568; // x64 layout: szExeFile (260 WCHARs) at 44
const PROCESS_QUERY_LIMITED_INFORMATION = 0x1000;
const TOKEN_QUERY = 0x8;
const TOKEN_USER = 1;
const PROCESS_COMMAND_LINE_INFORMATION = 60; // Windows 8.1+
const PROCESS_BASIC_INFORMATION = 0;
const PROCESS_QUERY_INFORMATION = 0x400;
const PROCESS_VM_READ = 0x10;
const STATUS_INVALID_INFO_CLASS = -1073741821; // 0xC0000003
const ERROR_ACCESS_DENIED = 5;
const SC_MANAGER_ENUMERATE_SERVICE = 0x4;
const SERVICE_WIN32 = 0x30;
const SERVICE_ACTIVE = 0x1;
const ERROR_MORE_DATA = 234;
/** 100-ns ticks between 1601-01-01 (FILETIME's epoch) and 1970-01-01. */
const FILETIME_UNIX_OFFSET = 116_444_736_000_000_000n;
/** Services move between processes rarely; asking the service manager costs a few ms. */
const SERVICES_TTL_MS = 5_000;

export interface ToolhelpEntry {
  pid: number;
  ppid: number;
  exeFile: string;
}

/** pid 4 owns kernel-mode listeners; saying only "System" leaves users guessing which. */
export const SYSTEM_PID = 4;
export const SYSTEM_EXPLAINED =
  'Windows kernel (pid 4): owns the listeners of http.sys, the HTTP Server API behind IIS, WinRM, WSD and other services that share port 80/443/5985, and of SMB file sharing (445, 139)';

function readUtf16z(buf: Buffer, at: number, maxChars: number): string {
  let end = at;
  const limit = at + maxChars * 2;
  while (end < limit && (buf[end] !== 0 || buf[end + 1] !== 0)) end += 2;
  return buf.toString('utf16le', at, end);
}

/** Every process, from one CreateToolhelp32Snapshot: pid, parent pid and executable name. */
export function listProcesses(api: Win32Api): Map<number, ToolhelpEntry> {
  const out = new Map<number, ToolhelpEntry>();
  const snapshot = api.CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
  // INVALID_HANDLE_VALUE is (HANDLE)-1.
  if (!snapshot || api.koffi.address(snapshot) === 0xffffffffffffffffn) return out;
  try {
    const entry = Buffer.alloc(PROCESSENTRY32W_BYTES);
    entry.writeUInt32LE(PROCESSENTRY32W_BYTES, 0);
    for (let ok = api.Process32FirstW(snapshot, entry); ok; ok = api.Process32NextW(snapshot, entry)) {
      const pid = entry.readUInt32LE(8);
      if (pid === 0) continue; // the System Idle Process: not a process one can own sockets or end
      out.set(pid, { pid, ppid: entry.readUInt32LE(32), exeFile: readUtf16z(entry, 44, 260) });
    }
  } finally {
    api.CloseHandle(snapshot);
  }
  return out;
}

/**
 * Which services each process hosts (EnumServicesStatusExW, SC_ENUM_PROCESS_INFO): what tells
 * one svchost.exe from the next.
 */
export class ServiceMap {
  private byPid = new Map<number, string[]>();
  private readAt = -Infinity;

  constructor(private readonly api: Win32Api) {}

  of(pid: number): string[] {
    if (performance.now() - this.readAt > SERVICES_TTL_MS) this.refresh();
    return this.byPid.get(pid) ?? [];
  }

  private refresh(): void {
    this.readAt = performance.now();
    const api = this.api;
    const manager = api.OpenSCManagerW(null, null, SC_MANAGER_ENUMERATE_SERVICE);
    if (!manager) return;
    const byPid = new Map<number, string[]>();
    try {
      let size = 64 * 1024;
      for (let attempt = 0; attempt < 3; attempt++) {
        const mem = api.koffi.alloc('uint8_t', size);
        try {
          const needed = [0];
          const returned = [0];
          const resume = [0];
          const ok = api.EnumServicesStatusExW(manager, 0, SERVICE_WIN32, SERVICE_ACTIVE, mem, size, needed, returned, resume, null);
          if (!ok && api.GetLastError() === ERROR_MORE_DATA && needed[0]! > size) {
            size = needed[0]! + 4096;
            continue;
          }
          if (!ok && returned[0] === 0) return;
          const entries = api.koffi.decode(mem, api.serviceEntry, returned[0]!) as Array<{ lpServiceName: string; dwProcessId: number }>;
          for (const e of entries) {
            if (e.dwProcessId === 0) continue;
            const list = byPid.get(e.dwProcessId);
            if (list) list.push(e.lpServiceName);
            else byPid.set(e.dwProcessId, [e.lpServiceName]);
          }
          break;
        } finally {
          api.koffi.free(mem);
        }
      }
    } finally {
      api.CloseServiceHandle(manager);
    }
    for (const list of byPid.values()) list.sort();
    this.byPid = byPid;
  }
}

type Unavailable = ProcessInfo['unavailable'];

function reasonOf(error: number): string {
  return error === ERROR_ACCESS_DENIED ? 'permission denied' : `Windows error ${error}`;
}

/** Account names by SID bytes: LookupAccountSidW may ask a domain controller. */
const accounts = new Map<string, string | null>();

function accountOf(api: Win32Api, process: unknown, unavailable: Unavailable): string | null {
  const { koffi } = api;
  const token: unknown[] = [null];
  if (!api.OpenProcessToken(process, TOKEN_QUERY, token) || !token[0]) {
    unavailable.push({ field: 'user', reason: reasonOf(api.GetLastError()) });
    return null;
  }
  const mem = koffi.alloc('uint8_t', 256);
  try {
    const returned = [0];
    if (!api.GetTokenInformation(token[0], TOKEN_USER, mem, 256, returned)) {
      unavailable.push({ field: 'user', reason: reasonOf(api.GetLastError()) });
      return null;
    }
    const sid = koffi.decode(mem, 'void *') as unknown; // TOKEN_USER.User.Sid points into mem
    // A SID is 8 bytes plus 4 per sub-authority (count at byte 1).
    const subAuthorities = (koffi.decode(sid, 1, 'uint8_t') as number) & 0x0f;
    const key = Buffer.from(koffi.decode(sid, 'uint8_t', 8 + 4 * subAuthorities) as number[]).toString('hex');
    let name = accounts.get(key);
    if (name === undefined) {
      const nameBuf = Buffer.alloc(512);
      const domainBuf = Buffer.alloc(512);
      const nameLength = [256];
      const domainLength = [256];
      name = api.LookupAccountSidW(null, sid, nameBuf, nameLength, domainBuf, domainLength, [0])
        ? [readUtf16z(domainBuf, 0, 256), readUtf16z(nameBuf, 0, 256)].filter(Boolean).join('\\')
        : null;
      accounts.set(key, name);
    }
    if (name === null) unavailable.push({ field: 'user', reason: 'the account of this SID could not be looked up' });
    return name;
  } finally {
    koffi.free(mem);
    api.CloseHandle(token[0]);
  }
}

function commandLineOf(api: Win32Api, process: unknown, pid: number, unavailable: Unavailable): string | null {
  const { koffi } = api;
  let size = 4096;
  for (let attempt = 0; attempt < 3; attempt++) {
    const mem = koffi.alloc('uint8_t', size);
    try {
      const returned = [0];
      const status = api.NtQueryInformationProcess(process, PROCESS_COMMAND_LINE_INFORMATION, mem, size, returned);
      // STATUS_INFO_LENGTH_MISMATCH / STATUS_BUFFER_OVERFLOW / STATUS_BUFFER_TOO_SMALL: grow.
      if ((status === -1073741820 || status === -2147483643 || status === -1073741789) && returned[0]! > size) {
        size = returned[0]!;
        continue;
      }
      if (status === STATUS_INVALID_INFO_CLASS) return commandLineFromPeb(api, pid, unavailable);
      if (status !== 0) {
        unavailable.push({ field: 'commandLine', reason: status === -1073741790 ? 'permission denied' : `NTSTATUS 0x${(status >>> 0).toString(16)}` });
        return null;
      }
      // UNICODE_STRING { USHORT Length; USHORT MaximumLength; PWSTR Buffer } heads the answer.
      const bytes = koffi.decode(mem, 'uint16_t') as number;
      const text = koffi.decode(mem, 8, 'void *') as unknown;
      return bytes === 0 || !text ? '' : (koffi.decode(text, 'char16_t', bytes / 2) as string);
    } finally {
      koffi.free(mem);
    }
  }
  unavailable.push({ field: 'commandLine', reason: 'the command line kept growing' });
  return null;
}

/**
 * Before Windows 8.1 (and under Wine 8) there is no ProcessCommandLineInformation: the command
 * line is read where the process keeps it, PEB -> RTL_USER_PROCESS_PARAMETERS.CommandLine (x64
 * offsets 0x20 and 0x70), which takes PROCESS_VM_READ.
 */
function commandLineFromPeb(api: Win32Api, pid: number, unavailable: Unavailable): string | null {
  const process = api.OpenProcess(PROCESS_QUERY_INFORMATION | PROCESS_VM_READ, 0, pid);
  if (!process) {
    unavailable.push({ field: 'commandLine', reason: reasonOf(api.GetLastError()) });
    return null;
  }
  try {
    const basic = api.koffi.alloc('uint8_t', 48);
    let peb: bigint;
    try {
      const status = api.NtQueryInformationProcess(process, PROCESS_BASIC_INFORMATION, basic, 48, [0]);
      if (status !== 0) throw new Error(`NTSTATUS 0x${(status >>> 0).toString(16)} for the process's basic information`);
      peb = BigInt(api.koffi.decode(basic, 8, 'uint64_t') as number | bigint);
    } finally {
      api.koffi.free(basic);
    }
    const word = Buffer.alloc(16);
    const read = (address: bigint, into: Buffer, size: number) => {
      if (!api.ReadProcessMemory(process, address, into, size, [0])) throw new Error(`ReadProcessMemory failed: ${reasonOf(api.GetLastError())}`);
    };
    read(peb + 0x20n, word, 8);
    const params = word.readBigUInt64LE(0);
    read(params + 0x70n, word, 16);
    const bytes = word.readUInt16LE(0);
    const text = Buffer.alloc(bytes);
    if (bytes > 0) read(word.readBigUInt64LE(8), text, bytes);
    return text.toString('utf16le');
  } catch (err) {
    unavailable.push({ field: 'commandLine', reason: err instanceof Error ? err.message : String(err) });
    return null;
  } finally {
    api.CloseHandle(process);
  }
}

function creationTimeOf(api: Win32Api, process: unknown, unavailable: Unavailable): string | null {
  const times = [Buffer.alloc(8), Buffer.alloc(8), Buffer.alloc(8), Buffer.alloc(8)] as const;
  if (!api.GetProcessTimes(process, times[0], times[1], times[2], times[3])) {
    unavailable.push({ field: 'startTime', reason: reasonOf(api.GetLastError()) });
    return null;
  }
  const ticks = times[0].readBigUInt64LE(0);
  if (ticks === 0n) return null;
  return new Date(Number((ticks - FILETIME_UNIX_OFFSET) / 10_000n)).toISOString();
}

function imagePathOf(api: Win32Api, process: unknown, unavailable: Unavailable): string | null {
  const buf = Buffer.alloc(32 * 1024 * 2);
  const size = [32 * 1024];
  if (!api.QueryFullProcessImageNameW(process, 0, buf, size)) {
    unavailable.push({ field: 'exe', reason: reasonOf(api.GetLastError()) });
    return null;
  }
  return buf.toString('utf16le', 0, size[0]! * 2);
}

/**
 * Everything Windows lets this user read about one process. What it refuses (another user's
 * process without elevation, a protected process) is listed in `unavailable`, never guessed.
 */
export function readWindowsProcess(api: Win32Api, entry: ToolhelpEntry, services: readonly string[]): ProcessInfo {
  const unavailable: Unavailable = [];
  const base = entry.exeFile || `pid ${entry.pid}`;
  const hosted = services.length > 0 ? services.join(', ') : null;
  const info: ProcessInfo = {
    pid: entry.pid,
    ppid: entry.ppid,
    // svchost.exe alone says nothing: "svchost.exe (Dnscache)" does.
    name: hosted ? `${base} (${hosted})` : base,
    exe: null,
    args: [],
    commandLine: '',
    uid: null,
    user: null,
    startTime: null,
    unit: hosted,
    container: null,
    unavailable,
  };
  if (entry.pid === SYSTEM_PID) {
    info.name = 'System (http.sys, SMB)';
    info.commandLine = SYSTEM_EXPLAINED;
  }
  const process = api.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, entry.pid);
  if (!process) {
    const reason = reasonOf(api.GetLastError());
    for (const field of ['exe', 'commandLine', 'user', 'startTime']) unavailable.push({ field, reason });
    return info;
  }
  try {
    info.exe = imagePathOf(api, process, unavailable);
    const commandLine = entry.pid === SYSTEM_PID ? null : commandLineOf(api, process, entry.pid, unavailable);
    if (commandLine !== null) info.commandLine = commandLine;
    info.user = accountOf(api, process, unavailable);
    info.startTime = creationTimeOf(api, process, unavailable);
  } finally {
    api.CloseHandle(process);
  }
  return info;
}
