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
