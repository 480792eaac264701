import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';

export const BIN = path.resolve(__dirname, '../../bin/portscope.js');

/** Runs the real `portscope` command, as a user would (built by the global setup). */
export function portscope(args: string[], options: { uid?: number; timeoutMs?: number } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 20_000,
    uid: options.uid,
    maxBuffer: 64 * 1024 * 1024,
  });
}

export function portscopeAsync(args: string[]) {
  return spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Whether that user can reach the CLI and the Node that runs it: a checkout under a folder only
 * its owner may enter (a `mktemp -d` folder, mode 700) cannot be run as anyone else. Asked of the
 * system as that user, so every folder on the way and any ACL count. null when it can.
 */
export function unreachableFor(uid: number): string | null {
  const probe = spawnSync('/bin/sh', ['-c', 'test -r "$1" && test -x "$2"', 'sh', BIN, process.execPath], { uid, encoding: 'utf8' });
  if (probe.error) return `could not run /bin/sh as uid ${uid} (${probe.error.message})`;
  return probe.status === 0 ? null : `uid ${uid} cannot read ${BIN} or run ${process.execPath} (a folder on the way is closed to other users)`;
}
