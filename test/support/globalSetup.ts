import { execFileSync } from 'node:child_process';

/** CLI tests run the real `portscope` binary: bundle it (fast, no renderer) before any suite. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--no-renderer'], { stdio: 'inherit' });
}
