import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Builds dist/ (CLI, engine worker, Electron bundles, renderer) once before the e2e suites. */
export default function globalSetup(): void {
  if (process.env.PORTSCOPE_E2E_NO_BUILD === '1') return;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`the build failed (exit ${result.status}); the e2e suites need dist/`);
}
