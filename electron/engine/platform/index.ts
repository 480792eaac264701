import { ContractError } from '../../../shared/contract/errors';
import { runCommand } from '../system/runner';
import { createLinuxAdapter } from './linux/adapter';
import type { CommandRunner, PlatformAdapter } from './types';

export interface PlatformOptions {
  platform?: NodeJS.Platform;
  procRoot?: string;
  etcRoot?: string;
  run?: CommandRunner;
}

/** The adapter for this OS. Linux reads procfs; macOS (lsof) and Windows (netstat -ano) come later. */
export function createPlatformAdapter(options: PlatformOptions = {}): PlatformAdapter {
  const platform = options.platform ?? process.platform;
  const run = options.run ?? runCommand;
  if (platform === 'linux') return createLinuxAdapter({ procRoot: options.procRoot, etcRoot: options.etcRoot, run });
  throw new ContractError('unavailable', `Portscope cannot read sockets on ${platform} yet: only Linux is supported so far.`);
}
