import type { Capabilities } from '../../../shared/contract/calls';
import { localizedMessage } from '../localizedText';
import { noted } from './capabilities';
import type { PlatformAdapter } from './types';

/** Why there is no socket reader: none for this OS, or this OS's own one failed to start (`error`). */
export type UnsupportedReason = { error: string } | null;

/**
 * An OS (or a broken install) without a socket reader: every socket table is empty with a warning
 * saying why, so scan, probe, diagnose and report import still work.
 */
export function createUnsupportedAdapter(platform: string, failure: UnsupportedReason): PlatformAdapter {
  const missing = failure
    ? noted(false, 'platform.unsupported.failed', { platform, error: failure.error })
    : noted(false, 'platform.unsupported.none', { platform });
  const capabilities: Capabilities = {
    socketOwners: missing,
    processDetails: missing,
    firewallRules: noted(false, 'platform.unsupported.noFirewall', { platform }),
    trafficCounters: missing,
    endProcess: missing,
    closeConnection: missing,
  };
  const empty = failure
    ? localizedMessage('platform.unsupported.emptyFailed', { platform, error: failure.error })
    : localizedMessage('platform.unsupported.emptyNone', { platform });
  return {
    name: platform,
    capabilities: () => capabilities,
    readSockets: async () => ({ sockets: [], warnings: [empty] }),
    listPids: () => new Set(),
    readProcess: () => null,
  };
}
