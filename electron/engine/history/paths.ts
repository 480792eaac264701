import os from 'node:os';
import path from 'node:path';

export const DB_FILE = 'history.sqlite';

/**
 * The user's data folder for Portscope: $XDG_DATA_HOME/portscope (else ~/.local/share/portscope) on
 * Linux, %APPDATA%\Portscope on Windows, ~/Library/Application Support/Portscope on macOS. The app,
 * `serve`, `agent` and every history command agree on it, so one reads what another recorded.
 * PORTSCOPE_DATA_DIR overrides it (tests, or a shared folder for a service account).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env.PORTSCOPE_DATA_DIR) return path.resolve(env.PORTSCOPE_DATA_DIR);
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'Portscope');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Portscope');
  const xdg = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.join(home, '.local', 'share');
  return path.join(xdg, 'portscope');
}

export function dbPath(dataDir: string): string {
  return path.join(dataDir, DB_FILE);
}
