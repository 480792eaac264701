import { runCommand } from '../system/runner';
import { createLinuxAdapter } from './linux/adapter';
import { createWindowsAdapter } from './windows/adapter';
import { createDarwinAdapter } from './darwin/adapter';
import { createUnsupportedAdapter } from './unsupported';
import type { CommandRunner, PlatformAdapter } from './types';

export interface PlatformOptions {
  platform?: NodeJS.Platform;
  procRoot?: string;
  etcRoot?: string;
  run?: CommandRunner;
}

/**
 * The adapter for this OS, one folder each: linux/ (procfs), windows/ (IP Helper API through
 * koffi), darwin/ (netstat -anv and ps). Never throws: on an OS without an adapter, or when the
 * OS's own one cannot start, the engine still runs (scan, probe, reports) with empty socket
 * tables and says why.
 */
export function createPlatformAdapter(options: PlatformOptions = {}): PlatformAdapter {
  const platform = options.platform ?? process.platform;
  const run = options.run ?? runCommand;
  try {
    if (platform === 'linux') return createLinuxAdapter({ procRoot: options.procRoot, etcRoot: options.etcRoot, run });
    if (platform === 'win32') return createWindowsAdapter({ run });
    if (platform === 'darwin') return createDarwinAdapter({ run });
  } catch (err) {
    return createUnsupportedAdapter(platform, { error: err instanceof Error ? err.message : String(err) });
  }
  return createUnsupportedAdapter(platform, null);
}
