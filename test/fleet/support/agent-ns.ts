import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A remote machine for the fleet tests: a network namespace this test creates, joined to the
 * root namespace by a veth pair (10.203.X.Y/30: the root end .1, the namespace end .2), running
 * `portscope agent --listen` on its end. Everything the tests send goes over that veth to the
 * namespace, never anywhere else. Each namespace is deleted in destroy(), and at process exit if a
 * test failed before it got there (the veth pair goes with it).
 */

// import.meta, not __dirname: the Playwright spec (ESM) uses this file too.
export const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const live = new Set<AgentNamespace>();
process.once('exit', () => {
  for (const ns of live) ns.destroy();
});

export function netnsUnavailable(): string | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'not running as root (ip netns needs it)';
  if (spawnSync('sh', ['-c', 'command -v ip'], { encoding: 'utf8' }).status !== 0) return 'iproute2 (ip) is not installed';
  return null;
}

function run(args: string[]): string {
  const r = spawnSync(args[0]!, args.slice(1), { encoding: 'utf8', timeout: 20_000 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr}`);
  return r.stdout;
}

export interface AgentProcess {
  child: ChildProcess;
  fingerprint: string;
  stderr(): string;
  /** SIGTERM and wait (SIGKILL after 5 s). */
  stop(): Promise<void>;
}

export class AgentNamespace {
  readonly name = `ps-fleet-${randomBytes(3).toString('hex')}`;
  readonly hostAddr: string;
  readonly agentAddr: string;
  readonly dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-fleet-agent-'));
  readonly token = randomBytes(24).toString('hex');
  readonly tokenFile: string;
  /** The namespace's end of the veth pair. */
  private readonly inner: string;
  private readonly children = new Set<ChildProcess>();
  private destroyed = false;

  constructor() {
    const x = randomBytes(1)[0]!;
    const y = (randomBytes(1)[0]! & 0x3f) * 4;
    this.hostAddr = `10.203.${x}.${y + 1}`;
    this.agentAddr = `10.203.${x}.${y + 2}`;
    const outer = `vfl${randomBytes(3).toString('hex')}`;
    const inner = (this.inner = `vfl${randomBytes(3).toString('hex')}`);
    run(['ip', 'netns', 'add', this.name]);
    live.add(this);
    try {
      this.sh(['ip', 'link', 'set', 'lo', 'up']);
      run(['ip', 'link', 'add', outer, 'type', 'veth', 'peer', 'name', inner, 'netns', this.name]);
      run(['ip', 'addr', 'add', `${this.hostAddr}/30`, 'dev', outer]);
      run(['ip', 'link', 'set', outer, 'up']);
      this.sh(['ip', 'addr', 'add', `${this.agentAddr}/30`, 'dev', inner]);
      this.sh(['ip', 'link', 'set', inner, 'up']);
    } catch (err) {
      this.destroy();
      throw err;
    }
    this.tokenFile = path.join(this.dataDir, 'token');
    fs.writeFileSync(this.tokenFile, `${this.token}\n`, { mode: 0o600 });
  }

  sh(args: string[]): string {
    return run(['ip', 'netns', 'exec', this.name, ...args]);
  }

  /** `portscope agent` from source inside the namespace; resolves once it listens, with the fingerprint it printed. */
  async startAgent(extra: string[] = [], port = 9480, dataDir = this.dataDir): Promise<AgentProcess> {
    const args = ['netns', 'exec', this.name, process.execPath, '--import', 'tsx', 'electron/cli/index.ts', 'agent'];
    args.push('--listen', `${this.agentAddr}:${port}`, '--listen-token-file', this.tokenFile, '--data-dir', dataDir, '--interval', '250ms', ...extra);
    const child = spawn('ip', args, { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
    this.children.add(child);
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const fingerprint = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the agent did not start within 30 s:\n${stderr}`)), 30_000);
      const check = () => {
        const m = /fingerprint \(SHA-256\): ([0-9A-F:]{95})/.exec(stderr);
        if (m && stderr.includes('running (pid')) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child.stderr!.on('data', check);
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`the agent exited early (${child.exitCode}):\n${stderr}`));
      });
    });
    return {
      child,
      fingerprint,
      stderr: () => stderr,
      stop: async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(kill);
        }
        this.children.delete(child);
      },
    };
  }

  /**
   * Takes the namespace's end of the veth down: packets stop both ways with no FIN or RST, as
   * when a cable is pulled or the machine freezes. `mend()` brings it back (its address stays).
   */
  cut(): void {
    this.sh(['ip', 'link', 'set', this.inner, 'down']);
  }

  mend(): void {
    this.sh(['ip', 'link', 'set', this.inner, 'up']);
  }

  /** A TCP listener inside the namespace (a plain Node server), held until the returned stop. */
  async listen(port: number): Promise<{ pid: number; stop(): void }> {
    const code = `require('net').createServer().listen(${port}, '0.0.0.0', () => console.log('up')); process.stdin.resume(); process.stdin.on('end', () => process.exit(0));`;
    const child = spawn('ip', ['netns', 'exec', this.name, process.execPath, '-e', code], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.children.add(child);
    await new Promise<void>((resolve, reject) => {
      child.stdout!.once('data', () => resolve());
      child.once('exit', (c) => reject(new Error(`listener exited (${c})`)));
    });
    return {
      pid: child.pid!,
      stop: () => {
        child.stdin!.end();
        child.kill('SIGKILL');
        this.children.delete(child);
      },
    };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    live.delete(this);
    for (const c of this.children) c.kill('SIGKILL');
    this.children.clear();
    spawnSync('ip', ['netns', 'del', this.name], { timeout: 10_000 });
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}
