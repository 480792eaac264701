import type { AddressName } from '../../shared/contract/names';
import type { SocketRow } from '../../shared/contract/sockets';
import type { Engine } from '../engine/service';
import type { AddressNameColumn } from './table';
import { t } from './i18n';

/** The --resolve flag's help, one text for list, watch and who. */
/** The --resolve help in the CLI's language; `live`: names are filled in as they arrive (watch). */
export function resolveHelp(live = false): string {
  return live ? t('cli.names.helpLive') : t('cli.names.help');
}

/** How long a one-shot command (list, who) waits for reverse DNS before printing what it has. */
export const RESOLVE_WAIT_MS = 2000;

/** The contract's limit per names.lookup call. */
const MAX_PER_CALL = 4096;

/** A row's remote end is a real peer (not a listener's `*` or an unconnected UDP socket's). */
export function hasPeer(r: Pick<SocketRow, 'remoteAddress' | 'remotePort'>): boolean {
  return !(r.remotePort === 0 && (r.remoteAddress === '0.0.0.0' || r.remoteAddress === '::'));
}

/** The address as the names call takes it: link-local with its zone, so the interface decides. */
function key(address: string, scopeId: string | null): string {
  return scopeId && address.startsWith('fe8') ? `${address}%${scopeId}` : address;
}

/**
 * `--resolve` for the socket commands: asks the engine for names of the rows' addresses (local
 * and hosts-file names come at once; reverse DNS only for remote ends) and keeps what arrives
 * later through names.resolved. Nothing here waits unless a command calls `settle`.
 */
export class CliNames {
  private readonly names = new Map<string, AddressName>();
  private readonly unsubscribe: () => void;
  /** A one-shot command stopped waiting: what is still pending is shown without a name, not as `…`. */
  private settled = false;

  constructor(
    private readonly engine: Engine,
    /** Called when names arrive (watch redraws). */
    private readonly onChange: () => void = () => {},
  ) {
    this.unsubscribe = engine.on('names.resolved', ({ names }) => {
      for (const n of names) this.names.set(n.address, n);
      if (names.length > 0) this.onChange();
    });
  }

  /** Looks up the rows' addresses not asked before; resolves when the engine answered (never waits for DNS). */
  async askRows(rows: readonly SocketRow[]): Promise<void> {
    const remote = new Set<string>();
    const local = new Set<string>();
    for (const r of rows) {
      const l = key(r.localAddress, r.scopeId);
      if (!this.names.has(l)) local.add(l);
      const p = key(r.remoteAddress, r.scopeId);
      if (hasPeer(r) && !this.names.has(p)) remote.add(p);
    }
    for (const a of remote) local.delete(a);
    const before = this.known();
    await this.ask([...local], false);
    await this.ask([...remote], true);
    if (this.known() > before) this.onChange();
  }

  /** Waits until no lookup is pending or `maxMs` passed; returns how many are still pending. */
  async settle(maxMs = RESOLVE_WAIT_MS): Promise<number> {
    const deadline = Date.now() + maxMs;
    while (this.pending() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, Math.min(50, deadline - Date.now())));
    this.settled = true;
    return this.pending();
  }

  /**
   * For a table cell: the name, `this machine (eth0)` for this machine's own addresses, `…` while
   * DNS is asked. `inParens`: `this machine, eth0`, for text that puts the label in parentheses.
   */
  label(address: string, scopeId: string | null, inParens = false): string {
    const n = this.names.get(key(address, scopeId));
    if (!n) return '';
    // The engine names this machine's own addresses in English ("this machine"): say it in the CLI's language.
    if (n.source === 'local') return t(inParens ? 'cli.names.localInParens' : 'cli.names.local', { iface: n.interface ?? '?' });
    return n.name ?? (n.pending && !this.settled ? '…' : '');
  }

  /** For --json: the name as the contract gives it, without the address the row already holds. */
  field(address: string, scopeId: string | null): Omit<AddressName, 'address'> | null {
    const n = this.names.get(key(address, scopeId));
    if (!n) return null;
    const { address: _drop, ...rest } = n;
    void _drop;
    return rest;
  }

  /** The row with `localName` and `remoteName` added (null: a listener's or unconnected socket's remote). */
  withNames<R extends SocketRow>(r: R): R & { localName: Omit<AddressName, 'address'> | null; remoteName: Omit<AddressName, 'address'> | null } {
    return { ...r, localName: this.field(r.localAddress, r.scopeId), remoteName: hasPeer(r) ? this.field(r.remoteAddress, r.scopeId) : null };
  }

  /**
   * The table column: "Remote name" when the table shows remote ends (a listener's row stays
   * empty), else "Local name" (which interface a listener is bound to).
   */
  column(withRemote: boolean): AddressNameColumn {
    return withRemote
      ? { column: { header: t('cli.names.remoteColumn'), max: 40 }, cell: (r) => (hasPeer(r) ? this.label(r.remoteAddress, r.scopeId) : '') }
      : { column: { header: t('cli.names.localColumn'), max: 40 }, cell: (r) => this.label(r.localAddress, r.scopeId) };
  }

  dispose(): void {
    this.unsubscribe();
  }

  private pending(): number {
    let n = 0;
    for (const v of this.names.values()) if (v.pending) n++;
    return n;
  }

  private known(): number {
    let n = 0;
    for (const v of this.names.values()) if (!v.pending && v.name !== null) n++;
    return n;
  }

  private async ask(addresses: string[], dns: boolean): Promise<void> {
    for (let i = 0; i < addresses.length; i += MAX_PER_CALL) {
      const { names } = await this.engine.handlers['names.lookup']({ addresses: addresses.slice(i, i + MAX_PER_CALL), dns });
      // An event may have overtaken this answer: a name already known is not set back to pending.
      for (const n of names) if (!(n.pending && this.names.get(n.address)?.pending === false)) this.names.set(n.address, n);
    }
  }
}

/** The note one-shot commands print when DNS did not answer every address in time. */
export function pendingNote(count: number, waitedMs = RESOLVE_WAIT_MS): string {
  return t('cli.names.pending', { count, seconds: (waitedMs / 1000).toFixed(0) });
}

/**
 * For one-shot commands: names for these rows, waiting at most `waitMs` for DNS. A note on
 * standard error (so --json stays parseable) says how many addresses DNS left unanswered.
 */
export async function resolveRows(engine: Engine, rows: readonly SocketRow[], note: (text: string) => void, waitMs = RESOLVE_WAIT_MS): Promise<CliNames> {
  const names = new CliNames(engine);
  await names.askRows(rows);
  const left = await names.settle(waitMs);
  names.dispose();
  if (left > 0) note(pendingNote(left, waitMs));
  return names;
}
