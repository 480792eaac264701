/**
 * Every catalog area (shared/i18n/catalogs/* and renderer/i18n/catalogs/*) is complete in every
 * language, used by the source, and the same message in each: same placeholders, valid ICU.
 * The rules are in shared/i18n/README.md. The second block shows each check failing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { duplicateKeys, keyProblems, LANGS, messageProblems, readSources, unusedKeys, type AreaCatalogs } from './catalogCheck';

const repo = path.resolve(__dirname, '../..');
const CATALOG_ROOTS = ['shared/i18n/catalogs', 'renderer/i18n/catalogs'];

async function loadAreas(): Promise<Record<string, AreaCatalogs>> {
  const areas: Record<string, AreaCatalogs> = {};
  for (const root of CATALOG_ROOTS) {
    const dir = path.join(repo, root);
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const catalogs = {} as AreaCatalogs;
      for (const lang of LANGS) {
        const file = path.join(dir, entry.name, `${lang}.ts`);
        const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
        const table = mod[lang];
        if (!table || typeof table !== 'object') throw new Error(`${file} does not export const ${lang}`);
        catalogs[lang] = table as Record<string, string>;
      }
      areas[`${root}/${entry.name}`] = catalogs;
    }
  }
  return areas;
}

describe('message catalogs', async () => {
  const areas = await loadAreas();
  const source = readSources(['shared', 'electron', 'renderer'].map((d) => path.join(repo, d)));

  it('finds the catalog areas', () => {
    expect(Object.keys(areas)).toContain('shared/i18n/catalogs/engine');
    expect(Object.keys(areas)).toContain('shared/i18n/catalogs/desktop');
  });

  for (const [area, catalogs] of Object.entries(areas)) {
    describe(area, () => {
      it('has every key in every language', () => {
        expect(keyProblems(area, catalogs)).toEqual([]);
      });
      it('parses, and has the same placeholders in every language', () => {
        expect(messageProblems(area, catalogs)).toEqual([]);
      });
      it('uses every key in the source (as a whole string literal)', () => {
        expect(unusedKeys(Object.keys(catalogs.en), source)).toEqual([]);
      });
    });
  }

  it('defines each key in one area only', () => {
    expect(duplicateKeys(areas)).toEqual([]);
  });
});

describe('the catalog checks catch', () => {
  const good = { 'x.ports': '{count, plural, one {# port} other {# ports}} on {host}' };

  it('a key missing in one language, and one only a translation has', () => {
    const problems = keyProblems('x', { en: { ...good, 'x.extra': 'Extra' }, de: { ...good, 'x.stray': 'Streuner' }, nl: { ...good, 'x.extra': 'Extra' } });
    expect(problems).toEqual(['x: de lacks x.extra', 'x: de has x.stray, which English does not']);
  });

  it('a renamed placeholder, a dropped plural and a different select', () => {
    const en = { ...good, 'x.kind': '{kind, select, drop {drops} other {rejects}}' };
    const problems = messageProblems('x', {
      en,
      de: { 'x.ports': '{count} Ports auf {rechner}', 'x.kind': '{kind, select, drop {verwirft} other {weist ab}}' },
      nl: { 'x.ports': '{count, plural, one {# poort} other {# poorten}} op {host}', 'x.kind': '{kind, select, reject {weigert} other {gooit weg}}' },
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^x: de x\.ports has placeholders/);
    expect(problems[1]).toMatch(/^x: nl x\.kind has placeholders/);
  });

  it('ICU syntax errors and a plural without other', () => {
    const problems = messageProblems('x', { en: good, de: { 'x.ports': '{count, plural, one {# Port} other {# Ports}' }, nl: { 'x.ports': '{count, plural, one {# poort}} op {host}' } });
    expect(problems.map((p) => p.replace(/:[^:]*$/, ''))).toEqual(['x: de x.ports is not valid ICU MessageFormat', 'x: nl x.ports is not valid ICU MessageFormat']);
  });

  it('a key no source names as a whole literal (pieces do not count)', () => {
    const source = "t('x.used'); const k = 'x.' + 'glued';";
    expect(unusedKeys(['x.used', 'x.glued'], source)).toEqual(['x.glued']);
  });

  it('a key in two areas', () => {
    const same = { en: good, de: good, nl: good };
    expect(duplicateKeys({ a: same, b: same })).toEqual(['x.ports is in both a and b']);
  });
});
