import net from 'node:net';
import { kernelRttReader } from './tcpInfo';

/**
 * The cheapest way Node can issue a connect(): libuv's TCP handle from the `tcp_wrap` binding
 * (what net.Socket uses underneath) without the stream machinery, and without an Error object
 * with a stack trace for each refused port: the callback gets the bare negative errno. One shared
 * callback and no closure per probe keep the garbage collector out of the hot loop. Falls back to
 * net.Socket where the binding is missing (or PORTSCOPE_SCAN_NET=1 asks for it).
 */

/** Per-probe state the connector hangs its handle on; the scanner adds its own fields. */
export interface ConnectToken {
  handle: unknown;
  aborted: boolean;
}

/** `kernelRttUs`: the kernel's handshake round-trip time of an accepted connect, or -1 when unknown. */
export type ConnectDone<T extends ConnectToken> = (token: T, status: number, localPort: number, kernelRttUs: number) => void;

export interface Connector<T extends ConnectToken> {
  readonly kind: 'tcp_wrap' | 'net';
  /** Starts a connect: 0, or a negative errno when the kernel refused to start it. */
  connect(address: string, family: 4 | 6, port: number, wantLocalPort: boolean, token: T): number;
  /** Gives up on a pending connect (a timeout); its late answer is dropped. */
  abort(token: T): void;
}

interface TcpHandle {
  connect(req: ConnectReq, address: string, port: number): number;
  connect6(req: ConnectReq, address: string, port: number): number;
  getsockname(out: { port?: number }): number;
  readonly fd: number;
  close(): void;
  destroy?: () => void;
}
interface ConnectReq {
  oncomplete: (status: number, handle: TcpHandle, req: ConnectReq) => void;
  token: ConnectToken;
  wantLocalPort: boolean;
}
interface TcpWrapBinding {
  TCP: new (type: number) => TcpHandle;
  TCPConnectWrap: new () => ConnectReq;
  constants: { SOCKET: number };
}

function loadBinding(): TcpWrapBinding | null {
  if (process.env.PORTSCOPE_SCAN_NET === '1') return null;
  try {
    const binding = (process as unknown as { binding(name: string): unknown }).binding('tcp_wrap') as TcpWrapBinding;
    return typeof binding?.TCP === 'function' && typeof binding.TCPConnectWrap === 'function' ? binding : null;
  } catch {
    return null;
  }
}

function wrapConnector<T extends ConnectToken>(b: TcpWrapBinding, done: ConnectDone<T>): Connector<T> {
  const scratch: { port?: number } = {};
  const kernelRtt = kernelRttReader();
  function oncomplete(status: number, handle: TcpHandle, req: ConnectReq): void {
    const token = req.token as T;
    if (token.aborted) return; // closed by a timeout: the kernel's late answer is not news
    let localPort = 0;
    let rttUs = -1;
    if (status === 0) {
      if (req.wantLocalPort) {
        scratch.port = 0;
        handle.getsockname(scratch);
        localPort = scratch.port ?? 0;
      }
      if (kernelRtt) rttUs = kernelRtt(handle.fd);
    }
    handle.close();
    done(token, status, localPort, rttUs);
  }
  return {
    kind: 'tcp_wrap',
    connect(address, family, port, wantLocalPort, token) {
      const handle = new b.TCP(b.constants.SOCKET);
      const req = new b.TCPConnectWrap();
      req.oncomplete = oncomplete;
      req.token = token;
      req.wantLocalPort = wantLocalPort;
      const err = family === 6 ? handle.connect6(req, address, port) : handle.connect(req, address, port);
      if (err !== 0) {
        handle.close();
        return err;
      }
      token.handle = handle;
      return 0;
    },
    abort(token) {
      token.aborted = true;
      (token.handle as TcpHandle | null)?.close();
    },
  };
}

function netConnector<T extends ConnectToken>(done: ConnectDone<T>): Connector<T> {
  return {
    kind: 'net',
    connect(address, family, port, _wantLocalPort, token) {
      const socket = net.connect({ host: address, port, family });
      token.handle = socket;
      socket.once('connect', () => {
        const localPort = socket.localPort ?? 0;
        socket.destroy();
        if (!token.aborted) done(token, 0, localPort, -1);
      });
      socket.once('error', (err: NodeJS.ErrnoException) => {
        socket.destroy();
        if (!token.aborted) done(token, typeof err.errno === 'number' ? -Math.abs(err.errno) : -1, 0, -1);
      });
      return 0;
    },
    abort(token) {
      token.aborted = true;
      (token.handle as net.Socket | null)?.destroy();
    },
  };
}

export function createConnector<T extends ConnectToken>(done: ConnectDone<T>): Connector<T> {
  const b = loadBinding();
  return b ? wrapConnector(b, done) : netConnector(done);
}
