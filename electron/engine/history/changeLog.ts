import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Alert } from '../../../shared/contract/history';
import type { HistoryEventRecord } from './events';

/** One event as the JSON-lines change log (and `watch --log`) writes it. */
export function eventLine(e: HistoryEventRecord): Record<string, unknown> {
  const s = e.socket;
  return {
    type: 'event',
    time: new Date(e.at).toISOString(),
    kind: e.kind,
    listener: s.listener,
    protocol: s.protocol,
    localAddress: s.localAddress,
    localPort: s.localPort,
    remoteAddress: s.remoteAddress,
    remotePort: s.remotePort,
    state: s.state,
    exposure: s.exposure,
    owner: s.owner,
    previous: e.previous,
    note: e.note,
  };
}

/**
 * A JSON-lines log of changes, like CurrPorts' "Log Changes": one object per line, appended each
 * tick with one write, so `tail -f` and `jq` can follow it and a crash cuts at most the last tick.
 * Text from other processes (names, paths) is JSON-escaped, never interpreted.
 */
export class ChangeLog {
  constructor(private readonly file: string) {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }

  write(events: readonly HistoryEventRecord[], alerts: readonly Omit<Alert, 'id'>[] = []): void {
    if (events.length === 0 && alerts.length === 0) return;
    const lines = [...events.map((e) => JSON.stringify(eventLine(e))), ...alerts.map((a) => JSON.stringify({ type: 'alert', ...a }))];
    appendFileSync(this.file, `${lines.join('\n')}\n`);
  }
}
