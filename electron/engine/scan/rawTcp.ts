import net from 'node:net';

/**
 * The cheapest way Node can issue a connect(): libuv's TCP handle from the `tcp_wrap` binding
 * (what net.Socket uses underneath) without the stream machinery, and without an Error object
 * with a stack trace for each refused port: the callback gets the bare negative errno. Falls back
 * to net.Socket where the binding is missing (or PORTSCOPE_SCAN_NET=1 asks for it).
 */
export type ConnectCallback = (status: number, localPort: number) => void;

export interface Connector {
  readonly kind: 'tcp_wrap' | 'net';
  /** Starts a connect; returns a function that aborts it, or a negative errno when it failed at once. */
  connect(address: string, family: 4 | 6, port: number, wantLocalPort: boolean, done: ConnectCallback): (() => void) | number;
}

interface TcpHandle {
  connect(req: ConnectReq, address: string, port: number): number;
  connect6(req: ConnectReq, address: string, port: number): number;
  getsockname(out: { port?: number }): number;
  close(): void;
}
interface ConnectReq {
  oncomplete: (status: number, handle: TcpHandle, req: ConnectReq) => void;
  done?: ConnectCallback;
  wantLocalPort?: boolean;
  aborted?: boolean;
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

function onComplete(status: number, handle: TcpHandle, req: ConnectReq): void {
  if (req.aborted) return; // closed by a timeout: the kernel's late answer is not news
  let localPort = 0;
  if (status === 0 && req.wantLocalPort) {
    const out: { port?: number } = {};
    handle.getsockname(out);
    localPort = out.port ?? 0;
  }
  handle.close();
  req.done!(status, localPort);
}

function wrapConnector(b: TcpWrapBinding): Connector {
  return {
    kind: 'tcp_wrap',
    connect(address, family, port, wantLocalPort, done) {
      const handle = new b.TCP(b.constants.SOCKET);
      const req = new b.TCPConnectWrap();
      req.oncomplete = onComplete;
      req.done = done;
      req.wantLocalPort = wantLocalPort;
      const err = family === 6 ? handle.connect6(req, address, port) : handle.connect(req, address, port);
      if (err !== 0) {
        handle.close();
        return err;
      }
      return () => {
        req.aborted = true;
        handle.close();
      };
    },
  };
}

const netConnector: Connector = {
  kind: 'net',
  connect(address, family, port, _wantLocalPort, done) {
    const socket = net.connect({ host: address, port, family });
    let settled = false;
    socket.once('connect', () => {
      settled = true;
      const localPort = socket.localPort ?? 0;
      socket.destroy();
      done(0, localPort);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      socket.destroy();
      if (settled) return;
      settled = true;
      done(typeof err.errno === 'number' ? (err.errno > 0 ? -err.errno : err.errno) : -1, 0);
    });
    return () => {
      settled = true;
      socket.destroy();
    };
  },
};

let cached: Connector | null = null;
export function connector(): Connector {
  if (!cached) {
    const b = loadBinding();
    cached = b ? wrapConnector(b) : netConnector;
  }
  return cached;
}
