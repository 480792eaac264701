import type { ReportDiff } from '../../../shared/contract/report';
import type { SocketRow } from '../../../shared/contract/sockets';
import { isListener } from './summary';

/**
 * A listener's identity across time: what it listens on, not its inode or pid (a restarted
 * server gets new ones but is "the same listener" to the person comparing).
 */
export function listenerKey(r: SocketRow): string {
  return `${r.protocol}|${r.family}|${r.localAddress}|${r.scopeId ?? ''}|${r.localPort}`;
}

/** What changed between a saved report's listeners and the live ones. */
export function diffListeners(saved: readonly SocketRow[], live: readonly SocketRow[], hostname: string, now = new Date()): ReportDiff {
  const before = new Map(saved.map((r) => [listenerKey(r), r]));
  const after = new Map(live.filter(isListener).map((r) => [listenerKey(r), r]));
  const diff: ReportDiff = { comparedAt: now.toISOString(), hostname, added: [], removed: [], changed: [], unchanged: 0 };
  for (const [key, row] of after) {
    const old = before.get(key);
    if (!old) diff.added.push(row);
    else if (old.processName !== row.processName || old.user !== row.user) diff.changed.push({ before: old, after: row });
    else diff.unchanged++;
  }
  for (const [key, row] of before) if (!after.has(key)) diff.removed.push(row);
  const order = (a: SocketRow, b: SocketRow) => a.localPort - b.localPort || listenerKey(a).localeCompare(listenerKey(b));
  diff.added.sort(order);
  diff.removed.sort(order);
  diff.changed.sort((a, b) => order(a.after, b.after));
  return diff;
}
