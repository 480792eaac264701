import type { CallName, CallRequest, CallResponse, EventName, EventPayload, ProcessInfo, Snapshot, SocketDelta, SocketRow } from '../../shared/contract';
import type { ConnectionState, RendererClient } from '../../renderer/contract/types';

let inode = 1000;

export function makeRow(over: Partial<SocketRow> = {}): SocketRow {
  const base: SocketRow = {
    id: `tcp4|127.0.0.1:${over.localPort ?? 8080}|0.0.0.0:0|${inode++}`,
    protocol: 'tcp',
    family: 4,
    localAddress: '127.0.0.1',
    localPort: 8080,
    remoteAddress: '0.0.0.0',
    remotePort: 0,
    scopeId: null,
    state: 'LISTEN',
    dualStack: null,
    inode: inode,
    socketUid: 0,
    pid: 4242,
    processName: 'node',
    pids: [4242],
    user: 'root',
    ownerStatus: 'known',
    service: 'http-alt',
    serviceDescription: 'HTTP alternate',
    servicePort: 8080,
    portClass: 'registered',
    exposure: 'loopback',
    risks: [],
    bytesSent: null,
    bytesReceived: null,
    sendRate: null,
    receiveRate: null,
    rttMs: null,
    tcpInfo: null,
    trafficUnavailable: 'listener',
  };
  const row = { ...base, ...over };
  if (over.pid !== undefined && over.pids === undefined) row.pids = over.pid === null ? [] : [over.pid];
  return row;
}

export function makeProcess(over: Partial<ProcessInfo> = {}): ProcessInfo {
  return {
    pid: 4242,
    ppid: 1,
    name: 'node',
    exe: '/usr/bin/node',
    args: ['node', 'server.js'],
    commandLine: 'node server.js',
    uid: 0,
    user: 'root',
    startTime: '2026-11-21T00:00:00.000Z',
    unit: null,
    container: null,
    unavailable: [],
    ...over,
  };
}

export function makeSnapshot(rows: SocketRow[], seq = 1, processes: ProcessInfo[] = [makeProcess()]): Snapshot {
  return { seq, takenAt: new Date(0).toISOString(), hostname: 'testhost', rows, processes, durationMs: 3, warnings: [] };
}

export function makeDelta(seq: number, parts: Partial<Pick<SocketDelta, 'added' | 'removed' | 'changed' | 'processes'>>, total: number): SocketDelta {
  return {
    seq,
    previousSeq: seq - 1,
    takenAt: new Date(seq * 1000).toISOString(),
    added: parts.added ?? [],
    removed: parts.removed ?? [],
    changed: parts.changed ?? [],
    processes: parts.processes ?? [],
    durationMs: 2,
    total,
    warnings: [],
  };
}

type Handler = (request: unknown) => Promise<unknown> | unknown;

/** A ContractClient the test drives: handlers per call, and emit() for events. */
export class FakeClient implements RendererClient {
  readonly connection: ConnectionState = { status: 'open', error: null, transport: 'fake' };
  readonly calls: Array<{ name: string; request: unknown }> = [];
  private readonly handlers = new Map<string, Handler>();
  private readonly listeners = new Map<string, Set<(p: unknown) => void>>();
  private readonly reconnects = new Set<() => void>();

  handle<N extends CallName>(name: N, handler: (request: CallRequest<N>) => Promise<CallResponse<N>> | CallResponse<N>): this {
    this.handlers.set(name, handler as Handler);
    return this;
  }

  async call<N extends CallName>(name: N, request: CallRequest<N>): Promise<CallResponse<N>> {
    this.calls.push({ name, request });
    const h = this.handlers.get(name);
    if (!h) throw new Error(`no handler for ${name}`);
    return (await h(request)) as CallResponse<N>;
  }

  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener as (p: unknown) => void);
    return () => set.delete(listener as (p: unknown) => void);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const l of this.listeners.get(name) ?? []) l(payload);
  }

  listenerCount(name: EventName): number {
    return this.listeners.get(name)?.size ?? 0;
  }

  reconnect(): void {
    for (const l of this.reconnects) l();
  }

  onConnection(): () => void {
    return () => {};
  }

  onReconnect(listener: () => void): () => void {
    this.reconnects.add(listener);
    return () => this.reconnects.delete(listener);
  }

  dispose(): void {}
}
