import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A running `portscope serve` started from the built dist/ (bin/portscope.js -> dist/cli.mjs). */
export interface ServeHandle {
  /** The dashboard URL with this run's token, as printed on stdout's first line. */
  readonly url: string;
  /** `http://127.0.0.1:PORT`, for building other URLs (no token). */
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  readonly pid: number;
  /** Everything the server wrote to stderr so far (warnings, worker restarts). */
  stderr(): string;
  /** SIGTERM, then waits for the exit; returns the exit code. */
  stop(): Promise<number | null>;
}

export interface ServeOptions {
  /** Extra arguments after `serve --port 0`. */
  args?: string[];
  env?: NodeJS.ProcessEnv;
  /** How long to wait for the URL line. */
  timeoutMs?: number;
}

export async function startServe(options: ServeOptions = {}): Promise<ServeHandle> {
  const child: ChildProcess = spawn(process.execPath, [path.join(repoRoot, 'bin/portscope.js'), 'serve', '--port', '0', ...(options.args ?? [])], {
    cwd: repoRoot,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;

  const lines = createInterface({ input: child.stdout! });
  const timeoutMs = options.timeoutMs ?? 20_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => String(line)),
    exited.then(([code]) => {
      throw new Error(`portscope serve exited (code ${code}) before printing its URL:\n${stderr}`);
    }),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`portscope serve printed no URL within ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
  lines.close();

  const url = new URL(first);
  const token = url.searchParams.get('token');
  if (!token) throw new Error(`portscope serve's first line is not a tokened URL: ${first}`);
  return {
    url: first,
    origin: url.origin,
    port: Number(url.port),
    token,
    pid: child.pid!,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const [code] = await exited;
      clearTimeout(kill);
      return code;
    },
  };
}
