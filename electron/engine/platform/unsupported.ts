import type { Capabilities } from '../../../shared/contract/calls';
import { localizedMessage } from '../localizedText';
import type { PlatformAdapter } from './types';

/** Why there is no socket reader: none for this OS, or this OS's own one failed to start (`error`). */
export type UnsupportedReason = { error: string } | null;

/**
 * An OS (or a broken install) without a socket reader: every socket table is empty with a warning
 * saying why, so scan, probe, diagnose and report import still work.
 */
export function createUnsupportedAdapter(platform: string, failure: UnsupportedReason): PlatformAdapter {
  const note = failure
    ? localizedMessage('platform.unsupported.failed', { platform, error: failure.error })
    : localizedMessage('platform.unsupported.none', { platform });
  const missing = { available: false, note: note.message, messageKey: note.messageKey, values: note.values };
  const firewall = localizedMessage('platform.unsupported.noFirewall', { platform });
  const capabilities: Capabilities = {
    socketOwners: missing,
    processDetails: missing,
    firewallRules: { available: false, note: firewall.message, messageKey: firewall.messageKey, values: firewall.values },
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
