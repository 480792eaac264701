// @vitest-environment jsdom
import './dom';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MachineInfo } from '../../shared/contract';
import { createServices } from '../../renderer/app/createServices';
import { MachineRoot } from '../../renderer/components/machines/MachineRoot';
import type { MachineConnector } from '../../renderer/contract/machines';
import type { RendererClient } from '../../renderer/contract/types';
import { FakeClient, makeProcess, makeRow, makeSnapshot } from './fixtures';

/**
 * The machine picker and Add machine in the renderer, over fake clients: the page side of what
 * e2e/fleet.spec.ts runs for real (the host and the agent are tested in test/fleet/remote.test.ts).
 */

const FP = Array.from({ length: 32 }, (_, i) => (i * 7 + 16).toString(16).toUpperCase().padStart(2, '0')).join(':');
const tick = () => act(() => new Promise((r) => setTimeout(r, 0)));

const lab: MachineInfo = {
  id: 'abc123',
  label: 'lab',
  address: '10.0.0.2:9480',
  fingerprint: FP,
  status: 'connected',
  error: null,
  hostname: 'labhost',
  control: false,
  addedAt: '2026-12-02T00:00:00.000Z',
};

function engineClient(port: number): FakeClient {
  const c = new FakeClient();
  c.handle('sockets.snapshot', () => makeSnapshot([makeRow({ localPort: port })], 1, [makeProcess()]));
  c.handle('monitor.configure', (r) => ({ intervalMs: r.intervalMs ?? 1000, paused: r.paused ?? false }));
  return c;
}

function setup(options: { selectFails?: string; machines?: MachineInfo[] } = {}) {
  const home = engineClient(8080);
  const remote = engineClient(5432);
  let machines: MachineInfo[] = options.machines ?? [];
  const adds: unknown[] = [];
  home.handle('machines.list', () => ({ machines }));
  home.handle('machines.add', (req) => {
    adds.push(req);
    if (!req.fingerprint) return { added: false, presentedFingerprint: FP };
    machines = [lab];
    return { added: true, machine: lab };
  });
  home.handle('machines.remove', () => ({ removed: true }));
  const opened: Array<string | null> = [];
  const connector: MachineConnector = {
    home,
    async open(id) {
      opened.push(id);
      if (id !== null && options.selectFails) throw new Error(options.selectFails);
      return id === null ? home : (remote as RendererClient);
    },
  };
  const initial = createServices(home);
  render(<MachineRoot connector={connector} initial={initial} />);
  return { home, remote, adds, opened };
}

afterEach(() => cleanup());

const listening = () => screen.getByRole('table', { name: 'Listening ports' });

describe('machine switcher', () => {
  it('Add machine: shows the presented fingerprint, adds on confirmation, and switches there', async () => {
    const { adds, opened, home, remote } = setup();
    await tick();
    expect(within(listening()).getByRole('cell', { name: '8080' })).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Machine' }), { target: { value: '__add__' } });
    const dialog = screen.getByRole('dialog', { name: 'Add machine' });
    const connect = within(dialog).getByRole('button', { name: 'Connect' }) as HTMLButtonElement;
    expect(connect.disabled).toBe(true); // address and a token of 16+ characters first
    fireEvent.change(within(dialog).getByLabelText('Address'), { target: { value: '10.0.0.2:9480' } });
    fireEvent.change(within(dialog).getByLabelText('Token'), { target: { value: 'a-token-of-enough-length' } });
    fireEvent.click(connect);
    await tick();
    expect(adds[0]).toEqual({ address: '10.0.0.2:9480', token: 'a-token-of-enough-length', label: undefined, fingerprint: undefined });
    expect(within(dialog).getByLabelText('Presented fingerprint').textContent).toBe(FP);
    fireEvent.click(within(dialog).getByRole('button', { name: 'The fingerprints match: add it' }));
    await tick();
    await tick();
    expect(adds[1]).toMatchObject({ fingerprint: FP });
    expect(opened).toEqual(['abc123']);
    // The other machine's table, and nothing of this one's; this one's feed is stopped.
    expect(within(listening()).getByRole('cell', { name: '5432' })).toBeTruthy();
    expect(within(listening()).queryByRole('cell', { name: '8080' })).toBeNull();
    expect(home.listenerCount('sockets.delta')).toBe(0);
    expect(remote.listenerCount('sockets.delta')).toBeGreaterThan(0);
    expect(screen.getByText('read-only')).toBeTruthy();
    // And back.
    fireEvent.change(screen.getByRole('combobox', { name: 'Machine' }), { target: { value: '' } });
    await tick();
    await tick();
    expect(within(listening()).getByRole('cell', { name: '8080' })).toBeTruthy();
    expect(remote.listenerCount('sockets.delta')).toBe(0);
  });

  it('a machine that cannot be reached: the reason is shown and the window stays where it was', async () => {
    setup({ selectFails: 'The agent at 10.0.0.2:9480 refused the token (401).', machines: [lab] });
    await tick();
    expect(screen.getByRole('option', { name: 'lab (labhost)' })).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Machine' }), { target: { value: 'abc123' } });
    await tick();
    expect(screen.getByRole('alert').textContent).toContain('refused the token (401)');
    expect(within(listening()).getByRole('cell', { name: '8080' })).toBeTruthy();
  });
});
