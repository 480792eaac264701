import { createRequire } from 'node:module';
import type * as Koffi from 'koffi';
import { findPackageFile } from '../../system/packageFiles';
import type { EstatsCalls } from './estats';

/**
 * The Win32 calls the Windows adapter makes, bound through koffi: an FFI whose npm package carries
 * prebuilt binaries for every OS (no compiler on the user's machine, and an Electron build for
 * Windows can be packed on Linux). Loaded lazily so other OSes never touch it.
 */
export interface Win32Api {
  koffi: typeof Koffi;
  GetExtendedTcpTable(table: Buffer | null, size: number[], order: number, af: number, cls: number, reserved: number): number;
  GetExtendedUdpTable(table: Buffer | null, size: number[], order: number, af: number, cls: number, reserved: number): number;
  GetTcpTable(table: Buffer | null, size: number[], order: number): number;
  GetTcp6Table(table: Buffer | null, size: number[], order: number): number;
  /** SetTcpEntry(MIB_TCPROW *): closes an IPv4 connection when the row's state is DELETE_TCB. */
  SetTcpEntry(row: Buffer): number;
  /**
   * The per-connection statistics calls (GetPerTcp{,6}ConnectionEStats, SetPerTcp{,6}ConnectionEStats),
   * or null where iphlpapi does not export all four (Wine 8 has only SetPerTcpConnectionEStats, a stub).
   */
  estats: EstatsCalls | null;
  /** Which of those four were missing, for the capability note. */
  estatsMissing: string[];
  /** Wine's version string, or null on Windows itself (ntdll exports wine_get_version only under Wine). */
  wineVersion: string | null;
  ReadProcessMemory(process: unknown, address: bigint, buffer: Buffer, size: number, read: number[]): number;
  CreateToolhelp32Snapshot(flags: number, pid: number): unknown;
  Process32FirstW(snapshot: unknown, entry: Buffer): number;
  Process32NextW(snapshot: unknown, entry: Buffer): number;
  OpenProcess(access: number, inherit: number, pid: number): unknown;
  CloseHandle(handle: unknown): number;
  GetLastError(): number;
  QueryFullProcessImageNameW(process: unknown, flags: number, name: Buffer, size: number[]): number;
  GetProcessTimes(process: unknown, creation: Buffer, exit: Buffer, kernel: Buffer, user: Buffer): number;
  TerminateProcess(process: unknown, exitCode: number): number;
  OpenProcessToken(process: unknown, access: number, token: unknown[]): number;
  GetTokenInformation(token: unknown, cls: number, info: unknown, length: number, returned: number[]): number;
  LookupAccountSidW(system: null, sid: unknown, name: Buffer, nameLength: number[], domain: Buffer, domainLength: number[], use: number[]): number;
  NtQueryInformationProcess(process: unknown, cls: number, info: unknown, length: number, returned: number[]): number;
  OpenSCManagerW(machine: null, database: null, access: number): unknown;
  EnumServicesStatusExW(
    manager: unknown,
    level: number,
    type: number,
    state: number,
    services: unknown,
    size: number,
    needed: number[],
    returned: number[],
    resume: number[],
    group: null,
  ): number;
  CloseServiceHandle(handle: unknown): number;
  IsUserAnAdmin(): number;
  /** ENUM_SERVICE_STATUS_PROCESSW, for decoding EnumServicesStatusExW's answer. */
  serviceEntry: Koffi.IKoffiCType;
}

function wineVersionOf(koffi: typeof Koffi, ntdll: Koffi.IKoffiLib): string | null {
  try {
    return (ntdll.func('const char *wine_get_version()') as () => string)();
  } catch {
    return null; // not exported: real Windows
  }
}

type EstatsGet = (row: Buffer, type: number, rw: Buffer | null, rwVersion: number, rwSize: number, ros: null, rosVersion: number, rosSize: number, rod: Buffer | null, rodVersion: number, rodSize: number) => number;
type EstatsSet = (row: Buffer, type: number, rw: Buffer, rwVersion: number, rwSize: number, offset: number) => number;

/**
 * Binds the estats calls one by one: koffi throws for a symbol the DLL does not export, and a
 * missing one must cost the counters only, not the whole adapter.
 */
function bindEstats(iphlpapi: Koffi.IKoffiLib): { estats: EstatsCalls | null; missing: string[] } {
  const missing: string[] = [];
  const bind = <T>(name: string, decl: string): T | null => {
    try {
      return iphlpapi.func(decl) as T;
    } catch {
      missing.push(name);
      return null;
    }
  };
  const getArgs = '(void *row, int type, void *rw, uint32_t rwVersion, uint32_t rwSize, void *ros, uint32_t rosVersion, uint32_t rosSize, void *rod, uint32_t rodVersion, uint32_t rodSize)';
  const setArgs = '(void *row, int type, void *rw, uint32_t rwVersion, uint32_t rwSize, uint32_t offset)';
  const get4 = bind<EstatsGet>('GetPerTcpConnectionEStats', `uint32_t __stdcall GetPerTcpConnectionEStats${getArgs}`);
  const get6 = bind<EstatsGet>('GetPerTcp6ConnectionEStats', `uint32_t __stdcall GetPerTcp6ConnectionEStats${getArgs}`);
  const set4 = bind<EstatsSet>('SetPerTcpConnectionEStats', `uint32_t __stdcall SetPerTcpConnectionEStats${setArgs}`);
  const set6 = bind<EstatsSet>('SetPerTcp6ConnectionEStats', `uint32_t __stdcall SetPerTcp6ConnectionEStats${setArgs}`);
  if (!get4 || !get6 || !set4 || !set6) return { estats: null, missing };
  return {
    missing,
    estats: {
      // Version 0 of every struct: the only one Windows defines.
      set: (family, row, type, rw) => (family === 4 ? set4 : set6)(row, type, rw, 0, rw.length, 0),
      get: (family, row, type, rw, rod) => (family === 4 ? get4 : get6)(row, type, rw, 0, rw?.length ?? 0, null, 0, 0, rod, 0, rod?.length ?? 0),
    },
  };
}

let loaded: { api: Win32Api | null; error: string | null } | null = null;

/** The bound API, or null with the reason (not Windows, koffi missing, a DLL that would not load). */
export function loadWin32Api(): { api: Win32Api | null; error: string | null } {
  if (loaded) return loaded;
  try {
    // Resolved from the package folder, not this bundle: koffi stays outside the bundle (it picks
    // its own prebuilt binary at run time), and an Electron bundle has no import.meta.
    const manifest = findPackageFile('node_modules/koffi/package.json');
    if (!manifest) throw new Error('the koffi package is not installed');
    const koffi = createRequire(manifest)('koffi') as typeof Koffi;
    const iphlpapi = koffi.load('iphlpapi.dll');
    const kernel32 = koffi.load('kernel32.dll');
    const advapi32 = koffi.load('advapi32.dll');
    const ntdll = koffi.load('ntdll.dll');
    const shell32 = koffi.load('shell32.dll');
    const serviceEntry = koffi.struct('ENUM_SERVICE_STATUS_PROCESSW', {
      lpServiceName: 'const char16_t *',
      lpDisplayName: 'const char16_t *',
      dwServiceType: 'uint32_t',
      dwCurrentState: 'uint32_t',
      dwControlsAccepted: 'uint32_t',
      dwWin32ExitCode: 'uint32_t',
      dwServiceSpecificExitCode: 'uint32_t',
      dwCheckPoint: 'uint32_t',
      dwWaitHint: 'uint32_t',
      dwProcessId: 'uint32_t',
      dwServiceFlags: 'uint32_t',
    });
    const { estats, missing } = bindEstats(iphlpapi);
    const api = {
      koffi,
      serviceEntry,
      estats,
      estatsMissing: missing,
      SetTcpEntry: iphlpapi.func('uint32_t __stdcall SetTcpEntry(void *row)'),
      GetExtendedTcpTable: iphlpapi.func(
        'uint32_t __stdcall GetExtendedTcpTable(void *table, _Inout_ uint32_t *size, int order, uint32_t af, int cls, uint32_t reserved)',
      ),
      GetExtendedUdpTable: iphlpapi.func(
        'uint32_t __stdcall GetExtendedUdpTable(void *table, _Inout_ uint32_t *size, int order, uint32_t af, int cls, uint32_t reserved)',
      ),
      GetTcpTable: iphlpapi.func('uint32_t __stdcall GetTcpTable(void *table, _Inout_ uint32_t *size, int order)'),
      GetTcp6Table: iphlpapi.func('uint32_t __stdcall GetTcp6Table(void *table, _Inout_ uint32_t *size, int order)'),
      wineVersion: wineVersionOf(koffi, ntdll),
      ReadProcessMemory: kernel32.func('int __stdcall ReadProcessMemory(void *process, uint64_t address, void *buffer, size_t size, _Out_ size_t *read)'),
      CreateToolhelp32Snapshot: kernel32.func('void * __stdcall CreateToolhelp32Snapshot(uint32_t flags, uint32_t pid)'),
      Process32FirstW: kernel32.func('int __stdcall Process32FirstW(void *snapshot, void *entry)'),
      Process32NextW: kernel32.func('int __stdcall Process32NextW(void *snapshot, void *entry)'),
      OpenProcess: kernel32.func('void * __stdcall OpenProcess(uint32_t access, int inherit, uint32_t pid)'),
      CloseHandle: kernel32.func('int __stdcall CloseHandle(void *handle)'),
      GetLastError: kernel32.func('uint32_t __stdcall GetLastError()'),
      QueryFullProcessImageNameW: kernel32.func('int __stdcall QueryFullProcessImageNameW(void *process, uint32_t flags, void *name, _Inout_ uint32_t *size)'),
      GetProcessTimes: kernel32.func('int __stdcall GetProcessTimes(void *process, void *creation, void *exit, void *kernel, void *user)'),
      TerminateProcess: kernel32.func('int __stdcall TerminateProcess(void *process, uint32_t exitCode)'),
      OpenProcessToken: advapi32.func('int __stdcall OpenProcessToken(void *process, uint32_t access, _Out_ void **token)'),
      GetTokenInformation: advapi32.func('int __stdcall GetTokenInformation(void *token, int cls, void *info, uint32_t length, _Out_ uint32_t *returned)'),
      LookupAccountSidW: advapi32.func(
        'int __stdcall LookupAccountSidW(const char16_t *system, void *sid, void *name, _Inout_ uint32_t *nameLength, void *domain, _Inout_ uint32_t *domainLength, _Out_ uint32_t *use)',
      ),
      NtQueryInformationProcess: ntdll.func('int32_t __stdcall NtQueryInformationProcess(void *process, int cls, void *info, uint32_t length, _Out_ uint32_t *returned)'),
      OpenSCManagerW: advapi32.func('void * __stdcall OpenSCManagerW(const char16_t *machine, const char16_t *database, uint32_t access)'),
      EnumServicesStatusExW: advapi32.func(
        'int __stdcall EnumServicesStatusExW(void *manager, int level, uint32_t type, uint32_t state, void *services, uint32_t size, _Out_ uint32_t *needed, _Out_ uint32_t *returned, _Inout_ uint32_t *resume, const char16_t *group)',
      ),
      CloseServiceHandle: advapi32.func('int __stdcall CloseServiceHandle(void *handle)'),
      IsUserAnAdmin: shell32.func('int __stdcall IsUserAnAdmin()'),
    };
    loaded = { api: api as unknown as Win32Api, error: null };
  } catch (err) {
    loaded = { api: null, error: err instanceof Error ? err.message : String(err) };
  }
  return loaded;
}
