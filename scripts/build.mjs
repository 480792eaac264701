// Builds everything that runs: the CLI (and browser-mode host), the Electron main and preload,
// and the renderer. Runs on `npm install` (prepare) so `portscope` works right after install.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  define: { PORTSCOPE_VERSION: JSON.stringify(pkg.version) },
  // Electron is the host, never bundled.
  external: ['electron'],
};

// ESM bundles still meet CommonJS dependencies that call require() for built-ins.
const esmBanner = {
  js: "import { createRequire as __portscopeCreateRequire } from 'node:module'; const require = __portscopeCreateRequire(import.meta.url);",
};

const targets = [
  // Minified: a CLI command's start-up is mostly parsing this bundle (zod alone is ~750 KB unminified).
  // Split: commands and engine parts loaded on demand (scan, serve, report) become chunks.
  {
    entryPoints: { cli: 'electron/cli/index.ts' },
    outdir: 'dist',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    banner: esmBanner,
    minify: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  },
];

// Each part of the app adds its bundles in scripts/build-targets/<part>.mjs, exporting
// `targets(esmBanner)` -> esbuild options (entryPoints, outdir, format, ...).
const targetsDir = path.join(root, 'scripts/build-targets');
if (existsSync(targetsDir)) {
  for (const file of readdirSync(targetsDir).filter((f) => f.endsWith('.mjs')).sort()) {
    const mod = await import(pathToFileURL(path.join(targetsDir, file)).href);
    targets.push(...mod.targets(esmBanner));
  }
}

// Chunk names carry content hashes: clear old ones so dist/ holds only what this build made.
rmSync(path.join(root, 'dist/chunks'), { recursive: true, force: true });

const started = performance.now();
await Promise.all(targets.filter((t) => t.entryPoints && Object.values(t.entryPoints).every((e) => existsSync(path.join(root, e)))).map((t) => build({ ...common, ...t })));

buildNative();
await buildAppIcons();

if (!process.argv.includes('--no-renderer') && existsSync(path.join(root, 'renderer/index.html'))) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
if (!watch) console.log(`portscope: built in ${Math.round(performance.now() - started)} ms`);

/** The icons (PNG sizes, .ico, .icns, favicon) from assets/icon.svg: scripts/icons.mjs. */
async function buildAppIcons() {
  try {
    const { buildIcons } = await import('./icons.mjs');
    await buildIcons();
  } catch (err) {
    // Its renderers are dev dependencies: an install without them builds everything else.
    console.warn(`portscope: the icons were not rendered (${err instanceof Error ? err.message : String(err)})`);
  }
}

/**
 * The sock_diag netlink reader (native/sockdiag.c): a plain C file against Node-API headers, so a
 * C compiler is all it needs (no node-gyp, no Python), and one build serves Node and Electron.
 * Optional: without it the engine reads /proc/net, only slower.
 */
function buildNative() {
  if (process.platform !== 'linux') return;
  const sources = ['native/sockdiag.c', 'native/socktable.c'].map((f) => path.join(root, f));
  const out = path.join(root, 'dist/native/sockdiag.node');
  const newest = Math.max(...[...sources, path.join(root, 'native/sockdiag.h')].map((f) => statSync(f).mtimeMs));
  if (existsSync(out) && statSync(out).mtimeMs > newest) return;
  mkdirSync(path.dirname(out), { recursive: true });
  const headers = path.join(root, 'node_modules/node-api-headers/include');
  try {
    execFileSync(process.env.CC || 'cc', ['-shared', '-fPIC', '-O2', '-Wall', '-DNODE_GYP_MODULE_NAME=sockdiag', '-I', headers, '-o', out, ...sources], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (err) {
    console.warn(`portscope: the netlink socket reader was not built (${String(err.stderr || err.message).trim().split('\n')[0]}); the engine will read /proc/net instead`);
  }
}
