import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';

/**
 * Network namespaces the tests (and the benchmark) create for themselves: traffic to them never
 * leaves this machine and never reaches any other service on it. Names start with `ps-`;
 * addresses are taken from 10.231.0.0/16 and live only inside these namespaces.
 */

export const LISTENERS_SCRIPT = path.resolve(__dirname, 'listeners.mjs');
export const BIN = path.resolve(__dirname, '../../../bin/portscope.js');

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

export function haveCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

/** Why namespace tests cannot run here, or null when they can. */
export function netnsUnavailable(): string | null {
  if (!isRoot()) return 'not running as root (ip netns needs it)';
  if (!haveCommand('ip')) return 'iproute2 (ip) is not installed';
  const probe = `ps-probe-${randomBytes(3).toString('hex')}`;
  const made = spawnSync('ip', ['netns', 'add', probe], { encoding: 'utf8', timeout: 10_000 });
  if (made.status !== 0) return `ip netns add failed: ${made.stderr.trim()}`;
  spawnSync('ip', ['netns', 'del', probe], { timeout: 10_000 });
  return null;
}

function run(cmd: string, args: string[], input?: string, timeoutMs = 20_000): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', input, timeout: timeoutMs });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr}`);
  return r.stdout;
}

export type Listeners = ChildProcessByStdio<Writable, Readable, null>;

export class Netns {
  readonly name: string;
  private readonly children: Listeners[] = [];

  constructor(label: string) {
    this.name = `ps-${label}-${randomBytes(3).toString('hex')}`;
    run('ip', ['netns', 'add', this.name]);
    this.sh(['ip', 'link', 'set', 'lo', 'up']);
  }

  /** Runs a command inside the namespace and returns its stdout; throws on failure. */
  sh(args: string[], input?: string, timeoutMs?: number): string {
    return run('ip', ['netns', 'exec', this.name, ...args], input, timeoutMs);
  }

  /** Runs a command inside the namespace, whatever its exit code. */
  exec(args: string[], options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}) {
    return spawnSync('ip', ['netns', 'exec', this.name, ...args], {
      encoding: 'utf8',
      timeout: options.timeoutMs ?? 60_000,
      maxBuffer: 256 * 1024 * 1024,
      env: options.env ?? process.env,
    });
  }

  /** Loads an nftables ruleset (nft -f -) inside the namespace. */
  nft(ruleset: string): void {
    this.sh(['nft', '-f', '-'], ruleset);
  }

  /** Starts listeners.mjs inside the namespace and waits for the ports it bound. */
  async listeners(spec: Record<string, unknown>, timeoutMs = 30_000): Promise<{ tcp: number[]; udp: number[] }> {
    const child = spawn('ip', ['netns', 'exec', this.name, process.execPath, LISTENERS_SCRIPT, JSON.stringify(spec)], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.children.push(child);
    return await new Promise((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => reject(new Error('listeners did not start in time')), timeoutMs);
      child.stdout.on('data', (d: Buffer) => {
        text += d.toString();
        const nl = text.indexOf('\n');
        if (nl >= 0) {
          clearTimeout(timer);
          resolve(JSON.parse(text.slice(0, nl)) as { tcp: number[]; udp: number[] });
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`listeners exited early (${code})`));
      });
    });
  }

  destroy(): void {
    for (const c of this.children) {
      c.stdin.end();
      c.kill('SIGKILL');
    }
    spawnSync('ip', ['netns', 'del', this.name], { timeout: 10_000 });
  }
}

/** Two namespaces joined by a veth pair: `client` 10.231.X.Y+1, `server` 10.231.X.Y+2 (/30). */
export function linkPair(client: Netns, server: Netns): { clientAddr: string; serverAddr: string } {
  const x = randomBytes(1)[0]!;
  const y = (randomBytes(1)[0]! & 0x3f) * 4;
  const clientAddr = `10.231.${x}.${y + 1}`;
  const serverAddr = `10.231.${x}.${y + 2}`;
  const a = `vps${randomBytes(3).toString('hex')}`;
  const b = `vps${randomBytes(3).toString('hex')}`;
  // Created inside the client namespace, so no interface ever appears in the root namespace.
  client.sh(['ip', 'link', 'add', a, 'type', 'veth', 'peer', 'name', b, 'netns', server.name]);
  client.sh(['ip', 'addr', 'add', `${clientAddr}/30`, 'dev', a]);
  client.sh(['ip', 'link', 'set', a, 'up']);
  server.sh(['ip', 'addr', 'add', `${serverAddr}/30`, 'dev', b]);
  server.sh(['ip', 'link', 'set', b, 'up']);
  return { clientAddr, serverAddr };
}

/**
 * Port states from nmap's XML (-oX -): port -> {state, reason}. nmap folds the commonest states
 * into <extraports>, with the folded ports listed in <extrareasons ports="1-30,…">; both are read,
 * so every scanned port has an entry.
 */
export function parseNmapXml(xml: string): Map<number, { state: string; reason: string }> {
  const out = new Map<number, { state: string; reason: string }>();
  for (const block of xml.matchAll(/<extraports state="([^"]+)"[^>]*>([\s\S]*?)<\/extraports>/g)) {
    for (const r of block[2]!.matchAll(/<extrareasons reason="([^"]+)"[^>]*ports="([^"]+)"/g)) {
      for (const item of r[2]!.split(',')) {
        const [from, to] = item.split('-').map(Number) as [number, number | undefined];
        for (let p = from; p <= (to ?? from); p++) out.set(p, { state: block[1]!, reason: r[1]! });
      }
    }
  }
  for (const m of xml.matchAll(/<port protocol="(\w+)" portid="(\d+)"><state state="([^"]+)" reason="([^"]+)"/g)) {
    out.set(Number(m[2]), { state: m[3]!, reason: m[4]! });
  }
  return out;
}
