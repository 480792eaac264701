import type { ProcessInfo, SocketRow } from '../../../shared/contract/sockets';
import { exposureLabel, localLabel, protoLabel, remoteLabel } from '../../../shared/net/socketLabels';

export { exposureLabel, localLabel, protoLabel, remoteLabel };

/**
 * Plain-text labels for report cells, shared by the CSV, HTML and Markdown renderers so every
 * format shows the same words the CLI and the app show. No escaping here: each renderer escapes.
 */
const OWNERLESS: Record<SocketRow['ownerStatus'], string> = {
  known: '',
  'time-wait': 'kernel (time-wait)',
  orphaned: 'kernel (orphaned)',
  'permission-denied': 'unknown (permission denied)',
  'process-exited': 'exited',
  'not-found': 'unknown',
};

/** Why a socket has no owner, in words; empty when it has one. */
export function ownerStatusLabel(r: SocketRow): string {
  return OWNERLESS[r.ownerStatus];
}

export function risksLabel(r: SocketRow): string {
  return r.risks.map((n) => n.message).join('; ');
}

/** pid -> process, for the command line column. */
export function processIndex(processes: readonly ProcessInfo[]): Map<number, ProcessInfo> {
  return new Map(processes.map((p) => [p.pid, p]));
}

export function commandLineOf(r: SocketRow, processes: ReadonlyMap<number, ProcessInfo>): string {
  return r.pid === null ? '' : (processes.get(r.pid)?.commandLine ?? '');
}
