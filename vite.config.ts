import { defineConfig } from 'vite';

// The renderer is served by `portscope serve` and loaded from file:// in Electron, so every
// asset URL is relative (base './') and the bundle lands where both transports look for it.
export default defineConfig({
  root: 'renderer',
  base: './',
  // The favicon, rendered from assets/icon.svg by scripts/icons.mjs (run first by scripts/build.mjs).
  publicDir: '../dist/icons/web',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: true,
    // No inline module-preload polyfill: the CSP allows scripts from 'self' only.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
  },
  // vite 8 compiles TSX with oxc; React 19's automatic runtime needs no import in each file.
  oxc: { jsx: { runtime: 'automatic' } },
});
