// @vitest-environment jsdom
import './dom';
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract/errors';
import type { MachineInfo } from '../../shared/contract';
import { useMachineList } from '../../renderer/components/machines/useMachineList';
import { FakeClient } from './fixtures';

const tick = () => act(() => new Promise((r) => setTimeout(r, 0)));

const lab: MachineInfo = {
  id: 'abc123',
  label: 'lab',
  address: '10.0.0.2:9480',
  fingerprint: 'AA',
  status: 'connected',
  error: null,
  hostname: 'labhost',
  control: false,
  addedAt: '2026-12-02T00:00:00.000Z',
};

afterEach(cleanup);

describe('the header machine list when a call fails', () => {
  it('leaves a dropped connection to the banner and keeps the last list; other failures are shown', async () => {
    const home = new FakeClient();
    let fail: Error | null = null;
    home.handle('machines.list', () => {
      if (fail) throw fail;
      return { machines: [lab], selected: null };
    });
    const { result } = renderHook(() => useMachineList(home, null));
    await tick();
    expect(result.current.machines.map((m) => m.label)).toEqual(['lab']);

    // What the WebSocket client rejects an in-flight call with when the engine goes away.
    fail = new ContractError('unavailable', 'The connection to the Portscope engine dropped during this call.', { messageKey: 'ui.app.error.dropped' });
    act(() => result.current.refresh());
    await tick();
    expect(result.current.error).toBeNull();
    expect(result.current.machines.map((m) => m.label)).toEqual(['lab']);

    fail = new ContractError('denied', 'the machine list is locked');
    act(() => result.current.refresh());
    await tick();
    expect(result.current.error).toBe('the machine list is locked');
  });
});
