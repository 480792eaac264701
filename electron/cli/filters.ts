import type { SocketRow, SocketState } from '../../shared/contract/sockets';

export interface RowFilter {
  all?: boolean;
  tcp?: boolean;
  udp?: boolean;
  ports?: number[];
  pids?: number[];
  processes?: string[];
  states?: SocketState[];
}

/** A listening TCP socket or a bound, unconnected UDP socket: what `ss -l` shows. */
export function isListener(row: SocketRow): boolean {
  return row.state === 'LISTEN' || (row.protocol === 'udp' && row.state === 'UNCONN');
}

export function filterRows(rows: readonly SocketRow[], f: RowFilter): SocketRow[] {
  const names = f.processes?.map((p) => p.toLowerCase());
  return rows.filter((r) => {
    if (f.tcp && !f.udp && r.protocol !== 'tcp') return false;
    if (f.udp && !f.tcp && r.protocol !== 'udp') return false;
    if (f.states?.length) {
      if (!f.states.includes(r.state)) return false;
    } else if (!f.all && !isListener(r)) return false;
    if (f.ports?.length && !f.ports.includes(r.localPort) && !f.ports.includes(r.remotePort)) return false;
    if (f.pids?.length && !r.pids.some((p) => f.pids!.includes(p))) return false;
    if (names?.length) {
      const name = r.processName?.toLowerCase();
      if (!name || !names.some((n) => name.includes(n))) return false;
    }
    return true;
  });
}

const STATE_ORDER: Record<string, number> = { LISTEN: 0, UNCONN: 1 };

/** Plain code-unit order: localeCompare goes through ICU and cost more than the socket read at 10k rows. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortRows(rows: SocketRow[]): SocketRow[] {
  return rows.sort(
    (a, b) =>
      (STATE_ORDER[a.state] ?? 2) - (STATE_ORDER[b.state] ?? 2) ||
      cmp(a.protocol, b.protocol) ||
      a.localPort - b.localPort ||
      a.family - b.family ||
      cmp(a.localAddress, b.localAddress) ||
      cmp(a.remoteAddress, b.remoteAddress) ||
      a.remotePort - b.remotePort,
  );
}
