import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WorkerEntry } from './worker-link';

/**
 * Finds the engine worker for the ESM front ends (the CLI's `serve`). Bundled, this module lives in
 * dist/cli.mjs and the worker next to it in dist/engine-worker.mjs. Run from source (tests, tsx),
 * the worker is the TypeScript file beside this one, loaded through tsx.
 * The Electron main bundle is CommonJS and passes its own path (it has __dirname, not import.meta).
 */
export function locateEngineWorker(from: string = import.meta.url): WorkerEntry {
  // Bundled code may sit in dist/ itself or in a chunk below it (dist/chunks/).
  const bundled = fileURLToPath(new URL('./engine-worker.mjs', from));
  if (existsSync(bundled)) return { file: bundled };
  const fromChunk = fileURLToPath(new URL('../engine-worker.mjs', from));
  if (existsSync(fromChunk)) return { file: fromChunk };
  const source = fileURLToPath(new URL('./engine-worker.ts', from));
  if (from.endsWith('.ts') && existsSync(source)) return { file: source, execArgv: ['--import', 'tsx'] };
  throw new Error(`The engine worker is missing (looked for ${bundled}): run \`npm run build\` first.`);
}

/** The built renderer: dist/renderer beside the bundled CLI, or the repository's dist/renderer from source. */
export function locateRendererDir(from: string = import.meta.url): string {
  if (from.endsWith('.ts')) return fileURLToPath(new URL('../../../dist/renderer/', from));
  const beside = fileURLToPath(new URL('./renderer/', from));
  return existsSync(beside) ? beside : fileURLToPath(new URL('../renderer/', from));
}
