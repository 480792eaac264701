import { randomBytes } from 'node:crypto';
import { ContractError, type CallName, type MachineAddRequest, type MachineInfo } from '../../shared/contract';
import { formatAgentAddress, parseAgentAddress, sameFingerprint } from '../engine/remote/address';
import { MachineStore, type StoredMachine } from '../engine/remote/machine-store';
import { presentedFingerprint, RemoteLink } from '../engine/remote/remote-link';
import { toJson, type EngineLink } from './engine-link';
import type { MachineLinks } from './server';

interface Entry {
  stored: StoredMachine;
  link: RemoteLink;
  /** The link as connections use it: machines.* still answered here. */
  routed: EngineLink;
}

export interface MachineRegistryOptions {
  dataDir: string;
  log?: (message: string) => void;
  connectTimeoutMs?: number;
}

const MACHINE_CALLS: ReadonlySet<CallName> = new Set<CallName>(['machines.list', 'machines.add', 'machines.remove', 'machines.select']);

/**
 * The remote machines of one front end (browser mode's `portscope serve`, Electron's main): the
 * list in the data folder, one RemoteLink per machine (connected on first use), and the
 * machines.* calls. Every connection's link is wrapped by `withMachineCalls`, so the list is
 * managed here whichever machine a window is looking at.
 */
export class MachineRegistry implements MachineLinks {
  private readonly store: MachineStore;
  private readonly entries = new Map<string, Entry>();
  private readonly removedListeners = new Set<(id: string) => void>();
  private readonly log: (message: string) => void;
  /** The machine chosen last (machines.select), persisted so a restart or reload reopens it. */
  private selected: string | null = null;
  /** Why the list could not be read; the list is then empty and read-only. */
  readonly loadError: string | null = null;

  constructor(private readonly options: MachineRegistryOptions) {
    this.store = new MachineStore(options.dataDir);
    this.log = options.log ?? (() => {});
    let stored: StoredMachine[] = [];
    try {
      ({ machines: stored, selected: this.selected } = this.store.load());
    } catch (err) {
      this.loadError = err instanceof Error ? err.message : String(err);
      this.log(this.loadError);
    }
    for (const s of stored) this.entries.set(s.id, this.entry(s));
  }

  withMachineCalls(link: EngineLink): EngineLink {
    return {
      call: (name, request) => (MACHINE_CALLS.has(name) ? this.answer(name, request) : link.call(name, request)),
      on: (name, listener) => link.on(name, listener),
      close: () => link.close(),
    };
  }

  linkFor(id: string): EngineLink | null {
    return this.entries.get(id)?.routed ?? null;
  }

  onRemoved(listener: (id: string) => void): () => void {
    this.removedListeners.add(listener);
    return () => this.removedListeners.delete(listener);
  }

  list(): MachineInfo[] {
    return [...this.entries.values()].map((e) => info(e));
  }

  /** The machine chosen last, as machines.json remembers it (its id may no longer be listed). */
  lastSelected(): string | null {
    return this.selected;
  }

  /**
   * Connects (again, after a refusal) and answers once reachable; throws the reason otherwise.
   * Only a machine that answered is remembered as the selection: a restart must not reopen one
   * that was refused. null (this machine) is remembered too.
   */
  async select(id: string | null): Promise<MachineInfo | null> {
    if (id === null) {
      this.remember(null);
      return null;
    }
    const e = this.entries.get(id);
    if (!e) throw new ContractError('not-found', `No machine ${id} in the list.`);
    e.link.retry();
    await e.link.ready();
    this.remember(id);
    return info(e);
  }

  private remember(id: string | null): void {
    if (id === this.selected) return;
    this.selected = id;
    if (this.loadError) return; // never overwrite a list that could not be read
    try {
      this.persist();
    } catch (err) {
      this.log(`cannot remember the selected machine: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async add(request: MachineAddRequest): Promise<{ added: false; presentedFingerprint: string } | { added: true; machine: MachineInfo }> {
    if (this.loadError) throw new ContractError('unavailable', `The machine list cannot be changed: ${this.loadError}`);
    let address;
    try {
      address = parseAgentAddress(request.address);
    } catch (err) {
      throw new ContractError('bad-request', err instanceof Error ? err.message : String(err));
    }
    const presented = await presentedFingerprint(address, this.options.connectTimeoutMs);
    if (request.fingerprint === undefined) return { added: false, presentedFingerprint: presented };
    if (!sameFingerprint(presented, request.fingerprint)) {
      throw new ContractError(
        'denied',
        `The agent at ${formatAgentAddress(address)} presents fingerprint ${presented}, not ${request.fingerprint}. Compare with what \`portscope agent --show-fingerprint\` prints on that machine; the machine was not added.`,
      );
    }
    const stored: StoredMachine = {
      id: randomBytes(6).toString('hex'),
      label: request.label?.trim() || formatAgentAddress(address),
      address: formatAgentAddress(address),
      token: request.token,
      fingerprint: presented,
      addedAt: new Date().toISOString(),
    };
    const e = this.entry(stored);
    try {
      await e.link.ready(); // proves the token before anything is saved
    } catch (err) {
      await e.link.close();
      throw err;
    }
    // The same address added again replaces the old entry (a new token or certificate).
    for (const old of [...this.entries.values()]) if (old.stored.address === stored.address) await this.remove(old.stored.id, false);
    this.entries.set(stored.id, e);
    this.persist();
    this.log(`added machine ${stored.label} (${stored.address}), fingerprint ${stored.fingerprint}`);
    return { added: true, machine: info(e) };
  }

  async remove(id: string, persist = true): Promise<boolean> {
    const e = this.entries.get(id);
    if (!e) return false;
    this.entries.delete(id);
    if (this.selected === id) this.selected = null;
    if (persist) this.persist();
    for (const l of this.removedListeners) l(id);
    await e.link.close();
    return true;
  }

  async close(): Promise<void> {
    await Promise.all([...this.entries.values()].map((e) => e.link.close()));
  }

  private persist(): void {
    this.store.save(
      [...this.entries.values()].map((e) => e.stored),
      this.selected,
    );
  }

  private entry(stored: StoredMachine): Entry {
    let address;
    try {
      address = parseAgentAddress(stored.address);
    } catch {
      address = { host: stored.address, port: 0 };
    }
    const link = new RemoteLink({ address, token: stored.token, fingerprint: stored.fingerprint, connectTimeoutMs: this.options.connectTimeoutMs, log: (m) => this.log(`${stored.label}: ${m}`) });
    const routed = this.withMachineCalls({ call: (n, r) => link.call(n, r), on: (n, l) => link.on(n, l), close: async () => {} });
    return { stored, link, routed };
  }

  private async answer(name: CallName, request: unknown): Promise<string> {
    switch (name) {
      case 'machines.list':
        return toJson({ machines: this.list(), selected: this.selected });
      case 'machines.add':
        return toJson(await this.add(request as MachineAddRequest));
      case 'machines.remove':
        return toJson({ removed: await this.remove((request as { id: string }).id) });
      case 'machines.select': {
        const id = (request as { id: string | null }).id;
        return toJson({ machine: await this.select(id) });
      }
      default:
        throw new ContractError('unknown-call', `${name} is not a machines call.`);
    }
  }
}

function info(e: Entry): MachineInfo {
  const { stored, link } = e;
  return {
    id: stored.id,
    label: stored.label,
    address: stored.address,
    fingerprint: stored.fingerprint,
    status: link.state.status,
    error: link.state.error,
    hostname: link.state.hello?.hostname ?? null,
    control: link.state.hello ? link.state.hello.control !== false : null,
    addedAt: stored.addedAt,
    lastSeenAt: link.state.lastSeenAt,
  };
}
