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
  const bundled = fileURLToPath(new URL('./engine-worker.mjs', from));
  if (existsSync(bundled)) return { file: bundled };
  const source = fileURLToPath(new URL('./engine-worker.ts', from));
  if (from.endsWith('.ts') && existsSync(source)) return { file: source, execArgv: ['--import', 'tsx'] };
  throw new Error(`The engine worker is missing (looked for ${bundled}): run \`npm run build\` first.`);
}

/** The built renderer: dist/renderer beside the bundled CLI, or the repository's dist/renderer from source. */
export function locateRendererDir(from: string = import.meta.url): string {
  return fileURLToPath(from.endsWith('.ts') ? new URL('../../../dist/renderer/', from) : new URL('./renderer/', from));
}
