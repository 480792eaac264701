// `npm test`: type-check, lint, unit and integration suites, then the browser e2e suite.
// Every step runs even when an earlier one fails, and the closing line sums them up.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const steps = [
  ['type-check (node side)', 'npx', ['tsc', '-p', 'tsconfig.json']],
  ['type-check (renderer)', 'npx', ['tsc', '-p', 'tsconfig.web.json']],
  ['type-check (shared, no runtime globals)', 'npx', ['tsc', '-p', 'tsconfig.shared.json']],
  ['lint (incl. layer boundaries)', 'npx', ['eslint', '--max-warnings', '0', '.']],
  // Fails on any HIGH or MEDIUM finding in electron/ and the page it loads.
  ['Electron security scan (Electronegativity)', process.execPath, ['scripts/electronegativity.mjs']],
  ['unit and integration tests', 'npx', ['vitest', 'run', '--exclude', 'test/scan/**', '--exclude', 'test/windows/**']],
  // The Windows build under Wine (Windows Node.js + koffi); skips with the reason where Wine is absent.
  ['Windows build under Wine', 'npx', ['vitest', 'run', 'test/windows']],
  // Scans compare whole port ranges on loopback: alone, so no other suite's listeners land in them.
  ['scanner tests (loopback and namespaces)', 'npx', ['vitest', 'run', 'test/scan']],
];
if (existsSync('playwright.config.ts')) steps.push(['browser e2e tests', 'npx', ['playwright', 'test']]);

let passed = 0;
let failed = 0;
const failures = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status === 0) {
    passed++;
    console.log(`=== ${name}: ok (${secs} s)`);
  } else {
    failed++;
    failures.push(name);
    console.log(`=== ${name}: FAILED (exit ${r.status ?? r.signal}, ${secs} s)`);
  }
}
console.log(`\nsteps: ${passed} passed, ${failed} failed${failures.length ? ` (${failures.join('; ')})` : ''}`);
process.exit(failed === 0 ? 0 : 1);
