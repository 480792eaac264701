import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN } from '../support/cli';

export interface RunningAgent {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  stop(): Promise<number | null>;
}

/** Starts the real `portscope agent` and waits for the metrics URL it logs. */
export function startAgent(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunningAgent> {
  const child = spawn(process.execPath, [BIN, 'agent', '--data-dir', tempDataDir(), ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let err = '';
  return new Promise<RunningAgent>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`agent did not start: ${err}`)), 20_000);
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /metrics at (\S+)/.exec(err);
      if (m && /running/.test(err)) {
        clearTimeout(timer);
        resolve({
          child,
          url: m[1]!,
          stderr: () => err,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done(child.exitCode);
              child.once('exit', (code) => done(code));
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`agent exited ${code}: ${err}`));
    });
  });
}

/** Waits until `check` passes on a fresh scrape (the agent refreshes on its own interval). */
export async function scrapeUntil(fetchBody: () => Promise<string>, check: (body: string) => boolean, timeoutMs = 10_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let body = '';
  while (Date.now() < until) {
    body = await fetchBody();
    if (check(body)) return body;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`scrape never matched; last body:\n${body.slice(0, 4000)}`);
}

/** One sample's value from the text format, by metric name and a label subset. */
export function sample(body: string, name: string, labels: Record<string, string>): number | null {
  for (const line of body.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return null;
}

/** A fresh history folder per agent: tests never write into the user's own data folder. */
export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'portscope-agent-data-'));
}
