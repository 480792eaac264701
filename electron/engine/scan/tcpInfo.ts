import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The kernel's own round-trip time of a connection (Linux TCP_INFO's tcpi_rtt, microseconds):
 * measured from SYN to SYN-ACK when the handshake completes, so a busy event loop in this thread
 * cannot inflate it. A timer taken around the connect, on the other hand, also counts every
 * other probe the loop handled before it saw this one (on loopback, 10–30 ms instead of 0.05).
 * Through koffi (libc's getsockopt); null where that is unavailable: callers fall back to timing.
 */
export type KernelRtt = (fd: number) => number;

const IPPROTO_TCP = 6;
const TCP_INFO = 11;
/** struct tcp_info: 8 bytes of u8 fields, then u32s; tcpi_rtt is the 16th u32. */
const RTT_OFFSET = 8 + 15 * 4;
const INFO_BYTES = 104;

function here(): string {
  const url = typeof import.meta === 'object' && typeof import.meta.url === 'string' ? import.meta.url : pathToFileURL(__filename).href;
  return path.dirname(fileURLToPath(url));
}

let cached: KernelRtt | null | undefined;

export function kernelRttReader(): KernelRtt | null {
  if (cached !== undefined) return cached;
  cached = null;
  if (process.platform !== 'linux' || process.env.PORTSCOPE_SCAN_TCPINFO === '0') return cached;
  try {
    // Resolved at run time (not bundled): koffi is a native module.
    const koffi = createRequire(path.join(here(), 'x.js'))('koffi') as {
      load(name: string): { func(signature: string): (...args: unknown[]) => number };
    };
    const getsockopt = koffi.load('libc.so.6').func('int getsockopt(int fd, int level, int name, _Out_ uint8_t *buf, _Inout_ uint32_t *len)');
    const buf = Buffer.alloc(INFO_BYTES);
    const len = [INFO_BYTES];
    cached = (fd: number) => {
      len[0] = INFO_BYTES;
      if (fd < 0 || getsockopt(fd, IPPROTO_TCP, TCP_INFO, buf, len) !== 0 || len[0]! < RTT_OFFSET + 4) return -1;
      return buf.readUInt32LE(RTT_OFFSET);
    };
  } catch {
    cached = null;
  }
  return cached;
}
