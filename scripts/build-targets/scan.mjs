// The port scanner's worker thread (see electron/engine/scan/pool.ts): dist/scan-worker.mjs sits
// next to dist/cli.mjs and dist/engine-worker.mjs, and one folder above dist/electron/main.cjs,
// which is where pool.ts looks for it. Minified like the CLI: every scan starts fresh threads,
// and parsing is most of a thread's start-up.
export function targets(esmBanner) {
  return [
    {
      entryPoints: { 'scan-worker': 'electron/engine/scan/worker.ts' },
      outdir: 'dist',
      format: 'esm',
      outExtension: { '.js': '.mjs' },
      banner: esmBanner,
      minify: true,
    },
  ];
}
