import type { CallName } from '../../../shared/contract';

/**
 * What a read-only agent refuses (the default; `--allow-control` lifts it). A remote viewer may
 * read everything the local app reads; what changes the machine, or sends traffic from it to
 * other hosts, needs the administrator's consent on that machine.
 */
const ALWAYS: ReadonlySet<CallName> = new Set<CallName>([
  'process.signal',
  'connection.close',
  'history.baselineSave',
  // Outward actions: the agent would be the one scanning and probing other hosts.
  'scan.start',
  'probe.start',
  'probe.run',
]);

/**
 * Calls that read with an empty request and change something with a non-empty one.
 * (monitor.configure is refused even with control: see host/agent-link.ts.)
 */
const WHEN_GIVEN: ReadonlySet<CallName> = new Set<CallName>(['history.settings']);

/** Why `name` is refused on a read-only agent, or null when it is a read. */
export function controlRefusal(name: CallName, request: unknown): string | null {
  const because = (what: string) =>
    `${what} is not allowed on this machine: its Portscope agent is read-only. Restart the agent with --allow-control to allow it.`;
  if (ALWAYS.has(name)) return because(DESCRIPTIONS[name] ?? name);
  const fields = request && typeof request === 'object' ? Object.keys(request) : [];
  if (WHEN_GIVEN.has(name) && fields.length > 0) return because(DESCRIPTIONS[name] ?? name);
  // A report written to a path would land on the agent's disk.
  if (name === 'report.export' && fields.includes('path')) return because('Writing a report file on the agent');
  return null;
}

const DESCRIPTIONS: Partial<Record<CallName, string>> = {
  'process.signal': 'Ending a process',
  'connection.close': 'Closing a connection',
  'history.baselineSave': 'Saving a baseline',
  'history.settings': 'Changing history settings',
  'scan.start': 'Scanning from this machine',
  'probe.start': 'Probing from this machine',
  'probe.run': 'Probing from this machine',
};
