import fs from 'node:fs';
import os from 'node:os';
import type { Family, ProcessInfo, Protocol } from '../../../../shared/contract/sockets';
import { localizedMessage, type EngineMessage } from '../../localizedText';
import type { CommandRunner, OwnerLookup, PlatformAdapter, RawSocket, SocketChanges } from '../types';
import { AddressDecoder, parseIfInet6, parseProcNet } from './procNet';
import {
  completeName,
  joinCommandLine,
  parseBootTime,
  parseCgroup,
  parsePasswd,
  parseStat,
  parseStatusUid,
  socketInode,
  splitCmdline,
} from './procParsers';
import { readDualStack } from './dualStack';
import { linuxCapabilities } from '../capabilities';
import { endpointKey } from '../socketKey';
import { loadSockDiag, RecordDecoder, SocketTable, type SockDiagAddon } from './sockDiag';
import { addressBytes } from './addressBytes';

export interface LinuxAdapterOptions {
  /** Where procfs is mounted; tests point this at crafted trees. */
  procRoot?: string;
  /** Where passwd lives. */
  etcRoot?: string;
  run: CommandRunner;
  littleEndian?: boolean;
  /**
   * The native reader (native/sockdiag.c). Default: the built addon, if any. Its netlink dump is
   * used only when reading this machine's own /proc (netlink answers for the live kernel, not
   * for a crafted tree); its fd walk honours procRoot. null forces the pure-JS paths.
   */
  native?: SockDiagAddon | null;
}

const TABLES: Array<[string, Protocol, Family]> = [
  ['net/tcp', 'tcp', 4],
  ['net/tcp6', 'tcp', 6],
  ['net/udp', 'udp', 4],
  ['net/udp6', 'udp', 6],
];

/** USER_HZ: the unit of /proc/<pid>/stat times; 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS = 100;

// One scratch buffer for procfs reads: /proc/net tables are generated per read() call, so few,
// large reads are much cheaper than Node's default 64 KiB loop with its per-chunk allocations.
let scratch = Buffer.allocUnsafe(1 << 20);

function readProcFile(path: string): string {
  const fd = fs.openSync(path, 'r');
  try {
    let length = 0;
    for (;;) {
      if (length === scratch.length) {
        const bigger = Buffer.allocUnsafe(scratch.length * 2);
        scratch.copy(bigger);
        scratch = bigger;
      }
      const n = fs.readSync(fd, scratch, length, scratch.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return scratch.toString('latin1', 0, length);
  } finally {
    fs.closeSync(fd);
  }
}

function errorCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : 'UNKNOWN';
}

export function createLinuxAdapter(options: LinuxAdapterOptions): PlatformAdapter {
  const procRoot = options.procRoot ?? '/proc';
  const etcRoot = options.etcRoot ?? '/etc';
  const decoder = new AddressDecoder(options.littleEndian ?? os.endianness() === 'LE');
  // Sockets whose v6only flag is known, by inode: asked once per socket, not per refresh.
  const dualStackByInode = new Map<number, boolean>();
  const native = options.native !== undefined ? options.native : loadSockDiag();
  const netlink = procRoot === '/proc' ? native : null;
  const records = new RecordDecoder();
  let netlinkBroken = false;
  // The diffing reader with tcp_info (native/socktable.c), when this build has it.
  let table: SocketTable | null = null;
  let users: Map<number, string> | null = null;
  let bootTime: number | null | undefined;

  function userName(uid: number | null): string | null {
    if (uid === null) return null;
    if (!users) {
      try {
        users = parsePasswd(fs.readFileSync(`${etcRoot}/passwd`, 'utf8'));
      } catch {
        users = new Map();
      }
    }
    return users.get(uid) ?? null;
  }

  function boot(): number | null {
    if (bootTime === undefined) {
      try {
        bootTime = parseBootTime(fs.readFileSync(`${procRoot}/stat`, 'utf8'));
      } catch {
        bootTime = null;
      }
    }
    return bootTime;
  }

  async function readSockets(): Promise<{ sockets: RawSocket[]; warnings: EngineMessage[]; pending: Promise<void>; changes?: SocketChanges }> {
    const warnings: EngineMessage[] = [];
    const fromTable = netlink && !netlinkBroken ? scanTable(netlink, warnings) : null;
    if (fromTable) {
      const { sockets, changes } = fromTable;
      const fresh = changes.added.concat(changes.replaced.map((pair) => pair[1]));
      addScopes(fresh);
      // v6only came with each record: `ss` is never needed on this path.
      for (const s of fresh) s.dualStack = s.family === 6 && s.localAddress === '::' ? (s.dualStack ?? null) : null;
      return { sockets, warnings, pending: Promise.resolve(), changes };
    }
    const byInode = new Map<number, RawSocket>();
    const orphans = new Map<string, RawSocket>();
    for (const [file, protocol, family] of TABLES) {
      const table = (netlink && !netlinkBroken ? dumpNetlink(netlink, protocol, family, warnings) : null) ?? readTable(file, protocol, family, warnings);
      // procfs reads are not atomic: a socket can show up twice when the table moves under us.
      for (const s of table) {
        if (s.inode !== 0) byInode.set(s.inode, s);
        else orphans.set(endpointKey(s), s);
      }
    }
    const sockets = [...byInode.values(), ...orphans.values()];
    addScopes(sockets);
    return { sockets, warnings, pending: addDualStack(sockets, warnings) };
  }

  function readTable(file: string, protocol: Protocol, family: Family, warnings: EngineMessage[]): RawSocket[] {
    let text: string;
    try {
      text = readProcFile(`${procRoot}/${file}`);
    } catch (err) {
      // A kernel without IPv6 has no tcp6/udp6: that is not worth a warning.
      if (errorCode(err) !== 'ENOENT' || family === 4) warnings.push(localizedMessage('platform.linux.readFailed', { file, code: errorCode(err) }));
      return [];
    }
    const { sockets, malformed } = parseProcNet(text, protocol, family, decoder);
    if (malformed > 0) warnings.push(localizedMessage('platform.linux.malformed', { file, count: malformed }));
    return sockets;
  }

  function scanTable(addon: SockDiagAddon, warnings: EngineMessage[]): { sockets: RawSocket[]; changes: SocketChanges } | null {
    if (!addon.openTable || !addon.scan) return null; // an addon from before the diffing reader
    try {
      table ??= new SocketTable(addon as SockDiagAddon & { openTable(): object; scan(table: object): Buffer });
      return table.read();
    } catch (err) {
      table = null;
      netlinkBroken = true;
      warnings.push(localizedMessage('platform.linux.netlinkUnavailable', { code: errorCode(err) }));
      return null;
    }
  }

  function dumpNetlink(addon: SockDiagAddon, protocol: Protocol, family: Family, warnings: EngineMessage[]): RawSocket[] | null {
    try {
      return records.decode(addon.dump(family, protocol === 'tcp' ? 6 : 17), addon.recordSize, protocol, family);
    } catch (err) {
      // No IPv6 in this kernel: procfs will say the same, quietly. Anything else: say it once, use procfs.
      if (errorCode(err) === 'EINVAL' && family === 6) return null;
      netlinkBroken = true;
      warnings.push(localizedMessage('platform.linux.netlinkUnavailable', { code: errorCode(err) }));
      return null;
    }
  }

  function addScopes(sockets: RawSocket[]): void {
    let scopes: Map<string, string> | null = null;
    for (const s of sockets) {
      s.scopeId = null;
      if (s.family !== 6 || !/^fe[89ab]/i.test(s.localAddress)) continue;
      if (!scopes) {
        try {
          scopes = parseIfInet6(fs.readFileSync(`${procRoot}/net/if_inet6`, 'utf8'));
        } catch {
          scopes = new Map();
        }
      }
      s.scopeId = scopes.get(s.localAddress) ?? null;
    }
  }

  async function addDualStack(sockets: RawSocket[], warnings: EngineMessage[]): Promise<void> {
    const candidates = sockets.filter(
      (s) => s.family === 6 && s.localAddress === '::' && (s.state === 'LISTEN' || s.state === 'UNCONN'),
    );
    const live = new Set(candidates.map((s) => s.inode));
    for (const inode of dualStackByInode.keys()) if (!live.has(inode)) dualStackByInode.delete(inode);
    // sock_diag reports IPV6_V6ONLY itself; only procfs-read sockets need `ss`.
    for (const s of candidates) if (s.dualStack !== undefined && s.dualStack !== null) dualStackByInode.set(s.inode, s.dualStack);
    const unknown = candidates.filter((s) => !dualStackByInode.has(s.inode));
    if (unknown.length > 0) {
      // procfs does not show IPV6_V6ONLY; the sock_diag netlink answer (through `ss -e`) does.
      const result = await readDualStack(options.run);
      if (result.error) warnings.push(result.error);
      for (const [inode, dual] of result.byInode) dualStackByInode.set(inode, dual);
    }
    for (const s of sockets) {
      s.dualStack = s.family === 6 && s.localAddress === '::' ? (dualStackByInode.get(s.inode) ?? null) : null;
    }
  }

  function listPids(): Set<number> {
    const pids = new Set<number>();
    for (const name of fs.readdirSync(procRoot)) {
      const c = name.charCodeAt(0);
      if (c < 48 || c > 57) continue;
      const pid = Number(name);
      if (Number.isInteger(pid) && pid > 0) pids.add(pid);
    }
    return pids;
  }

  function findOwners(inodes: ReadonlySet<number>, full: boolean, firstPids: readonly number[] = [], onlyFirst = false): OwnerLookup {
    if (inodes.size === 0 && !full) return { owners: new Map(), deniedPids: 0, vanishedPids: 0 };
    if (native) {
      try {
        return findOwnersNative(native, inodes, full, firstPids, onlyFirst);
      } catch {
        // fall through to the JS walk (e.g. an addon from an older build without owners())
      }
    }
    return findOwnersJs(inodes, full, firstPids, onlyFirst);
  }

  function findOwnersNative(addon: SockDiagAddon, inodes: ReadonlySet<number>, full: boolean, firstPids: readonly number[], onlyFirst: boolean): OwnerLookup {
    const wanted = full ? null : Uint32Array.from([...inodes].filter((i) => i <= 0xffffffff)).sort();
    const buf = addon.owners(procRoot, wanted, firstPids.length > 0 ? Uint32Array.from(firstPids) : null, onlyFirst);
    const owners = new Map<number, number[]>();
    for (let at = 8; at + 8 <= buf.length; at += 8) {
      const pid = buf.readUInt32LE(at);
      const inode = buf.readUInt32LE(at + 4);
      if (!inodes.has(inode)) continue;
      const list = owners.get(inode);
      if (!list) owners.set(inode, [pid]);
      else if (!list.includes(pid)) list.push(pid);
    }
    for (const list of owners.values()) list.sort((a, b) => a - b);
    return { owners, deniedPids: buf.readUInt32LE(0), vanishedPids: buf.readUInt32LE(4) };
  }

  function findOwnersJs(inodes: ReadonlySet<number>, full: boolean, firstPids: readonly number[], onlyFirst: boolean): OwnerLookup {
    const owners = new Map<number, number[]>();
    let deniedPids = 0;
    let vanishedPids = 0;
    // Likely owners first, then the newest processes: a socket we have not seen yet most likely
    // belongs to one of them.
    const first = new Set(firstPids);
    const pids = onlyFirst ? [...firstPids] : [...firstPids, ...[...listPids()].filter((p) => !first.has(p)).sort((a, b) => b - a)];
    let remaining = inodes.size;
    for (const pid of pids) {
      const dir = `${procRoot}/${pid}/fd`;
      let fds: string[];
      try {
        fds = fs.readdirSync(dir);
      } catch (err) {
        if (errorCode(err) === 'ENOENT' || errorCode(err) === 'ESRCH') vanishedPids++;
        else deniedPids++;
        continue;
      }
      for (const fd of fds) {
        let link: string;
        try {
          link = fs.readlinkSync(`${dir}/${fd}`);
        } catch {
          continue; // closed between readdir and readlink
        }
        const inode = socketInode(link);
        if (inode < 0 || !inodes.has(inode)) continue;
        const list = owners.get(inode);
        if (!list) {
          owners.set(inode, [pid]);
          remaining--;
        } else if (!list.includes(pid)) list.push(pid);
      }
      if (!full && remaining === 0) break;
    }
    for (const list of owners.values()) list.sort((a, b) => a - b);
    return { owners, deniedPids, vanishedPids };
  }

  function readProcess(pid: number): ProcessInfo | null {
    const base = `${procRoot}/${pid}`;
    let stat;
    try {
      stat = parseStat(fs.readFileSync(`${base}/stat`, 'utf8'));
    } catch {
      return null;
    }
    if (!stat) return null;
    const unavailable: Array<{ field: string; reason: string }> = [];
    const attempt = <T>(field: string, read: () => T, fallback: T): T => {
      try {
        return read();
      } catch (err) {
        const code = errorCode(err);
        unavailable.push({
          field,
          reason: code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' || code === 'ESRCH' ? 'process exited' : code,
        });
        return fallback;
      }
    };
    const exe = attempt('exe', () => fs.readlinkSync(`${base}/exe`), null as string | null);
    const args = attempt('args', () => splitCmdline(fs.readFileSync(`${base}/cmdline`)), [] as string[]);
    const uid = attempt('uid', () => parseStatusUid(fs.readFileSync(`${base}/status`, 'utf8')), null as number | null);
    const cgroup = attempt('cgroup', () => parseCgroup(fs.readFileSync(`${base}/cgroup`, 'utf8')), {
      unit: null,
      container: null,
    });
    const bt = boot();
    const startTime = bt === null ? null : new Date((bt + stat.startTicks / CLOCK_TICKS) * 1000).toISOString();
    return {
      pid,
      ppid: stat.ppid,
      name: completeName(stat.comm, exe, args),
      exe,
      args,
      commandLine: args.length > 0 ? joinCommandLine(args) : `[${stat.comm}]`,
      uid,
      user: userName(uid),
      startTime,
      unit: cgroup.unit,
      container: cgroup.container,
      unavailable,
    };
  }

  function isDefunct(pid: number): boolean {
    try {
      const state = parseStat(fs.readFileSync(`${procRoot}/${pid}/stat`, 'utf8'))?.state;
      return state === 'Z' || state === 'X';
    } catch {
      return false;
    }
  }

  function closeConnection(family: Family, c: { localAddress: string; localPort: number; remoteAddress: string; remotePort: number }): void {
    // Only this machine's own kernel can abort its sockets: never for a crafted procfs tree.
    if (!netlink?.destroy) throw Object.assign(new Error('the native sock_diag reader is not built'), { code: 'EOPNOTSUPP' });
    netlink.destroy(family, addressBytes(c.localAddress, family), c.localPort, addressBytes(c.remoteAddress, family), c.remotePort);
  }

  // Counters come from sock_diag's tcp_info; /proc/net has none.
  return { name: 'linux', trafficUnavailable: 'not-collected', capabilities: () => linuxCapabilities(undefined, Boolean(netlink?.scan) && !netlinkBroken), readSockets, findOwners, listPids, readProcess, isDefunct, closeConnection };
}
