import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The bundled worker's file name, next to the bundle that starts it (see scripts/build-targets/scan.mjs). */
export const WORKER_BUNDLE = 'scan-worker.mjs';

function here(): string {
  // ESM (dev, dist/cli.mjs) has import.meta.url; a CommonJS bundle (the Electron main) has __filename.
  const url = typeof import.meta === 'object' && typeof import.meta.url === 'string' ? import.meta.url : pathToFileURL(__filename).href;
  return path.dirname(fileURLToPath(url));
}

/**
 * tsx's loader as a file URL. A bare `--import tsx` is resolved from the process's working
 * directory, so a scan started from any other folder would fail to load the worker.
 */
function tsxLoader(fromDir: string): string {
  try {
    return pathToFileURL(createRequire(path.join(fromDir, 'pool.ts')).resolve('tsx')).href;
  } catch {
    return 'tsx';
  }
}

export interface WorkerEntry {
  file: string;
  execArgv: string[];
}

/**
 * Where the scan worker lives: PORTSCOPE_SCAN_WORKER if set; the bundle next to (or one folder
 * above) the running bundle; else, running from sources (vitest, tsx), worker.ts through tsx.
 */
export function workerEntry(): WorkerEntry {
  const override = process.env.PORTSCOPE_SCAN_WORKER;
  if (override) return { file: override, execArgv: override.endsWith('.ts') ? ['--import', tsxLoader(here())] : [] };
  const dir = here();
  for (const candidate of [path.join(dir, WORKER_BUNDLE), path.join(dir, '..', WORKER_BUNDLE)]) {
    // Packaged, a worker thread's module loader cannot read inside app.asar: electron-builder
    // unpacks the bundle (asarUnpack) and we start it from there.
    const unpacked = candidate.replace(`${path.sep}app.asar${path.sep}`, `${path.sep}app.asar.unpacked${path.sep}`);
    if (unpacked !== candidate && existsSync(unpacked)) return { file: unpacked, execArgv: [] };
    if (existsSync(candidate)) return { file: candidate, execArgv: [] };
  }
  const source = path.join(dir, 'worker.ts');
  if (existsSync(source)) return { file: source, execArgv: ['--import', tsxLoader(dir)] };
  throw new Error(`scan worker not found next to ${dir}: run the build (node scripts/build.mjs)`);
}

export function startWorker(entry: WorkerEntry = workerEntry()): Worker {
  // A scan thread needs little memory (one host group's addresses and its connects in flight);
  // without a limit each thread's heap grows lazily towards V8's default of several hundred MB.
  return new Worker(entry.file, { execArgv: entry.execArgv, stdout: false, stderr: false, resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 } });
}
