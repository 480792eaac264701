import { createServer as createTcpServer, type Server } from 'node:net';
import { createSocket, type Socket } from 'node:dgram';

export interface OpenListener {
  readonly port: number;
  /** The pid that owns the socket: this Playwright worker. */
  readonly pid: number;
  close(): Promise<void>;
}

/** A real TCP listener on loopback, owned by the test process, for the dashboard to discover. */
export async function openTcpListener(port = 0, host = '127.0.0.1'): Promise<OpenListener> {
  // Scans reset connections: a peer's RST must not crash the Playwright worker.
  const server: Server = createTcpServer((socket) => {
    socket.on('error', () => {});
    socket.end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as { port: number }).port,
    pid: process.pid,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A bound UDP socket on loopback. */
export async function openUdpSocket(port = 0, host = '127.0.0.1'): Promise<OpenListener> {
  const socket: Socket = createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, host, () => resolve());
  });
  return { port: socket.address().port, pid: process.pid, close: () => new Promise<void>((resolve) => socket.close(() => resolve())) };
}
