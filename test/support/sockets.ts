import dgram from 'node:dgram';
import net from 'node:net';

/** Real sockets opened by a test, closed by `closeAll`. Loopback only. */
export class SocketBag {
  private readonly closers: Array<() => Promise<void>> = [];

  async listen(host: string, options: { ipv6Only?: boolean; port?: number } = {}): Promise<net.Server> {
    const server = net.createServer((s) => s.on('error', () => {}));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host, port: options.port ?? 0, ipv6Only: options.ipv6Only ?? false }, resolve);
    });
    this.closers.push(() => new Promise((r) => server.close(() => r())));
    return server;
  }

  async udp(type: 'udp4' | 'udp6', host: string, options: { ipv6Only?: boolean } = {}): Promise<dgram.Socket> {
    const sock = dgram.createSocket({ type, ipv6Only: options.ipv6Only ?? false });
    await new Promise<void>((resolve, reject) => {
      sock.once('error', reject);
      sock.bind(0, host, resolve);
    });
    this.closers.push(() => new Promise((r) => sock.close(() => r())));
    return sock;
  }

  async connect(host: string, port: number): Promise<net.Socket> {
    const sock = net.connect({ host, port });
    await new Promise<void>((resolve, reject) => {
      sock.once('connect', resolve);
      sock.once('error', reject);
    });
    this.closers.push(async () => void sock.destroy());
    return sock;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.closers.splice(0).map((c) => c()));
  }
}

export function portOf(server: net.Server | dgram.Socket): number {
  const addr = 'address' in server && typeof server.address === 'function' ? server.address() : null;
  if (!addr || typeof addr === 'string') throw new Error('not bound');
  return addr.port;
}
