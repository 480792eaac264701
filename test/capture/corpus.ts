import fs from 'node:fs';
import path from 'node:path';
import { decodeCapture } from '../../electron/engine/platform/windows/decode';

/**
 * The shared corpus of real captured outputs (../shared/corpus from the repository root, with
 * PROVENANCE.md saying where each came from). Tests read it in place, never copy it.
 */
export const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
export const corpusPresent = fs.existsSync(path.join(CORPUS, 'PROVENANCE.md'));
export const corpusMissingReason = `the capture corpus is not at ${CORPUS} (it lives beside the repository as ../shared/corpus)`;

if (!corpusPresent) console.log(`skipped: ${corpusMissingReason}`);

/** Every file of one corpus folder, for "tested on every capture of its kind". */
export function corpusFiles(folder: string, filter: (name: string) => boolean = () => true): string[] {
  if (!corpusPresent) return [];
  return fs
    .readdirSync(path.join(CORPUS, folder))
    .filter(filter)
    .sort()
    .map((f) => path.join(folder, f));
}

export function corpusBytes(rel: string): Buffer {
  return fs.readFileSync(path.join(CORPUS, rel));
}

export function corpusText(rel: string): string {
  return decodeCapture(corpusBytes(rel)).text;
}

/** Independent count of lines matching a pattern, to check parsers against the raw text. */
export function countLines(text: string, re: RegExp): number {
  return text.split('\n').filter((l) => re.test(l.replace(/\r$/, ''))).length;
}
