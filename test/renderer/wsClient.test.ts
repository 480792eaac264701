import { afterEach, describe, expect, it } from 'vitest';
import { CONTRACT_VERSION } from '../../shared/contract';
import { ContractError } from '../../shared/contract/errors';
import { createWsClient } from '../../renderer/contract/wsClient';
import type { RendererClient } from '../../renderer/contract/types';
import { makeRow, makeSnapshot } from './fixtures';

/** Just enough of a browser WebSocket to drive the client from a test. */
class FakeSocket extends EventTarget {
  static readonly OPEN = 1;
  readyState = 0;
  readonly sent: Array<Record<string, unknown>> = [];
  constructor(readonly url: string) {
    super();
  }
  send(data: string): void {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close(): void {
    this.drop();
  }
  open(): void {
    this.readyState = 1;
    this.dispatchEvent(new Event('open'));
    this.receive({ type: 'hello', version: CONTRACT_VERSION });
  }
  receive(message: unknown): void {
    const ev = new MessageEvent('message', { data: JSON.stringify(message) });
    this.dispatchEvent(ev);
  }
  drop(code?: number): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.dispatchEvent(Object.assign(new Event('close'), { code }));
  }
}

(globalThis as { WebSocket?: unknown }).WebSocket ??= { OPEN: 1 };

const wait = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('WebSocket contract client', () => {
  const sockets: FakeSocket[] = [];
  let client: RendererClient | null = null;
  afterEach(() => {
    client?.dispose();
    sockets.length = 0;
  });
  function make() {
    client = createWsClient({ url: 'ws://127.0.0.1:1/ws', createSocket: (url) => (sockets.push(new FakeSocket(url)), sockets.at(-1) as unknown as WebSocket), backoffMs: 5 });
    return client;
  }

  it('a machine removed elsewhere (close 4004): says so, stops retrying and tells its owner', async () => {
    let removed = 0;
    client = createWsClient({
      url: 'ws://127.0.0.1:1/ws?machine=abc',
      createSocket: (url) => (sockets.push(new FakeSocket(url)), sockets.at(-1) as unknown as WebSocket),
      backoffMs: 5,
      onMachineRemoved: () => removed++,
    });
    const states: string[] = [];
    client.onConnection((s) => states.push(`${s.status}: ${s.error ?? ''}`));
    (sockets[0] as FakeSocket).open();
    (sockets[0] as FakeSocket).drop(4004);
    await wait(30);
    expect(removed).toBe(1);
    expect(sockets).toHaveLength(1); // no retry: the host would only refuse it
    expect(states.at(-1)).toMatch(/^closed: This machine was removed from the machine list/);
    expect(states.join('\n')).not.toMatch(/open the link/);
  });

  it('queues a call until the link opens, matches the result by id and validates it', async () => {
    const c = make();
    const p = c.call('sockets.snapshot', {});
    const ws = sockets[0] as FakeSocket;
    ws.open();
    const call = ws.sent.find((m) => m.type === 'call') as { id: number; name: string };
    expect(call.name).toBe('sockets.snapshot');
    ws.receive({ type: 'result', id: call.id, ok: true, value: makeSnapshot([makeRow()], 3) });
    expect((await p).seq).toBe(3);
  });

  it('rejects with the engine error code, and rejects answers that break the schema', async () => {
    const c = make();
    const ws = sockets[0] as FakeSocket;
    ws.open();
    const denied = c.call('process.details', { pid: 1 });
    const bad = c.call('sockets.snapshot', {});
    const [a, b] = ws.sent.filter((m) => m.type === 'call') as Array<{ id: number }>;
    ws.receive({ type: 'result', id: a?.id, ok: false, error: { code: 'denied', message: 'no' } });
    ws.receive({ type: 'result', id: b?.id, ok: true, value: { seq: 'x' } });
    await expect(denied).rejects.toMatchObject({ code: 'denied', message: 'no' });
    await expect(bad).rejects.toBeInstanceOf(ContractError);
  });

  it('subscribes once per event name, re-subscribes after a reconnect and says it reconnected', async () => {
    const c = make();
    let reconnects = 0;
    c.onReconnect(() => reconnects++);
    const got: number[] = [];
    const off1 = c.on('monitor.error', () => got.push(1));
    c.on('monitor.error', () => got.push(2));
    const first = sockets[0] as FakeSocket;
    first.open();
    expect(first.sent.filter((m) => m.type === 'subscribe')).toEqual([{ type: 'subscribe', name: 'monitor.error' }]);
    first.receive({ type: 'event', name: 'monitor.error', payload: { at: 'now', message: 'x' } });
    first.receive({ type: 'event', name: 'monitor.error', payload: { bad: true } });
    expect(got).toEqual([1, 2]);
    const pending = c.call('sockets.snapshot', {});
    first.drop();
    await expect(pending).rejects.toMatchObject({ code: 'unavailable' });
    expect(c.connection.status).toBe('reconnecting');
    await wait(20);
    const second = sockets[1] as FakeSocket;
    second.open();
    expect(second.sent).toEqual([{ type: 'subscribe', name: 'monitor.error' }]);
    expect(reconnects).toBe(1);
    off1();
    expect(second.sent.filter((m) => m.type === 'unsubscribe')).toEqual([]);
  });

  it('refuses an engine of another contract major version', () => {
    const c = make();
    const ws = sockets[0] as FakeSocket;
    ws.readyState = 1;
    ws.dispatchEvent(new Event('open'));
    ws.receive({ type: 'hello', version: '99.0.0' });
    expect(c.connection.status).toBe('closed');
    expect(c.connection.error).toContain('99.0.0');
  });
});
