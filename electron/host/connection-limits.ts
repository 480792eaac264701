import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  /** Connections holding no request in progress (half-sent headers, idle keep-alive); the oldest go first beyond this. */
  maxIdle?: number;
  /** The same, per remote address (a `--host` bind faces other machines). */
  maxIdlePerAddress?: number;
  /** Every connection, as a last ceiling against running out of file descriptors. */
  maxTotal?: number;
  /** The whole request head must arrive within this. */
  headersTimeoutMs?: number;
  /** The whole request within this. */
  requestTimeoutMs?: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs?: number;
}

export const DEFAULT_CONNECTION_LIMITS: Required<ConnectionLimits> = {
  maxIdle: 256,
  maxIdlePerAddress: 128,
  maxTotal: 2048,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
};

/** How often Node checks the header and request timeouts (its default, 30 s, lets them overrun). */
export const TIMEOUT_CHECK_MS = 1_000;

/**
 * Keeps unauthenticated clients from using up the server. Anyone who can reach the port may open
 * connections and dribble half a request; a server that keeps them all runs out of descriptors,
 * and the user's own login waits. So connections that hold no request in progress are capped, and
 * a new one pushes out the oldest (the attacker's, which has been idle longest), rather than new
 * ones being refused, which would refuse the user too. Timeouts end what eviction does not.
 * Connections upgraded to a WebSocket are authenticated and counted by the session code instead.
 */
export function limitConnections(server: Server, limits: ConnectionLimits = {}): void {
  const l = { ...DEFAULT_CONNECTION_LIMITS, ...limits };
  server.headersTimeout = l.headersTimeoutMs;
  server.requestTimeout = l.requestTimeoutMs;
  server.keepAliveTimeout = l.keepAliveTimeoutMs;
  server.maxConnections = l.maxTotal;

  // Insertion order is age: the first entry has been idle longest.
  const idle = new Map<Socket, string>();
  const makeIdle = (socket: Socket) => {
    if (socket.destroyed) return;
    idle.delete(socket);
    const address = socket.remoteAddress ?? '';
    let sameAddress: Socket | null = null;
    let count = 0;
    for (const [s, a] of idle) {
      if (a !== address) continue;
      sameAddress ??= s;
      count++;
    }
    if (count >= l.maxIdlePerAddress && sameAddress) evict(sameAddress);
    if (idle.size >= l.maxIdle) evict(idle.keys().next().value!);
    idle.set(socket, address);
  };
  const evict = (socket: Socket) => {
    idle.delete(socket);
    socket.destroy();
  };

  server.on('connection', (socket: Socket) => {
    makeIdle(socket);
    socket.once('close', () => idle.delete(socket));
  });
  server.on('request', (req, res) => {
    const socket = req.socket;
    idle.delete(socket);
    res.once('finish', () => makeIdle(socket));
  });
  // 'upgrade' listeners run in order; this one only takes the socket out of the idle set.
  server.prependListener('upgrade', (req) => idle.delete(req.socket));
}
