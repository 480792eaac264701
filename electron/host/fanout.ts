import type { EventName } from '../../shared/contract';
import type { EngineLink } from './engine-link';

/** What the fan-out needs of a client connection (a `ws` WebSocket fits; tests use fakes). */
export interface FanoutClient {
  readonly bufferedAmount: number;
  send(text: string): void;
  close(code: number, reason: string): void;
}

export interface FanoutOptions {
  /** Above this many unsent bytes, resyncable events for the client are dropped. */
  softLimitBytes?: number;
  /** Above this, the client is too far behind for any event: it is disconnected. */
  hardLimitBytes?: number;
  /**
   * Streams a client can recover from after losing messages. A socket delta carries `seq` and
   * `previousSeq`, so a client that sees `previousSeq` differ from the last `seq` it applied knows
   * it missed some and takes a fresh `sockets.snapshot`. Other streams (scan progress, errors)
   * are never dropped.
   */
  resyncable?: ReadonlySet<EventName>;
  log?: (message: string) => void;
}

export const DEFAULT_RESYNCABLE: ReadonlySet<EventName> = new Set<EventName>(['sockets.delta']);

interface ClientState {
  names: Set<EventName>;
  /** Streams being dropped for this client right now, with the count so far. */
  dropping: Map<EventName, number>;
}

/**
 * Sends engine events to the WebSocket clients that subscribed. The engine already batches one
 * delta per tick; each event is framed once and the same text goes to every client. A client that
 * does not read fast enough (its send buffer keeps growing) skips deltas instead of making this
 * process buffer without bound, and catches up from a snapshot once it drains.
 * The engine stream itself is subscribed only while some client wants it, so the monitor stops
 * ticking when the last dashboard closes.
 */
export class EventFanout {
  private readonly clients = new Map<FanoutClient, ClientState>();
  private readonly engineSubs = new Map<EventName, () => void>();
  private readonly soft: number;
  private readonly hard: number;
  private readonly resyncable: ReadonlySet<EventName>;
  private readonly log: (message: string) => void;

  constructor(
    private readonly link: EngineLink,
    options: FanoutOptions = {},
  ) {
    this.soft = options.softLimitBytes ?? 4 * 1024 * 1024;
    this.hard = options.hardLimitBytes ?? 64 * 1024 * 1024;
    this.resyncable = options.resyncable ?? DEFAULT_RESYNCABLE;
    this.log = options.log ?? (() => {});
  }

  subscribe(client: FanoutClient, name: EventName): void {
    let state = this.clients.get(client);
    if (!state) this.clients.set(client, (state = { names: new Set(), dropping: new Map() }));
    state.names.add(name);
    if (!this.engineSubs.has(name)) this.engineSubs.set(name, this.link.on(name, (json) => this.deliver(name, json)));
  }

  unsubscribe(client: FanoutClient, name: EventName): void {
    const state = this.clients.get(client);
    if (!state?.names.delete(name)) return;
    state.dropping.delete(name);
    if (state.names.size === 0) this.clients.delete(client);
    this.release(name);
  }

  removeClient(client: FanoutClient): void {
    const state = this.clients.get(client);
    if (!state) return;
    this.clients.delete(client);
    for (const name of state.names) this.release(name);
  }

  /** Subscribed streams, for tests and diagnostics. */
  subscribedNames(): EventName[] {
    return [...this.engineSubs.keys()];
  }

  close(): void {
    for (const unsubscribe of this.engineSubs.values()) unsubscribe();
    this.engineSubs.clear();
    this.clients.clear();
  }

  private release(name: EventName): void {
    for (const state of this.clients.values()) if (state.names.has(name)) return;
    this.engineSubs.get(name)?.();
    this.engineSubs.delete(name);
  }

  private deliver(name: EventName, json: string): void {
    const text = `{"type":"event","name":${JSON.stringify(name)},"payload":${json}}`;
    for (const [client, state] of this.clients) {
      if (!state.names.has(name)) continue;
      const buffered = client.bufferedAmount;
      if (buffered > this.hard) {
        this.log(`closing a WebSocket client ${buffered} bytes behind`);
        this.removeClient(client);
        client.close(1013, 'Too far behind: reconnect and take a fresh snapshot.');
        continue;
      }
      if (buffered > this.soft && this.resyncable.has(name)) {
        const dropped = (state.dropping.get(name) ?? 0) + 1;
        state.dropping.set(name, dropped);
        if (dropped === 1) this.log(`a client is ${buffered} bytes behind: skipping ${name} for it until it catches up`);
        continue;
      }
      const skipped = state.dropping.get(name);
      if (skipped !== undefined) {
        state.dropping.delete(name);
        this.log(`a client caught up after ${skipped} skipped ${name} events; the seq gap tells it to re-snapshot`);
      }
      client.send(text);
    }
  }
}
