import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export interface OpenPlan {
  command: string;
  args: string[];
}

/**
 * How to open a URL in the user's browser here, or why it cannot be done. On Linux that needs a
 * display (X11 or Wayland) and xdg-open; a server over SSH has neither, and that is normal.
 */
export function planOpen(url: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): OpenPlan | string {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` treats its first quoted argument as a window title, hence the empty one.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return 'no graphical display (DISPLAY and WAYLAND_DISPLAY are unset)';
  const opener = findOnPath('xdg-open', env.PATH ?? '');
  return opener ? { command: opener, args: [url] } : 'xdg-open is not installed';
}

function findOnPath(name: string, pathVar: string): string | null {
  for (const dir of pathVar.split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * Opens the URL if this machine can; never throws and never waits for the browser. Returns null
 * when a browser was started, or the reason it was not.
 */
export function openInBrowser(url: string): string | null {
  const plan = planOpen(url);
  if (typeof plan === 'string') return plan;
  try {
    const child = spawn(plan.command, plan.args, { detached: true, stdio: 'ignore' });
    child.on('error', () => {});
    child.unref();
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
