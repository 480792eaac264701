// `npm start`: build, then open the desktop app. Where the Electron binary is missing (it is
// downloaded from GitHub, which some machines cannot reach), say so once and serve the same
// dashboard in browser mode instead. Extra arguments go to `portscope serve`
// (`npm start -- --port 8080`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const passThrough = process.argv.slice(2);

const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('portscope: the build failed (see above); nothing was started.');
  process.exit(build.status ?? 1);
}

/**
 * The Electron executable, or why there is none. `require('electron')` would try to download a
 * missing binary (and hang on a machine without GitHub access), so the files it reads are checked
 * first and it is only asked once they exist.
 */
function findElectron() {
  const require = createRequire(import.meta.url);
  let pkgDir;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    if (!existsSync(pathFile)) return { reason: 'the electron package is installed without its binary' };
    if (!existsSync(path.join(pkgDir, 'dist', readFileSync(pathFile, 'utf8')))) return { reason: 'the Electron binary is missing from node_modules/electron/dist' };
  }
  try {
    const executable = require('electron');
    return typeof executable === 'string' && existsSync(executable) ? { executable } : { reason: `electron points to ${executable}, which does not exist` };
  } catch (err) {
    return { reason: err instanceof Error ? err.message : String(err) };
  }
}

/** Runs a child in the foreground: Ctrl-C and SIGTERM reach it, and its exit code becomes ours. */
function foreground(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  const forward = (signal) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('error', (err) => {
    console.error(`portscope: could not start ${command}: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 1)));
}

const electron = findElectron();
if (electron.executable) {
  // Chromium refuses to run as root with its OS sandbox (containers, CI). The renderer's own
  // sandbox option stays on; only the setuid/namespace layer is skipped, and only for root.
  const rootOnly = process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  foreground(electron.executable, [...rootOnly, root]);
} else {
  console.error(
    `\nportscope: The Electron binary is not installed (${electron.reason}), so the desktop window cannot open. ` +
      "npm installs the electron package, but its binary is downloaded separately from GitHub's release servers, which this machine cannot reach. " +
      'Starting browser mode instead: the same dashboard and engine, served by `portscope serve` on this machine only (127.0.0.1); open the URL printed below (it carries a one-run access token). ' +
      'To get the desktop app, run `node node_modules/electron/install.js` where GitHub (or an ELECTRON_MIRROR) is reachable, then `npm start` again.\n',
  );
  foreground(process.execPath, [path.join(root, 'bin/portscope.js'), 'serve', '--open', ...passThrough]);
}
