import type { Capabilities } from '../../../shared/contract/calls';
import type { PlatformAdapter } from './types';

/**
 * An OS (or a broken install) without a socket reader: every socket table is empty with a warning
 * saying why, so scan, probe, diagnose and report import still work.
 */
export function createUnsupportedAdapter(platform: string, reason: string): PlatformAdapter {
  const missing = { available: false, note: reason };
  const capabilities: Capabilities = {
    socketOwners: missing,
    processDetails: missing,
    firewallRules: { available: false, note: `no firewall reader for ${platform}` },
    trafficCounters: missing,
    endProcess: missing,
    closeConnection: missing,
  };
  return {
    name: platform,
    capabilities: () => capabilities,
    readSockets: async () => ({ sockets: [], warnings: [`${reason}: the socket table is empty; scan, probe and reports still work`] }),
    listPids: () => new Set(),
    readProcess: () => null,
  };
}
