import { execFile } from 'node:child_process';
import type { CommandRunner } from '../platform/types';

/** The real command runner: no shell, bounded time and output. */
export const runCommand: CommandRunner = (command, args, options = {}) =>
  new Promise((resolve, reject) => {
    execFile(
      command,
      [...args],
      {
        timeout: options.timeoutMs ?? 10_000,
        maxBuffer: 64 * 1024 * 1024,
        encoding: options.encoding ?? 'utf8',
        windowsHide: true,
        ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
      },
      (err, stdout, stderr) => {
        if (err && typeof (err as NodeJS.ErrnoException).code === 'string') {
          reject(err); // could not start it at all (ENOENT, EACCES)
          return;
        }
        const code = err ? ((err as { code?: number | null }).code ?? null) : 0;
        resolve({ code: typeof code === 'number' ? code : null, stdout, stderr });
      },
    );
  });
