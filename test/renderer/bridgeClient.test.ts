import { describe, expect, it } from 'vitest';
import type { PortscopeBridge } from '../../shared/contract/bridge';
import { ContractError } from '../../shared/contract/errors';
import { createBridgeClient } from '../../renderer/contract/bridgeClient';
import { makeRow, makeSnapshot } from './fixtures';

/** A preload bridge as Electron's contextBridge exposes it, with just the calls the test uses. */
function fakeBridge(snapshot: unknown, emit: { deltas?: (l: (p: unknown) => void) => void } = {}): PortscopeBridge {
  return {
    version: '1.0.0',
    calls: { 'sockets.snapshot': async () => snapshot } as unknown as PortscopeBridge['calls'],
    events: {
      'sockets.delta': (listener: (p: unknown) => void) => {
        emit.deltas?.(listener);
        return () => {};
      },
    } as unknown as PortscopeBridge['events'],
  };
}

describe('Electron bridge client', () => {
  it('calls the named preload function and validates the answer', async () => {
    const client = createBridgeClient(fakeBridge(makeSnapshot([makeRow()], 2)));
    expect(client.connection).toMatchObject({ status: 'open', transport: 'electron' });
    expect((await client.call('sockets.snapshot', {})).seq).toBe(2);
  });

  it('rejects an answer that does not match the contract', async () => {
    const client = createBridgeClient(fakeBridge({ seq: -1 }));
    await expect(client.call('sockets.snapshot', {})).rejects.toBeInstanceOf(ContractError);
  });

  it('says so when the preload lacks a call, and drops malformed events', async () => {
    let listener: (p: unknown) => void = () => {};
    const client = createBridgeClient(fakeBridge(null, { deltas: (l) => (listener = l) }));
    await expect(client.call('process.details', { pid: 1 })).rejects.toThrow(/no process.details call/);
    const got: unknown[] = [];
    client.on('sockets.delta', (d) => got.push(d));
    listener({ nonsense: true });
    expect(got).toEqual([]);
  });
});
