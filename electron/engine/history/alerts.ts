import type { Alert, AlertReason, HistorySettings } from '../../../shared/contract/history';
import type { HistoryEventRecord, TrackedSocket } from './events';
import { listenerIdentity } from './baseline';
import { alertMessage } from './alertText';

/** An alert before it is stored; the owner status is kept beside it, so the sentence can be remade on reading. */
export type AlertDraft = Omit<Alert, 'id'> & { ownerStatus: string | null };

/** The alert as the contract sends it: the owner status stays in the history file. */
export function withoutOwnerStatus<T extends { ownerStatus?: unknown }>(alert: T): Omit<T, 'ownerStatus'> {
  const copy = { ...alert };
  delete copy.ownerStatus;
  return copy;
}

export type AlertRules = Pick<HistorySettings, 'alertEveryNewListener' | 'alertServiceDown' | 'ignoreProcesses' | 'ignorePorts'>;

/** Listeners the user has marked as known (a baseline), by identity; null when none was saved. */
export type KnownSet = ReadonlySet<string> | null;

function identity(s: TrackedSocket): string {
  return listenerIdentity({ protocol: s.protocol, localAddress: s.localAddress, localPort: s.localPort, processName: s.owner.name ?? '' });
}

export function isIgnored(s: TrackedSocket, rules: AlertRules): boolean {
  if (rules.ignorePorts.includes(s.localPort)) return true;
  const name = (s.owner.name ?? '').toLowerCase();
  return name !== '' && rules.ignoreProcesses.some((p) => p.toLowerCase() === name);
}

/**
 * The alert rules. Always: a new listener reachable beyond loopback, one on a risky port (the
 * catalog's risk notes), one with no known owner. Optionally: every new listener, and a known
 * listener that went away. A listener in the baseline is never "new"; ignore lists win over all.
 * `knownForDown` says whether a closed listener counts as known (in the baseline, or long-lived).
 */
export function alertFor(event: HistoryEventRecord, known: KnownSet, rules: AlertRules, knownForDown: (s: TrackedSocket) => boolean): AlertDraft | null {
  const s = event.socket;
  if (!s.listener || isIgnored(s, rules)) return null;
  const base = { at: new Date(event.at).toISOString(), protocol: s.protocol, localAddress: s.localAddress, localPort: s.localPort, exposure: s.exposure, pid: s.owner.pid, processName: s.owner.name, ownerStatus: s.owner.status };
  if (event.kind === 'closed') {
    if (!rules.alertServiceDown || !knownForDown(s)) return null;
    const reasons: AlertReason[] = ['service-down'];
    return { ...base, reasons, severity: 'warning', ...alertMessage({ ...base, reasons }) };
  }
  if (event.kind !== 'opened' || known?.has(identity(s))) return null;
  const reasons: AlertReason[] = [];
  if (s.exposure !== 'loopback') reasons.push('exposed');
  if (s.risky) reasons.push('risky-port');
  if (s.owner.pid === null) reasons.push('unknown-owner');
  if (reasons.length === 0 && !rules.alertEveryNewListener) return null;
  if (reasons.length === 0) reasons.push('new-listener');
  const severity = reasons.includes('risky-port') ? 'danger' : reasons.includes('exposed') || reasons.includes('unknown-owner') ? 'warning' : 'info';
  return { ...base, reasons, severity, ...alertMessage({ ...base, reasons }) };
}

export function knownSetOf(listeners: ReadonlyArray<{ protocol: string; localAddress: string; localPort: number; processName: string }> | null): KnownSet {
  return listeners ? new Set(listeners.map((l) => listenerIdentity(l as Parameters<typeof listenerIdentity>[0]))) : null;
}
