import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HistoryEvent } from '../../shared/contract/history';
import { sqlite } from '../../electron/engine/history/sqlite';
import { BIN, portscope } from '../support/cli';

export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'portscope-history-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface AgentHandle {
  child: ChildProcess;
  stderr(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** A real `portscope agent` child process on its own data folder. */
export function startAgent(dataDir: string, args: string[] = []): AgentHandle {
  const child = spawn(process.execPath, [BIN, 'agent', '--data-dir', dataDir, '--interval', '250ms', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = once(child, 'exit');
  return {
    child,
    stderr: () => err,
    async waitFor(pattern, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (!pattern.test(err)) {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`agent exited: ${err}`);
        if (Date.now() > until) throw new Error(`agent never printed ${pattern}: ${err}`);
        await sleep(50);
      }
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitUntil<T>(what: string, fn: () => T | undefined | null | false, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(150);
  }
}

export function historyJson(dataDir: string, args: string[]): HistoryEvent[] {
  const r = portscope(['history', '--data-dir', dataDir, '--json', ...args]);
  if (r.status !== 0 && r.status !== 1) throw new Error(`history failed (${r.status}): ${r.stderr}`);
  return r.stdout.trim() ? (JSON.parse(r.stdout) as HistoryEvent[]) : [];
}

/** PRAGMA integrity_check on the database file, from a fresh connection. */
export function integrity(dataDir: string): string {
  const db = new (sqlite().DatabaseSync)(path.join(dataDir, 'history.sqlite'));
  try {
    return (db.prepare('PRAGMA integrity_check').all() as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('\n');
  } finally {
    db.close();
  }
}
