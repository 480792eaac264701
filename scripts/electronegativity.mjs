// Electronegativity (Doyensec's Electron security scanner) over the desktop app, as `npm test`
// runs it: electron/ (main, preload, the glue and the engine) together with the page the window
// loads (renderer/index.html, whose CSP <meta> the scanner checks). Prints every finding and exits 1
// when any is HIGH or MEDIUM, or when a file could not be parsed (that would hide findings).
// `node scripts/electronegativity.mjs <path>...` scans other files or folders of the project.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const targets = process.argv.length > 2 ? process.argv.slice(2) : ['electron', 'renderer/index.html'];
const require = createRequire(import.meta.url);

// The scanner takes one folder: the targets are copied into one, at their project paths, so the
// findings name project files.
const input = mkdtempSync(path.join(tmpdir(), 'portscope-eng-'));
process.on('exit', () => rmSync(input, { recursive: true, force: true }));
for (const target of targets) cpSync(path.resolve(root, target), path.join(input, path.relative(root, path.resolve(root, target))), { recursive: true });

// The scanner's start-up fetches fresh translations from a web server (one second's time-out,
// then its bundled English). Tests here send nothing off this machine, so its i18n module is
// replaced by the same set-up minus the download, before the runner loads it.
const i18nFile = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js');
const i18n = require(require.resolve('i18n', { paths: [path.dirname(i18nFile)] }));
const localI18n = async () => {
  i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: path.dirname(i18nFile), updateFiles: false, objectNotation: true, retryInDefaultLocale: true, register: global });
  i18n.setLocale('en-US');
};
require.cache[i18nFile] = { id: i18nFile, filename: i18nFile, loaded: true, exports: Object.assign(localI18n, { default: localI18n }) };

// electron/ has no package.json to read the Electron version from: the installed one is the target.
const electronVersion = require('electron/package.json').version;
const run = require('@doyensec/electronegativity');
const result = await run({
  input,
  isRelative: true,
  isVerbose: false,
  customScan: [],
  // This check downloads Electron's release list to compare versions: offline here, and about
  // upgrading Electron (Dependabot's job), not about our code.
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  severitySet: '',
  confidenceSet: '',
  parserPlugins: [],
  electronVersionOverride: electronVersion,
});

const counts = { HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0 };
for (const issue of result.issues) {
  const severity = issue.severity.name;
  counts[severity] = (counts[severity] ?? 0) + 1;
  console.log(`${severity.padEnd(13)} ${issue.confidence.name.padEnd(10)} ${issue.id}  ${issue.file}:${issue.location.line}:${issue.location.column}${issue.manualReview ? '  (review)' : ''}`);
}
const broken = result.errors.filter((e) => !e.tolerable);
for (const e of result.errors) console.log(`${e.tolerable ? 'parse warning' : 'PARSE ERROR'}  ${path.relative(input, e.file)}: ${e.message}`);
console.log(
  `electronegativity: ${targets.join(' + ')} (Electron ${electronVersion}): ${result.globalChecks + result.atomicChecks} checks, ` +
    `${counts.HIGH} HIGH, ${counts.MEDIUM} MEDIUM, ${counts.LOW} LOW, ${counts.INFORMATIONAL} INFORMATIONAL, ${broken.length} unparsed files`,
);
process.exit(counts.HIGH + counts.MEDIUM + broken.length === 0 ? 0 : 1);
