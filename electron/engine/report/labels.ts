import type { ProcessInfo, SocketRow } from '../../../shared/contract/sockets';
import type { ReportKey } from '../../../shared/i18n/catalogs/report';
import { exposureWord } from '../../../shared/i18n/socketWords';
import { localLabel, protoLabel, remoteLabel } from '../../../shared/net/socketLabels';
import { reportText, type ReportText } from './i18n';

export { localLabel, protoLabel, remoteLabel };

/** "all (v4+v6)", "loopback"; English unless a language is given (CSV stays English). */
export function exposureLabel(r: Pick<SocketRow, 'exposure' | 'dualStack' | 'family'>, text: ReportText = reportText()): string {
  return exposureWord(text.t, r);
}

/**
 * Plain-text labels for report cells, shared by the CSV, HTML and Markdown renderers so every
 * format shows the same words the CLI and the app show. No escaping here: each renderer escapes.
 */
const OWNERLESS: Record<SocketRow['ownerStatus'], ReportKey | null> = {
  known: null,
  'time-wait': 'report.owner.timeWait',
  orphaned: 'report.owner.orphaned',
  'permission-denied': 'report.owner.denied',
  'process-exited': 'report.owner.exited',
  'not-found': 'report.owner.unknown',
};

/** Why a socket has no owner, in words; empty when it has one. */
export function ownerStatusLabel(r: SocketRow, text: ReportText = reportText()): string {
  const key = OWNERLESS[r.ownerStatus];
  return key ? text.t(key) : '';
}

/** The risk notes, translated by their keys (the engine's English where a key is unknown). */
export function risksLabel(r: SocketRow, text: ReportText = reportText()): string {
  return r.risks.map((n) => text.t.maybe(n.messageKey, n.values, n.message)).join('; ');
}

/** pid -> process, for the command line column. */
export function processIndex(processes: readonly ProcessInfo[]): Map<number, ProcessInfo> {
  return new Map(processes.map((p) => [p.pid, p]));
}

export function commandLineOf(r: SocketRow, processes: ReadonlyMap<number, ProcessInfo>): string {
  return r.pid === null ? '' : (processes.get(r.pid)?.commandLine ?? '');
}
