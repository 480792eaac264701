import type { ProcessInfo, SocketRow } from '../../../shared/contract/sockets';
import { formatEndpoint } from '../../../shared/net/address';

/**
 * Plain-text labels for report cells, shared by the CSV, HTML and Markdown renderers so every
 * format shows the same words the CLI and the app show. No escaping here: each renderer escapes.
 */
export function protoLabel(r: SocketRow): string {
  return r.family === 6 ? `${r.protocol}6` : r.protocol;
}

export function localLabel(r: SocketRow): string {
  return formatEndpoint(r.localAddress, r.localPort, r.scopeId);
}

export function remoteLabel(r: SocketRow): string {
  if (r.remotePort === 0 && (r.remoteAddress === '0.0.0.0' || r.remoteAddress === '::')) return formatEndpoint(r.remoteAddress, '*');
  return formatEndpoint(r.remoteAddress, r.remotePort, r.remoteAddress.startsWith('fe8') ? r.scopeId : null);
}

export function exposureLabel(r: SocketRow): string {
  if (r.exposure === 'all') return r.dualStack ? 'all (v4+v6)' : r.family === 6 ? 'all (v6)' : 'all (v4)';
  return r.exposure;
}

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
