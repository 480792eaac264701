import type { Capabilities } from '../../shared/contract/calls';
import type { ProcessInfo, SocketRow } from '../../shared/contract/sockets';
import { tEngine } from './i18n';

/**
 * What this OS would not show, said once in words ("run as administrator to see ..."), for the
 * rows at hand: a missing capability explains a row's unknown owner instead of leaving it bare.
 */
export function capabilityNotes(capabilities: Capabilities, rows: readonly SocketRow[], processes: readonly ProcessInfo[] = []): string[] {
  const notes: string[] = [];
  const { socketOwners, processDetails } = capabilities;
  if (!socketOwners.available && socketOwners.note && rows.some((r) => r.ownerStatus === 'not-found' || r.ownerStatus === 'permission-denied')) {
    notes.push(tEngine(socketOwners.messageKey, socketOwners.values, socketOwners.note));
  }
  if (!processDetails.available && processDetails.note && processes.some((p) => p.unavailable.some((u) => u.reason === 'permission denied'))) {
    notes.push(tEngine(processDetails.messageKey, processDetails.values, processDetails.note));
  }
  return notes;
}
