import type { Alert, AlertReason, HistorySettings } from '../../../shared/contract/history';
import type { HistoryEventRecord, TrackedSocket } from './events';
import { listenerIdentity } from './baseline';

export type AlertDraft = Omit<Alert, 'id'>;

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

function where(s: TrackedSocket): string {
  const addr = s.family === 6 ? `[${s.localAddress}]` : s.localAddress;
  return `${s.protocol.toUpperCase()} ${addr}:${s.localPort}`;
}

function who(s: TrackedSocket): string {
  if (s.owner.pid === null) return `an unknown owner (${s.owner.status})`;
  return `${s.owner.name ?? 'pid'} (pid ${s.owner.pid})`;
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
  const base = { at: new Date(event.at).toISOString(), protocol: s.protocol, localAddress: s.localAddress, localPort: s.localPort, exposure: s.exposure, pid: s.owner.pid, processName: s.owner.name };
  if (event.kind === 'closed') {
    if (!rules.alertServiceDown || !knownForDown(s)) return null;
    return { ...base, reasons: ['service-down'], severity: 'warning', message: `${where(s)} stopped listening (was ${who(s)})` };
  }
  if (event.kind !== 'opened' || known?.has(identity(s))) return null;
  const reasons: AlertReason[] = [];
  if (s.exposure !== 'loopback') reasons.push('exposed');
  if (s.risky) reasons.push('risky-port');
  if (s.owner.pid === null) reasons.push('unknown-owner');
  if (reasons.length === 0 && !rules.alertEveryNewListener) return null;
  if (reasons.length === 0) reasons.push('new-listener');
  const severity = reasons.includes('risky-port') ? 'danger' : reasons.includes('exposed') || reasons.includes('unknown-owner') ? 'warning' : 'info';
  const parts: string[] = [];
  if (reasons.includes('exposed')) parts.push(s.exposure === 'all' ? 'reachable from other machines' : `reachable on ${s.localAddress}`);
  if (reasons.includes('risky-port')) parts.push('a risky port');
  return { ...base, reasons, severity, message: `New listener ${where(s)} by ${who(s)}${parts.length ? `: ${parts.join(', ')}` : ''}` };
}

export function knownSetOf(listeners: ReadonlyArray<{ protocol: string; localAddress: string; localPort: number; processName: string }> | null): KnownSet {
  return listeners ? new Set(listeners.map((l) => listenerIdentity(l as Parameters<typeof listenerIdentity>[0]))) : null;
}
