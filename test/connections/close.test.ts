import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/service';
import { portscope, unreachableFor } from '../support/cli';

// Closing needs CAP_NET_ADMIN and a kernel with CONFIG_INET_DIAG_DESTROY (as `ss -K`).
const isRoot = process.getuid?.() === 0;
if (!isRoot) console.log('close.test: the closing cases skipped: needs root (CAP_NET_ADMIN) to abort sockets');

/** A loopback echo server and its accepted sockets, so tests can see both ends of a connection. */
async function echoServer(): Promise<{ server: net.Server; port: number; accepted: net.Socket[] }> {
  const accepted: net.Socket[] = [];
  const server = net.createServer((s) => {
    accepted.push(s);
    s.on('error', () => {});
    s.pipe(s);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as net.AddressInfo).port, accepted };
}

async function connect(port: number): Promise<{ sock: net.Socket; errors: string[] }> {
  const errors: string[] = [];
  const sock = net.connect(port, '127.0.0.1');
  sock.on('error', (e: NodeJS.ErrnoException) => errors.push(e.code ?? e.message));
  await new Promise<void>((r) => sock.once('connect', r));
  return { sock, errors };
}

function echoes(sock: net.Socket): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), 2000);
    sock.once('data', (d) => {
      clearTimeout(timer);
      resolve(d.toString() === 'ping');
    });
    sock.write('ping');
  });
}

const tcp = (localPort: number, remotePort: number) =>
  ({ protocol: 'tcp', localAddress: '127.0.0.1', localPort, remoteAddress: '127.0.0.1', remotePort }) as const;

describe.skipIf(!isRoot)('closing a connection (SOCK_DESTROY)', () => {
  let engine: Engine;
  const opened: net.Socket[] = [];
  let echo: Awaited<ReturnType<typeof echoServer>>;
  beforeAll(async () => {
    engine = new Engine({ transport: 'cli' });
    echo = await echoServer();
  });
  afterEach(() => opened.splice(0).forEach((s) => s.destroy()));
  afterAll(() => {
    engine.dispose();
    echo.server.close();
  });

  it('aborts one of two connections to the same listener, and only that one', async () => {
    const a = await connect(echo.port);
    const b = await connect(echo.port);
    opened.push(a.sock, b.sock);
    const result = await engine.handlers['connection.close'](tcp(a.sock.localPort!, echo.port));
    expect(result).toMatchObject({ ok: true, outcome: 'closed' });
    expect(result.message).toMatch(/of node \(pid \d+\)/);
    await new Promise((r) => setTimeout(r, 100));
    expect(a.errors).toEqual(['ECONNABORTED']);
    expect(a.sock.destroyed).toBe(true);
    expect(b.errors).toEqual([]);
    expect(await echoes(b.sock)).toBe(true);
    // The listener is untouched: it still accepts.
    const c = await connect(echo.port);
    opened.push(c.sock);
    expect(await echoes(c.sock)).toBe(true);
  });

  it('closes the accepted side by its own endpoints, and the listener keeps accepting', async () => {
    const a = await connect(echo.port);
    opened.push(a.sock);
    const result = await engine.handlers['connection.close'](tcp(echo.port, a.sock.localPort!));
    expect(result.outcome).toBe('closed');
    await new Promise((r) => setTimeout(r, 100));
    expect(a.errors).toEqual(['ECONNRESET']);
    const c = await connect(echo.port);
    opened.push(c.sock);
    expect(await echoes(c.sock)).toBe(true);
  });

  it('never hands a TIME_WAIT (or any other non-established socket) to the kernel', async () => {
    const a = await connect(echo.port);
    const local = a.sock.localPort!;
    // The client closes first, so its end goes to TIME_WAIT.
    await new Promise<void>((r) => a.sock.end(r));
    await new Promise((r) => setTimeout(r, 200));
    const result = await engine.handlers['connection.close'](tcp(local, echo.port));
    expect(result).toMatchObject({ ok: false, outcome: 'not-established' });
    expect(result.message).toMatch(/TIME_WAIT|FIN_WAIT/);
  });

  it('says when there is no such connection', async () => {
    const result = await engine.handlers['connection.close'](tcp(1, echo.port));
    expect(result).toMatchObject({ ok: false, outcome: 'not-found' });
  });

  it('`portscope close` asks for --yes without a terminal, closes with it, and exits 1 when nothing matches', async () => {
    const a = await connect(echo.port);
    opened.push(a.sock);
    const args = ['close', `127.0.0.1:${a.sock.localPort}`, `127.0.0.1:${echo.port}`];
    const refused = portscope(args);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/--yes/);
    expect(await echoes(a.sock)).toBe(true);
    const r = portscope([...args, '--yes']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Closed TCP 127\.0\.0\.1:\d+ → 127\.0\.0\.1:\d+ of node/);
    await new Promise((res) => setTimeout(res, 100));
    expect(a.errors).toEqual(['ECONNABORTED']);
    const again = portscope([...args, '--yes']);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/No TCP connection/);
  });

  const unreachable = unreachableFor(65534);
  it.skipIf(unreachable !== null)('as an unprivileged user is refused with the reason, and the connection stays', async () => {
    const a = await connect(echo.port);
    opened.push(a.sock);
    const r = portscope(['close', `127.0.0.1:${a.sock.localPort}`, `127.0.0.1:${echo.port}`, '--yes', '--json'], { uid: 65534 });
    expect(r.status).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, outcome: 'denied' });
    expect(await echoes(a.sock)).toBe(true);
  });
});

describe('portscope close input', () => {
  it.each([
    [['close', '127.0.0.1', '127.0.0.1:80', '--yes'], /local end must be ADDRESS:PORT/],
    [['close', '127.0.0.1:80', '::1:80', '--yes'], /remote end must be ADDRESS:PORT \(IPv6 in brackets/],
    [['close', '127.0.0.1:0', '127.0.0.1:80', '--yes'], /local end/],
    [['close', '127.0.0.1:80'], /missing required argument/],
  ])('%j is one line and exit 2', (args, message) => {
    const r = portscope(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
