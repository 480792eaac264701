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

/**
 * What a target packs of koffi's binaries: the top-level files patterns, then the target's own,
 * applied in order as electron-builder does (a later pattern wins; `!` excludes), with its
 * `${platform}` and `${arch}` macros expanded for that target (x64 here; arm64 alike).
 */
const PLATFORM: Record<string, string> = { linux: 'linux', mac: 'darwin', win: 'win32' };
function kept(target: string, arch = 'x64'): string[] {
  const expand = (p: string) => p.replaceAll('${platform}', PLATFORM[target]!).replaceAll('${arch}', arch);
  const patterns = [...(config.files as unknown as string[]), ...(config[target]?.files ?? [])].map(expand);
  return shipped.filter((file) => {
    let included = false;
    for (const p of patterns) {
      if (p.startsWith('!')) {
        if (minimatch(file, p.slice(1))) included = false;
      } else if (minimatch(file, p)) included = true;
    }
    return included;
  });
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
    expect(dirs).toEqual([`${PLATFORM[target]}_x64`]);
    expect(kept(target, 'arm64').map((f) => path.basename(path.dirname(f)))).toEqual([`${PLATFORM[target]}_arm64`]);
  });
});
