/**
 * The checks behind test/i18n/catalogs.test.ts, as functions that return the problems found, so
 * the test can run them on the real catalogs and, to show they bite, on broken ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

export const LANGS = ['en', 'de', 'nl'] as const;
export type Lang = (typeof LANGS)[number];
export type AreaCatalogs = Record<Lang, Record<string, string>>;

/** Keys some language lacks or has extra, compared with English. */
export function keyProblems(area: string, catalogs: AreaCatalogs): string[] {
  const problems: string[] = [];
  const english = new Set(Object.keys(catalogs.en));
  for (const lang of LANGS) {
    if (lang === 'en') continue;
    const own = new Set(Object.keys(catalogs[lang]));
    for (const key of english) if (!own.has(key)) problems.push(`${area}: ${lang} lacks ${key}`);
    for (const key of own) if (!english.has(key)) problems.push(`${area}: ${lang} has ${key}, which English does not`);
  }
  for (const lang of LANGS) {
    for (const [key, message] of Object.entries(catalogs[lang])) if (message.trim() === '') problems.push(`${area}: ${lang} ${key} is empty`);
  }
  return problems;
}

/**
 * A message's placeholders as a sorted list of signatures: `name:argument`, `count:plural`,
 * `kind:select[a|b|other]`, collected through every branch. Plural categories are left out (German
 * and Dutch may need other ones than English), but every plural and select must have `other`.
 */
export function placeholderSignature(message: string): string[] {
  const out = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      switch (el.type) {
        case TYPE.argument:
          out.add(`${el.value}:argument`);
          break;
        case TYPE.number:
        case TYPE.date:
        case TYPE.time:
          out.add(`${el.value}:${TYPE[el.type]}`);
          break;
        case TYPE.select:
          out.add(`${el.value}:select[${Object.keys(el.options).sort().join('|')}]`);
          for (const option of Object.values(el.options)) walk(option.value);
          break;
        case TYPE.plural:
          out.add(`${el.value}:${el.pluralType === 'ordinal' ? 'selectordinal' : 'plural'}`);
          for (const option of Object.values(el.options)) walk(option.value);
          break;
        case TYPE.tag:
          out.add(`<${el.value}>`);
          walk(el.children);
          break;
        default:
          break;
      }
    }
  };
  walk(parse(message, { ignoreTag: true, requiresOtherClause: true }));
  return [...out].sort();
}

/** ICU syntax errors, and placeholders that differ from English. */
export function messageProblems(area: string, catalogs: AreaCatalogs): string[] {
  const problems: string[] = [];
  const signatures: Partial<Record<Lang, Map<string, string>>> = {};
  for (const lang of LANGS) {
    const map = new Map<string, string>();
    for (const [key, message] of Object.entries(catalogs[lang])) {
      try {
        map.set(key, placeholderSignature(message).join(', '));
      } catch (err) {
        problems.push(`${area}: ${lang} ${key} is not valid ICU MessageFormat: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    signatures[lang] = map;
  }
  for (const lang of LANGS) {
    if (lang === 'en') continue;
    for (const [key, english] of signatures.en!) {
      const own = signatures[lang]!.get(key);
      if (own !== undefined && own !== english) problems.push(`${area}: ${lang} ${key} has placeholders {${own}}, English has {${english}}`);
    }
  }
  return problems;
}

/** Keys that appear nowhere in `source` as a whole string literal ('key', "key" or `key`). */
export function unusedKeys(keys: readonly string[], source: string): string[] {
  return keys.filter((key) => !["'", '"', '`'].some((q) => source.includes(`${q}${key}${q}`)));
}

/** Keys defined in more than one area (areas are merged into one message table). */
export function duplicateKeys(areas: Record<string, AreaCatalogs>): string[] {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const [area, catalogs] of Object.entries(areas)) {
    for (const key of Object.keys(catalogs.en)) {
      const other = seen.get(key);
      if (other) problems.push(`${key} is in both ${other} and ${area}`);
      seen.set(key, area);
    }
  }
  return problems;
}

/** Every .ts/.tsx file under the roots, outside catalogs/ folders, as one text. */
export function readSources(roots: readonly string[]): string {
  const parts: string[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'catalogs' || entry.name === 'node_modules' || entry.name === 'dist') continue;
        visit(full);
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        parts.push(fs.readFileSync(full, 'utf8'));
      }
    }
  };
  for (const root of roots) if (fs.existsSync(root)) visit(root);
  return parts.join('\n');
}
