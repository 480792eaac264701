import type { Capabilities } from '../../../../shared/contract/calls';
import type { Family, ProcessInfo, Protocol } from '../../../../shared/contract/sockets';
import { localizedMessage, type EngineMessage } from '../../localizedText';
import { windowsCapabilities } from '../capabilities';
import type { CommandRunner, PlatformAdapter, RawSocket } from '../types';
import { closeTcpEntry } from './closeTcp';
import { EstatsReader, mibRowAt, type EstatsTarget } from './estats';
import { createWindowsFallbackAdapter } from './fallback';
import { loadWin32Api, type Win32Api } from './ffi';
import { decodeBasicTcpTable, decodeOwnerPidTable, ROW_BYTES } from './ffiTables';
import { listProcesses, readWindowsProcess, ServiceMap, type ToolhelpEntry } from './processes';

export interface WindowsAdapterOptions {
  run: CommandRunner;
  /** The bound Win32 API; null forces the `netstat -ano` + `tasklist` fallback. Default: load it. */
  api?: Win32Api | null;
}

const AF_INET = 2;
const AF_INET6 = 23;
const TCP_TABLE_OWNER_PID_ALL = 5;
const UDP_TABLE_OWNER_PID = 1;
const ERROR_INSUFFICIENT_BUFFER = 122;
const ERROR_NOT_SUPPORTED = 50;

const TABLES: Array<[Protocol, Family]> = [
  ['tcp', 4],
  ['tcp', 6],
  ['udp', 4],
  ['udp', 6],
];

/**
 * Windows: the IP Helper API's owner-pid tables (what TCPView and CurrPorts read) hand out every
 * socket with its owner pid, for every user, without elevation; the process snapshot names them.
 */
export function createWindowsAdapter(options: WindowsAdapterOptions): PlatformAdapter {
  const loaded = options.api !== undefined ? { api: options.api, error: options.api ? null : 'disabled' } : loadWin32Api();
  if (!loaded.api) return createWindowsFallbackAdapter({ run: options.run, why: `koffi: ${loaded.error}` });
  const api = loaded.api;
  const buffers = new Map<string, Buffer>();
  const services = new ServiceMap(api);
  let processes = new Map<number, ToolhelpEntry>();
  let elevated: boolean | null = null;

  // Wine 8 never names TCP owners (it reports pid 0) yet spends milliseconds per socket looking
  // for them in the owner-pid class: 10 s at 2,000 sockets. There the owner-less tables give the
  // same rows at once; UDP, whose owners Wine does name, keeps the owner-pid class.
  const basicTcp = api.wineVersion !== null;
  const isElevated = () => (elevated ??= api.IsUserAnAdmin() !== 0);
  const estats = new EstatsReader(api.estats, isElevated);

  /**
   * Established connections of a TCP table just read, with the MIB row naming each (cut from the
   * same buffer, which stays untouched until the next read). Built only when counters can be
   * read at all; otherwise each gets the reason at once.
   */
  function estatsTargets(rows: RawSocket[], buf: Buffer, family: Family, into: EstatsTarget[]): void {
    const why = estats.unavailable();
    const rowBytes = basicTcp ? (family === 4 ? 20 : 52) : ROW_BYTES[`tcp${family}`];
    for (let i = 0; i < rows.length; i++) {
      const s = rows[i]!;
      if (s.state !== 'ESTABLISHED') continue;
      if (why) s.trafficUnavailable = why;
      else into.push({ socket: s, mib: mibRowAt(buf, 4 + i * rowBytes, basicTcp ? 'basic' : 'owner-pid', family) });
    }
  }

  function readTable(protocol: Protocol, family: Family, warnings: EngineMessage[], targets: EstatsTarget[]): RawSocket[] {
    const key = `${protocol}${family}`;
    let buf = buffers.get(key) ?? Buffer.alloc(64 * 1024);
    const af = family === 4 ? AF_INET : AF_INET6;
    const call =
      protocol === 'udp'
        ? (b: Buffer, size: number[]) => api.GetExtendedUdpTable(b, size, 0, af, UDP_TABLE_OWNER_PID, 0)
        : !basicTcp
          ? (b: Buffer, size: number[]) => api.GetExtendedTcpTable(b, size, 0, af, TCP_TABLE_OWNER_PID_ALL, 0)
          : family === 4
            ? (b: Buffer, size: number[]) => api.GetTcpTable(b, size, 0)
            : (b: Buffer, size: number[]) => api.GetTcp6Table(b, size, 0);
    // The table can grow between the size query and the read: retry with what it asks for, and some.
    for (let attempt = 0; attempt < 4; attempt++) {
      const size = [buf.length];
      const status = call(buf, size);
      if (status === ERROR_INSUFFICIENT_BUFFER) {
        buf = Buffer.alloc(Math.max(size[0]!, buf.length) + 16 * 1024);
        buffers.set(key, buf);
        continue;
      }
      buffers.set(key, buf);
      if (status === 0) {
        const rows = decodeRows(protocol === 'tcp' && basicTcp ? decodeBasicTcpTable(buf, family) : decodeOwnerPidTable(buf, protocol, family));
        if (protocol === 'tcp') estatsTargets(rows, buf, family, targets);
        return rows;
      }
      // A machine without IPv6 answers ERROR_NOT_SUPPORTED for AF_INET6: nothing to warn about.
      if (!(status === ERROR_NOT_SUPPORTED && family === 6)) warnings.push(localizedMessage('platform.windows.tableFailed', { table: protocol === 'tcp' ? 'Tcp' : 'Udp', family: String(family), status: String(status) }));
      return [];
    }
    warnings.push(localizedMessage('platform.windows.tableGrowing', { protocol: protocol.toUpperCase(), family: String(family) }));
    return [];
  }

  /**
   * Pid 0 is no process: TIME_WAIT sockets belong to the kernel alone; any other socket with pid
   * 0 (Wine reports 0 for all TCP sockets) has an owner the OS did not name.
   */
  function decodeRows(rows: ReturnType<typeof decodeOwnerPidTable>): RawSocket[] {
    for (const r of rows) {
      r.owner = r.ownerPid !== 0 ? { pid: r.ownerPid } : { pid: null, status: r.state === 'TIME_WAIT' ? 'time-wait' : 'not-found' };
    }
    return rows;
  }

  async function readSockets(): Promise<{ sockets: RawSocket[]; warnings: EngineMessage[] }> {
    const warnings: EngineMessage[] = [];
    const sockets: RawSocket[] = [];
    const targets: EstatsTarget[] = [];
    for (const [protocol, family] of TABLES) for (const s of readTable(protocol, family, warnings, targets)) sockets.push(s);
    if (targets.length > 0) estats.read(targets, warnings);
    return { sockets, warnings };
  }

  function listPids(): Set<number> {
    processes = listProcesses(api);
    return new Set(processes.keys());
  }

  function readProcess(pid: number): ProcessInfo | null {
    let entry = processes.get(pid);
    if (!entry) {
      processes = listProcesses(api);
      entry = processes.get(pid);
    }
    if (!entry) return null;
    // Only svchost.exe needs its services named to be told apart from its siblings; asking the
    // service manager costs up to half a second the first time, so other processes skip it.
    return readWindowsProcess(api, entry, /^svchost\.exe$/i.test(entry.exeFile) ? services.of(pid) : []);
  }

  function capabilities(): Capabilities {
    return windowsCapabilities(isElevated(), basicTcp ? 'wine' : 'ip-helper', { unavailable: estats.unavailable(), missing: api.estatsMissing });
  }

  function closeConnection(family: Family, c: { localAddress: string; localPort: number; remoteAddress: string; remotePort: number }): void {
    closeTcpEntry((row) => api.SetTcpEntry(row), api.wineVersion !== null, family, c);
  }

  // No endProcess: Node's process.kill already calls TerminateProcess on Windows (for SIGTERM and
  // SIGKILL alike) and maps access denied / no such process to EPERM / ESRCH, as the guard expects.
  // Rows other than established ones carry no counters ('not-collected'): statistics are
  // switched on and read for established connections only.
  return { name: 'windows', trafficUnavailable: 'not-collected', capabilities, readSockets, listPids, readProcess, closeConnection };
}
