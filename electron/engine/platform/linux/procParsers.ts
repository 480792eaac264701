/** Pure parsers for per-process procfs files. Input is hostile: every field is checked. */

export interface StatFields {
  comm: string;
  state: string;
  ppid: number;
  /** Clock ticks after boot. */
  startTicks: number;
}

/**
 * /proc/<pid>/stat: `pid (comm) state ppid ... starttime(22nd field) ...`. The name may itself
 * contain spaces and parentheses, so it runs from the first '(' to the last ')'.
 */
export function parseStat(text: string): StatFields | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const comm = text.slice(open + 1, close);
  const rest = text.slice(close + 2).trim().split(/\s+/);
  // rest[0] is field 3 (state); field N is rest[N - 3].
  const state = rest[0];
  const ppid = Number(rest[1]);
  const startTicks = Number(rest[19]);
  if (!state || !Number.isInteger(ppid) || !Number.isFinite(startTicks)) return null;
  return { comm, state, ppid, startTicks };
}

/** Real uid from /proc/<pid>/status (`Uid:\treal\teffective\tsaved\tfs`). */
export function parseStatusUid(text: string): number | null {
  const m = /^Uid:\s+(\d+)/m.exec(text);
  return m ? Number(m[1]) : null;
}

/** /proc/<pid>/cmdline: NUL-separated argv, with a trailing NUL. */
export function splitCmdline(buf: Buffer): string[] {
  if (buf.length === 0) return [];
  const text = buf.toString('utf8');
  const parts = text.split('\0');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** How a shell would need it written: args with spaces or quotes are single-quoted. */
export function joinCommandLine(args: readonly string[]): string {
  return args.map((a) => (a !== '' && /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** btime from /proc/stat: boot time in seconds since the epoch. */
export function parseBootTime(text: string): number | null {
  const m = /^btime\s+(\d+)/m.exec(text);
  return m ? Number(m[1]) : null;
}

export interface CgroupInfo {
  unit: string | null;
  container: string | null;
}

const CONTAINER_PATTERNS: Array<[RegExp, string]> = [
  [/docker-([0-9a-f]{12,64})\.scope/, 'docker'],
  [/\/docker\/([0-9a-f]{12,64})/, 'docker'],
  [/libpod-(?:conmon-)?([0-9a-f]{12,64})\.scope/, 'podman'],
  [/cri-containerd-([0-9a-f]{12,64})\.scope/, 'containerd'],
  [/crio-([0-9a-f]{12,64})\.scope/, 'cri-o'],
  [/\/kubepods[^\s]*?\/([0-9a-f]{64})/, 'kubernetes'],
  [/\/lxc(?:\.payload)?[./]([^/\s]+)/, 'lxc'],
];

/**
 * Unit and container from /proc/<pid>/cgroup. cgroup v2 has one `0::/path` line; v1 has many,
 * where the name=systemd or cpu hierarchy carries the path.
 */
export function parseCgroup(text: string): CgroupInfo {
  const paths: string[] = [];
  for (const line of text.split('\n')) {
    const first = line.indexOf(':');
    const second = line.indexOf(':', first + 1);
    if (first < 0 || second < 0) continue;
    const controllers = line.slice(first + 1, second);
    const path = line.slice(second + 1).trim();
    if (!path) continue;
    if (controllers === '' || controllers === 'name=systemd') paths.unshift(path);
    else paths.push(path);
  }
  let container: string | null = null;
  let unit: string | null = null;
  for (const path of paths) {
    if (!container) {
      for (const [re, runtime] of CONTAINER_PATTERNS) {
        const m = re.exec(path);
        if (m?.[1]) {
          container = `${runtime}:${m[1].slice(0, 12)}`;
          break;
        }
      }
    }
    if (!unit) {
      // The innermost .service (or .scope) segment names the unit; skip container scopes.
      const segments = path.split('/').filter(Boolean).reverse();
      const found = segments.find((s) => s.endsWith('.service')) ??
        segments.find((s) => s.endsWith('.scope') && !/^(docker|libpod|cri-containerd|crio)-/.test(s));
      if (found) unit = found;
    }
  }
  return { unit, container };
}

/** /etc/passwd -> uid to user name. */
export function parsePasswd(text: string): Map<number, string> {
  const users = new Map<number, string>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const f = line.split(':');
    const uid = Number(f[2]);
    if (f[0] && Number.isInteger(uid) && !users.has(uid)) users.set(uid, f[0]);
  }
  return users;
}

/**
 * The kernel keeps only 15 bytes of a task name. When it was cut, take the longer name the
 * executable or argv[0] gives, as long as it starts the same way.
 */
export function completeName(comm: string, exe: string | null, args: readonly string[]): string {
  if (Buffer.byteLength(comm) < 15) return comm;
  for (const candidate of [exe, args[0]]) {
    if (!candidate) continue;
    const base = candidate.replace(/ \(deleted\)$/, '').split('/').pop() ?? '';
    if (base.length > comm.length && base.startsWith(comm)) return base;
  }
  return comm;
}

/** `socket:[12345]` -> 12345, anything else -> -1. */
export function socketInode(link: string): number {
  if (!link.startsWith('socket:[') || !link.endsWith(']')) return -1;
  const n = Number(link.slice(8, -1));
  return Number.isInteger(n) && n > 0 ? n : -1;
}
