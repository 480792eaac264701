import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** This module's folder; the working directory where a CommonJS bundle has no import.meta. */
function moduleDir(): string {
  try {
    return path.dirname(fileURLToPath(import.meta.url));
  } catch {
    return process.cwd();
  }
}

/**
 * Finds a file that ships with Portscope (assets, the native reader) from wherever this code runs:
 * dist/cli.mjs (one folder below the package root), the sources (three below), or an unpacked
 * Electron app. Walks up a few folders trying each relative path.
 */
export function findPackageFile(...relativePaths: string[]): string | null {
  let dir = moduleDir();
  for (let i = 0; i < 5; i++) {
    for (const rel of relativePaths) {
      const candidate = path.join(dir, rel);
      if (fs.existsSync(candidate)) return candidate;
      const unpacked = candidate.replace(`${path.sep}app.asar${path.sep}`, `${path.sep}app.asar.unpacked${path.sep}`);
      if (unpacked !== candidate && fs.existsSync(unpacked)) return unpacked;
    }
    dir = path.dirname(dir);
  }
  return null;
}
