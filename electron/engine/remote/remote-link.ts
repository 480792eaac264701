import WebSocket from 'ws';
import {
  contractMajor,
  CONTRACT_VERSION,
  ContractError,
  HelloResponseSchema,
  ServerMessageSchema,
  type CallName,
  type ContractErrorCode,
  type EventName,
  type HelloResponse,
} from '../../../shared/contract';
import { formatAgentAddress, sameFingerprint, type AgentAddress } from './address';
import { describeNetError, tlsConnect } from './tls-connect';

export { presentedFingerprint } from './tls-connect';

/** Matches browser mode's subprotocol (electron/host/sessions.ts); kept here so the engine needs no host import. */
const WIRE_PROTOCOL = 'portscope.v1';

export type RemoteStatus = 'idle' | 'connecting' | 'connected' | 'error';

export interface RemoteState {
  status: RemoteStatus;
  error: string | null;
  hello: HelloResponse | null;
  /** When the agent was last heard from (any message or heartbeat answer), ISO; null before. */
  lastSeenAt: string | null;
}

export interface RemoteLinkOptions {
  address: AgentAddress;
  token: string;
  /** The pinned certificate fingerprint: a server presenting any other is refused before the token is sent. */
  fingerprint: string;
  connectTimeoutMs?: number;
  callTimeoutMs?: number;
  /**
   * A ping this often while connected; a link with nothing heard for twice as long (a cable
   * pulled, a machine frozen: no FIN ever comes) is given up and reconnected.
   */
  heartbeatMs?: number;
  log?: (message: string) => void;
  onState?: (state: RemoteState) => void;
}

interface Pending {
  resolve: (json: string) => void;
  reject: (err: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

interface Queued {
  name: CallName;
  request: unknown;
  pending: Pending;
}

/** Refusals that retrying cannot fix (a changed certificate, a wrong token): no reconnect until asked. */
class FatalError extends ContractError {}

const CODES = new Set<ContractErrorCode>(['bad-request', 'unknown-call', 'not-found', 'denied', 'unavailable', 'internal']);

/**
 * One remote agent, seen as an EngineLink: the host routes a browser's (or Electron window's)
 * calls and events here exactly as it routes them to the local engine. Each connection:
 * TLS without CA checks, the certificate's SHA-256 compared with the pinned fingerprint (a
 * mismatch is refused before anything is sent, the token included), then the WebSocket upgrade
 * with `Authorization: Bearer <token>`, the hello frame, and a `contract.hello` call whose answer
 * (hostname, control) the machine list shows. Calls made while it connects wait for that attempt;
 * a dropped link reconnects with backoff, subscriptions included. A refused certificate or token
 * stops retrying until `retry()`: retrying would not change the answer.
 */
export class RemoteLink {
  private ws: WebSocket | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private queued: Queued[] = [];
  private readonly listeners = new Map<EventName, Set<(json: string) => void>>();
  private readonly waiters = new Set<{ resolve: () => void; reject: (err: Error) => void }>();
  private backoff = 500;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private fatal: ContractError | null = null;
  private closed = false;
  private attempt = 0;
  readonly state: RemoteState = { status: 'idle', error: null, hello: null, lastSeenAt: null };
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private lastSeen = 0;
  private readonly where: string;
  private readonly connectTimeoutMs: number;
  private readonly callTimeoutMs: number;

  constructor(private readonly options: RemoteLinkOptions) {
    this.where = formatAgentAddress(options.address);
    this.connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
    this.callTimeoutMs = options.callTimeoutMs ?? 60_000;
  }

  private seen(): void {
    this.lastSeen = Date.now();
    this.state.lastSeenAt = new Date(this.lastSeen).toISOString();
  }

  private startHeartbeat(ws: WebSocket): void {
    this.stopHeartbeat();
    const every = this.options.heartbeatMs ?? 5000;
    this.heartbeat = setInterval(() => {
      if (this.ws !== ws) return this.stopHeartbeat();
      if (Date.now() - this.lastSeen > 2 * every) {
        this.options.log?.(`nothing heard from ${this.where} for ${Math.round((Date.now() - this.lastSeen) / 1000)} s: reconnecting`);
        ws.terminate(); // 'close' follows, and with it the reconnect
        return;
      }
      ws.ping();
    }, every);
    this.heartbeat.unref?.();
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  /** Resolves once connected (hello answered); rejects with the reason when this attempt fails. */
  ready(): Promise<void> {
    if (this.state.status === 'connected') return Promise.resolve();
    if (this.fatal) return Promise.reject(this.fatal);
    return new Promise<void>((resolve, reject) => {
      this.waiters.add({ resolve, reject });
      this.ensureConnecting();
    });
  }

  /** Tries again after a refusal (the user picked the machine again, or fixed the agent). */
  retry(): void {
    this.fatal = null;
    this.backoff = 500;
    if (this.state.status !== 'connected' && this.state.status !== 'connecting') {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.connect();
    }
  }

  call(name: CallName, request: unknown): Promise<string> {
    if (this.closed) return Promise.reject(new ContractError('unavailable', 'This machine was removed.'));
    if (this.fatal) return Promise.reject(this.fatal);
    return new Promise<string>((resolve, reject) => {
      const pending: Pending = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.drop(pending);
          reject(new ContractError('unavailable', `${this.where} sent no answer to ${name} within ${Math.round(this.callTimeoutMs / 1000)} s.`));
        }, this.callTimeoutMs),
      };
      if (this.state.status === 'connected' && this.ws) this.send(name, request, pending);
      else {
        this.queued.push({ name, request, pending });
        this.ensureConnecting();
      }
    });
  }

  on(name: EventName, listener: (json: string) => void): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      this.listeners.set(name, (set = new Set()));
      if (this.state.status === 'connected') this.ws?.send(JSON.stringify({ type: 'subscribe', name }));
      else this.ensureConnecting();
    }
    set.add(listener);
    return () => {
      const current = this.listeners.get(name);
      if (!current?.delete(listener) || current.size > 0) return;
      this.listeners.delete(name);
      if (this.state.status === 'connected') this.ws?.send(JSON.stringify({ type: 'unsubscribe', name }));
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopHeartbeat();
    if (this.timer) clearTimeout(this.timer);
    const err = new ContractError('unavailable', 'This machine was removed.');
    this.failAll(err);
    this.listeners.clear();
    const ws = this.ws;
    this.ws = null;
    ws?.terminate();
    this.setState('idle', null);
  }

  private ensureConnecting(): void {
    if (this.closed || this.fatal || this.state.status === 'connecting' || this.state.status === 'connected') return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.connect();
  }

  private send(name: CallName, request: unknown, pending: Pending): void {
    const id = this.nextId++;
    this.pending.set(id, pending);
    this.ws!.send(JSON.stringify({ type: 'call', id, name, payload: request }));
  }

  private drop(pending: Pending): void {
    for (const [id, p] of this.pending) if (p === pending) this.pending.delete(id);
    this.queued = this.queued.filter((q) => q.pending !== pending);
  }

  private setState(status: RemoteStatus, error: string | null): void {
    this.state.status = status;
    this.state.error = error;
    this.options.onState?.({ ...this.state });
  }

  private connect(): void {
    const attempt = ++this.attempt;
    this.setState('connecting', null);
    void this.open().then(
      (ws) => {
        if (attempt !== this.attempt || this.closed) return ws.terminate();
        this.backoff = 500;
        this.seen();
        this.startHeartbeat(ws);
        this.setState('connected', null);
        for (const w of this.waiters) w.resolve();
        this.waiters.clear();
        for (const q of this.queued.splice(0)) this.send(q.name, q.request, q.pending);
      },
      (err: unknown) => {
        if (attempt !== this.attempt || this.closed) return;
        this.failed(err instanceof ContractError ? err : new ContractError('unavailable', `${this.where}: ${String(err)}`));
      },
    );
  }

  private failed(err: ContractError): void {
    this.stopHeartbeat();
    this.ws?.terminate();
    this.ws = null;
    if (err instanceof FatalError) this.fatal = err;
    this.setState('error', err.message);
    this.failAll(err);
    if (this.fatal) {
      this.options.log?.(err.message);
      return;
    }
    // Someone still watches its events: keep trying.
    if (this.listeners.size > 0 && !this.closed) {
      const delay = this.backoff;
      // Capped low: someone is looking at this machine and waits for it to come back.
      this.backoff = Math.min(5_000, this.backoff * 2);
      this.timer = setTimeout(() => {
        this.timer = null;
        if (!this.closed && !this.fatal) this.connect();
      }, delay);
      this.timer.unref?.();
    }
  }

  private failPending(err: Error): void {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    this.pending.clear();
  }

  private failAll(err: Error): void {
    this.failPending(err);
    for (const q of this.queued.splice(0)) {
      clearTimeout(q.pending.timer);
      q.pending.reject(err);
    }
    for (const w of this.waiters) w.reject(err);
    this.waiters.clear();
  }

  /** One attempt: TLS, pin check, upgrade with the token, hello. Resolves with the open socket. */
  private async open(): Promise<WebSocket> {
    const socket = await tlsConnect(this.options.address, this.connectTimeoutMs);
    const presented = socket.getPeerX509Certificate()?.fingerprint256 ?? '(none)';
    if (!sameFingerprint(presented, this.options.fingerprint)) {
      socket.destroy();
      throw new FatalError(
        'denied',
        `The agent at ${this.where} presents certificate fingerprint ${presented}, not the ${this.options.fingerprint} pinned when it was added. ` +
          'If its certificate was replaced on purpose, remove the machine and add it again; otherwise someone may be intercepting the connection. Nothing was sent.',
      );
    }
    const ws = new WebSocket(`wss://${this.where}/ws`, [WIRE_PROTOCOL], {
      // The socket whose certificate was just checked: ws must not open another one.
      createConnection: (() => socket) as unknown as WebSocket.ClientOptions['createConnection'],
      headers: { Authorization: `Bearer ${this.options.token}` },
      perMessageDeflate: false,
      handshakeTimeout: this.connectTimeoutMs,
      maxPayload: 256 * 1024 * 1024,
    });
    this.ws = ws;
    ws.on('error', () => {}); // every error also closes the socket, handled below
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new ContractError('unavailable', `${this.where} did not say hello within ${Math.round(this.connectTimeoutMs / 1000)} s.`)), this.connectTimeoutMs);
      ws.once('unexpected-response', (req, res) => {
        clearTimeout(timer);
        const status = res.statusCode ?? 0;
        req.destroy();
        if (status === 401) reject(new FatalError('denied', `The agent at ${this.where} refused the token (401). Check the token it was started with (--listen-token-file).`));
        else if (status === 404) reject(new FatalError('denied', `${this.where} is not a Portscope agent with --listen (no WebSocket at /ws).`));
        else reject(new ContractError('unavailable', `The agent at ${this.where} refused the connection (HTTP ${status}).`));
      });
      ws.once('error', (err) => {
        clearTimeout(timer);
        reject(new ContractError('unavailable', describeNetError(this.where, err as NodeJS.ErrnoException)));
      });
      // The first frame is the hello; its contract version must match ours.
      ws.once('message', (data) => {
        clearTimeout(timer);
        const hello = ServerMessageSchema.safeParse(safeJson(data.toString()));
        if (!hello.success || hello.data.type !== 'hello') return reject(new FatalError('denied', `${this.where} did not greet like a Portscope agent.`));
        if (contractMajor(hello.data.version) !== contractMajor(CONTRACT_VERSION)) {
          return reject(new FatalError('denied', `The agent at ${this.where} speaks contract ${hello.data.version.slice(0, 20)}; this Portscope needs ${CONTRACT_VERSION}. Update one of them.`));
        }
        resolve();
      });
    });
    ws.on('message', (data) => {
      this.seen();
      this.onMessage(data.toString());
    });
    ws.on('pong', () => this.seen());
    ws.on('close', (code, reason) => {
      if (this.ws !== ws) return;
      this.ws = null;
      const why = reason.toString().slice(0, 200);
      const err = new ContractError('unavailable', `The connection to ${this.where} dropped${why ? `: ${why}` : ` (${code})`}.`);
      if (this.state.status === 'connected') this.failed(err);
      else this.failPending(err); // still opening: the attempt itself fails with this
    });
    for (const name of this.listeners.keys()) ws.send(JSON.stringify({ type: 'subscribe', name }));
    // The answer says who it is and whether it allows control; it also proves the link end to end.
    const helloJson = await new Promise<string>((resolve, reject) => {
      const pending: Pending = { resolve, reject, timer: setTimeout(() => reject(new ContractError('unavailable', `${this.where} did not answer hello.`)), this.connectTimeoutMs) };
      this.send('contract.hello', { version: CONTRACT_VERSION }, pending);
    });
    const parsed = HelloResponseSchema.safeParse(safeJson(helloJson));
    if (!parsed.success) throw new FatalError('denied', `${this.where} answered hello with data this version cannot read.`);
    this.state.hello = parsed.data;
    return ws;
  }

  private onMessage(text: string): void {
    const parsed = ServerMessageSchema.safeParse(safeJson(text));
    if (!parsed.success) return;
    const msg = parsed.data;
    if (msg.type === 'result') {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.ok) p.resolve(JSON.stringify(msg.value) ?? 'null');
      else p.reject(new ContractError(CODES.has(msg.error.code as ContractErrorCode) ? (msg.error.code as ContractErrorCode) : 'internal', msg.error.message.slice(0, 2000)));
    } else if (msg.type === 'event') {
      const set = this.listeners.get(msg.name as EventName);
      if (!set) return;
      const json = JSON.stringify(msg.payload) ?? 'null';
      for (const l of set) l(json);
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
