// Rates over very short windows: an extra refresh right after the last one (a close, a scrape)
// must not turn a burst of bytes into a rate many times the real one.
import { describe, expect, it } from 'vitest';
import type { SocketRow } from '../../shared/contract/sockets';
import type { RawSocket } from '../../electron/engine/platform/types';
import { MIN_RATE_WINDOW_S, rowTraffic } from '../../electron/engine/sockets/traffic';

const socket = (sent: number, received: number): RawSocket => ({
  protocol: 'tcp', family: 4, localAddress: '127.0.0.1', localPort: 40000, remoteAddress: '127.0.0.1', remotePort: 5432,
  state: 'ESTABLISHED', uid: 0, inode: 1, traffic: { bytesSent: sent, bytesReceived: received, rttMs: 0.1, tcpInfo: null },
});

function rowAfter(s: RawSocket, before: SocketRow | undefined, seconds: number): SocketRow {
  // Only the traffic fields matter to rowTraffic; the rest of the row is not read.
  return { ...(before ?? ({} as SocketRow)), ...rowTraffic(s, before, seconds, undefined) };
}

describe('rates between refreshes', () => {
  it('is bytes over the window for normal windows', () => {
    const first = rowAfter(socket(0, 0), undefined, 0);
    expect(first.sendRate).toBeNull();
    const second = rowAfter(socket(200_000, 1000), first, 1);
    expect(second.sendRate).toBe(200_000);
    expect(second.receiveRate).toBe(1000);
  });

  it('measures a window shorter than the minimum over the minimum, so a burst is no spike', () => {
    const a = rowAfter(socket(0, 0), undefined, 0);
    const b = rowAfter(socket(200_000, 0), a, 1); // 200 kB/s
    // A 20 kB burst 5 ms later: 4 MB/s over 5 ms; over the minimum window it reads far less.
    const c = rowAfter(socket(220_000, 0), b, 0.005);
    expect(c.bytesSent).toBe(220_000);
    expect(c.sendRate).toBe(20_000 / MIN_RATE_WINDOW_S);
    expect(c.sendRate!).toBeLessThan(200_000);
    // Nothing moved in a short window: 0, not the last rate.
    expect(rowAfter(socket(220_000, 0), c, 0.005).sendRate).toBe(0);
    // The next full window counts from the short refresh's bytes.
    const d = rowAfter(socket(400_000, 0), c, 0.995);
    expect(d.sendRate).toBeCloseTo(180_000 / 0.995, 0);
  });

  it('gives no rate when the counter went backwards, short window or not (another socket under the key)', () => {
    const a = rowAfter(socket(0, 0), undefined, 0);
    const b = rowAfter(socket(500, 500), a, 1);
    expect(rowAfter(socket(10, 10), b, 0.01).sendRate).toBeNull();
    expect(rowAfter(socket(10, 10), b, 1).sendRate).toBeNull();
  });
});
