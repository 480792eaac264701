// `npm run package`: builds, then packages the desktop app for this OS with electron-builder
// (electron-builder.yml); `npm run package -- --dir` lays it out unpacked in release/<os>-unpacked.
// `--no-build` packages the dist/ already built; `--out <dir>` writes elsewhere than release/ (the
// package test uses both). Other arguments go to electron-builder.
//
// electron-builder copies the Electron binary from node_modules/electron/dist. Where that binary
// was never downloaded (it comes from GitHub, which some build machines cannot reach), it packages
// against a STAND-IN instead: a tiny script where the Electron executable would be, that only says
// what it is. Everything Portscope puts in the package (app.asar, app.asar.unpacked, icons) is
// real and checked by test/package/; the stand-in package cannot run.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const STAND_IN_MARKER = 'PORTSCOPE-ELECTRON-STAND-IN';
const args = process.argv.slice(2);
const noBuild = take('--no-build');
const out = path.resolve(root, takeValue('--out') ?? 'release');

if (noBuild) {
  if (!existsSync(path.join(root, 'dist/renderer/index.html')) || !existsSync(path.join(root, 'dist/icons/icon.icns'))) {
    console.error('portscope package: --no-build, but dist/ has no renderer or icons: run `npm run build` first.');
    process.exit(1);
  }
} else {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('portscope package: the build failed (see above); nothing was packaged.');
    process.exit(build.status ?? 1);
  }
}

const electronPkg = path.dirname(require.resolve('electron/package.json'));
const electronVersion = JSON.parse(readFileSync(path.join(electronPkg, 'package.json'), 'utf8')).version;
const realDist = path.join(electronPkg, 'dist');
const pathFile = path.join(electronPkg, 'path.txt');
const haveElectron = existsSync(pathFile) && existsSync(path.join(realDist, readFileSync(pathFile, 'utf8').trim()));

let electronDist = realDist;
let standIn = false;
if (!haveElectron) {
  if (process.platform !== 'linux') {
    console.error(
      'portscope package: the Electron binary is not installed (node_modules/electron/dist is empty), and a stand-in is only made on Linux. ' +
        'Run `node node_modules/electron/install.js` where GitHub (or an ELECTRON_MIRROR) is reachable, then package again.',
    );
    process.exit(1);
  }
  standIn = true;
  electronDist = mkdtempSync(path.join(tmpdir(), 'portscope-electron-stand-in-'));
  process.on('exit', () => rmSync(electronDist, { recursive: true, force: true }));
  makeStandIn(electronDist);
  console.warn(
    '\n' +
      '  portscope package: THE ELECTRON BINARY IS NOT INSTALLED on this machine (it downloads from GitHub).\n' +
      '  Packaging against a STAND-IN Electron binary instead: the package holds the real app (app.asar,\n' +
      '  app.asar.unpacked, icons) and is checked by test/package/, but its executable is a stand-in\n' +
      `  script and the package cannot run. For a real package: node node_modules/electron/install.js\n\n`,
  );
}

const cli = require.resolve('electron-builder/cli.js');
const r = spawnSync(process.execPath, [cli, '--publish', 'never', `--config.electronDist=${electronDist}`, `--config.electronVersion=${electronVersion}`, `--config.directories.output=${out}`, ...args], {
  cwd: root,
  stdio: 'inherit',
});
if (r.status !== 0) {
  console.error(`portscope package: electron-builder failed (exit ${r.status ?? r.signal}).` + (args.includes('--dir') ? '' : ' Installers (AppImage, deb) need tools electron-builder downloads from GitHub; `npm run package -- --dir` needs none.'));
  process.exit(r.status ?? 1);
}

const unpacked = findUnpacked();
if (unpacked) {
  const resources = path.join(unpacked, 'resources');
  const appBytes = statSync(path.join(resources, 'app.asar')).size + folderBytes(path.join(resources, 'app.asar.unpacked'));
  console.log(`portscope package: ${unpacked}: the app beside Electron (app.asar + app.asar.unpacked) is ${(appBytes / 1024 / 1024).toFixed(1)} MB (budget 40 MB)${standIn ? '; built against the Electron STAND-IN' : ''}`);
}

/**
 * An unpacked "Electron" for electron-builder to copy: the executable it renames to the app's
 * name (here a script that says it is a stand-in) and the resources folder it fills.
 */
function makeStandIn(dir) {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const exe = path.join(dir, 'electron');
  writeFileSync(
    exe,
    `#!/bin/sh\n# ${STAND_IN_MARKER}: Electron ${electronVersion} was not installed when this package was built.\n` +
      `echo "This Portscope package was built with a stand-in for the Electron ${electronVersion} binary, which was not installed; it cannot run. Rebuild it where node_modules/electron has its binary." >&2\nexit 1\n`,
  );
  chmodSync(exe, 0o755);
  writeFileSync(path.join(dir, 'version'), `${electronVersion}\n`);
  writeFileSync(path.join(dir, 'STAND-IN.txt'), `${STAND_IN_MARKER}\nNot Electron: a stand-in made by scripts/package.mjs because the Electron binary was missing.\n`);
}

function take(flag) {
  const i = args.indexOf(flag);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
}

function takeValue(flag) {
  const i = args.indexOf(flag);
  if (i < 0) return null;
  const [, value] = args.splice(i, 2);
  if (!value) {
    console.error(`portscope package: ${flag} needs a value`);
    process.exit(2);
  }
  return value;
}

function findUnpacked() {
  const release = out;
  if (!existsSync(release)) return null;
  const dirs = readdirSync(release).filter((d) => /-unpacked$/.test(d) && existsSync(path.join(release, d, 'resources', 'app.asar')));
  dirs.sort((a, b) => statSync(path.join(release, b)).mtimeMs - statSync(path.join(release, a)).mtimeMs);
  return dirs[0] ? path.join(release, dirs[0]) : null;
}

function folderBytes(dir) {
  let total = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(p) : statSync(p).size;
  }
  return total;
}
