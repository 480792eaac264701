// Each electron-builder target carries only its own OS's koffi binary: the files filters of
// electron-builder.yml, applied to the binaries koffi's package really ships.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';

// electron-builder's own YAML reader (js-yaml comes with it).
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const config = yaml.load(fs.readFileSync('electron-builder.yml', 'utf8')) as Record<string, { files?: string[] }>;
const shipped = fs.readdirSync('node_modules/koffi/build/koffi').map((dir) => `node_modules/koffi/build/koffi/${dir}/koffi.node`);

/** What survives a target's `!pattern` filters (the top-level files list adds node_modules by itself). */
function kept(target: string): string[] {
  const excludes = (config[target]?.files ?? []).filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  return shipped.filter((file) => !excludes.some((pattern) => minimatch(file, pattern)));
}

describe('electron-builder targets and koffi binaries', () => {
  it('koffi ships binaries for every OS (so the filters have something to do)', () => {
    expect(shipped.map((f) => path.basename(path.dirname(f)))).toEqual(expect.arrayContaining(['linux_x64', 'win32_x64', 'darwin_arm64']));
  });

  it.each([
    ['linux', /^linux_/],
    ['mac', /^darwin_/],
    ['win', /^win32_/],
  ])('%s keeps only its own OS', (target, own) => {
    const dirs = kept(target).map((f) => path.basename(path.dirname(f)));
    expect(dirs.length).toBeGreaterThan(0);
    for (const dir of dirs) expect(dir).toMatch(own);
    expect(dirs).toEqual(shipped.map((f) => path.basename(path.dirname(f))).filter((d) => own.test(d)));
  });
});
