import { describe, expect, it } from 'vitest';
import { ClientMessageSchema, ServerMessageSchema } from '../../shared/contract/wire';

describe('wire envelopes', () => {
  it('parses every server message shape, both kinds of result included', () => {
    for (const m of [
      { type: 'hello', version: '1.0.0' },
      { type: 'result', id: 1, ok: true, value: { a: 1 } },
      { type: 'result', id: 2, ok: false, error: { code: 'bad-request', message: 'no' } },
      { type: 'event', name: 'sockets.delta', payload: {} },
    ]) {
      expect(ServerMessageSchema.safeParse(m).success, JSON.stringify(m)).toBe(true);
    }
    expect(ServerMessageSchema.safeParse({ type: 'result', id: 3, ok: false }).success).toBe(false);
    expect(ClientMessageSchema.safeParse({ type: 'call', id: 1, name: 'x', payload: null }).success).toBe(true);
    expect(ClientMessageSchema.safeParse({ type: 'shell', cmd: 'rm' }).success).toBe(false);
  });
});
