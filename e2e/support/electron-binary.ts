import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The Electron executable, or why it is missing. Never calls `require('electron')` before its
 * files are known to exist: with a missing binary that call starts a download from GitHub.
 */
export function electronBinary(): { path: string } | { reason: string } {
  const require = createRequire(import.meta.url);
  let dir: string;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return { path: require('electron') as string };
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { reason: "the Electron binary is not installed (it is downloaded from GitHub, which this machine cannot reach); run `node node_modules/electron/install.js` where it can" };
  }
  const executable = path.join(dir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(executable) ? { path: executable } : { reason: `the Electron binary ${executable} is missing` };
}
