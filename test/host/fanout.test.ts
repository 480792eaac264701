import { describe, expect, it } from 'vitest';
import { EventFanout, type FanoutClient } from '../../electron/host/fanout';
import { FakeLink } from './support/fake-link';

class FakeClient implements FanoutClient {
  bufferedAmount = 0;
  sent: Array<{ name: string; payload: { seq?: number; previousSeq?: number } }> = [];
  closedWith: { code: number; reason: string } | null = null;
  send(text: string) {
    this.sent.push(JSON.parse(text));
  }
  close(code: number, reason: string) {
    this.closedWith = { code, reason };
  }
}

const delta = (seq: number) => ({ seq, previousSeq: seq - 1, takenAt: '', added: [], removed: [], changed: [], processes: [], durationMs: 1, total: 0, warnings: [] });

describe('EventFanout', () => {
  it('frames each event once and sends it to every subscriber of that stream only', () => {
    const link = new FakeLink();
    const fanout = new EventFanout(link);
    const a = new FakeClient();
    const b = new FakeClient();
    fanout.subscribe(a, 'sockets.delta');
    fanout.subscribe(b, 'monitor.error');
    link.emit('sockets.delta', delta(2));
    link.emit('monitor.error', { at: 'x', message: 'm' });
    expect(a.sent.map((m) => m.name)).toEqual(['sockets.delta']);
    expect(b.sent.map((m) => m.name)).toEqual(['monitor.error']);
    expect(a.sent[0]).toEqual({ type: 'event', name: 'sockets.delta', payload: delta(2) });
  });

  it('skips deltas for a client whose send buffer is over the soft limit, then resumes with a visible seq gap', () => {
    const link = new FakeLink();
    const logs: string[] = [];
    const fanout = new EventFanout(link, { softLimitBytes: 1000, hardLimitBytes: 10_000, log: (m) => logs.push(m) });
    const slow = new FakeClient();
    const fast = new FakeClient();
    fanout.subscribe(slow, 'sockets.delta');
    fanout.subscribe(fast, 'sockets.delta');
    link.emit('sockets.delta', delta(2));
    slow.bufferedAmount = 5000;
    link.emit('sockets.delta', delta(3));
    link.emit('sockets.delta', delta(4));
    slow.bufferedAmount = 0;
    link.emit('sockets.delta', delta(5));
    expect(fast.sent.map((m) => m.payload.seq)).toEqual([2, 3, 4, 5]);
    expect(slow.sent.map((m) => m.payload.seq)).toEqual([2, 5]);
    // What the client sees: previousSeq 4 after seq 2, so it knows to take a snapshot.
    expect(slow.sent[1]?.payload.previousSeq).toBe(4);
    expect(slow.closedWith).toBeNull();
    expect(logs.some((l) => l.includes('skipping'))).toBe(true);
  });

  it('never drops streams that cannot be resynced; disconnects a client past the hard limit', () => {
    const link = new FakeLink();
    const fanout = new EventFanout(link, { softLimitBytes: 1000, hardLimitBytes: 10_000 });
    const c = new FakeClient();
    fanout.subscribe(c, 'monitor.error');
    fanout.subscribe(c, 'sockets.delta');
    c.bufferedAmount = 5000;
    link.emit('monitor.error', { at: 'x', message: 'kept' });
    expect(c.sent).toHaveLength(1);
    c.bufferedAmount = 20_000;
    link.emit('monitor.error', { at: 'x', message: 'too late' });
    expect(c.sent).toHaveLength(1);
    expect(c.closedWith?.code).toBe(1013);
    // A disconnected client holds no engine stream.
    expect(link.subscriberCount('monitor.error')).toBe(0);
    expect(link.subscriberCount('sockets.delta')).toBe(0);
  });

  it('subscribes the engine once per stream and releases it with the last client', () => {
    const link = new FakeLink();
    const fanout = new EventFanout(link);
    const a = new FakeClient();
    const b = new FakeClient();
    fanout.subscribe(a, 'sockets.delta');
    fanout.subscribe(a, 'sockets.delta');
    fanout.subscribe(b, 'sockets.delta');
    expect(link.subscriberCount('sockets.delta')).toBe(1);
    fanout.unsubscribe(a, 'sockets.delta');
    expect(link.subscriberCount('sockets.delta')).toBe(1);
    fanout.removeClient(b);
    expect(link.subscriberCount('sockets.delta')).toBe(0);
    expect(fanout.subscribedNames()).toEqual([]);
  });
});
