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

function engineClient(port: number | (() => number)): FakeClient {
  const c = new FakeClient();
  c.handle('sockets.snapshot', () => makeSnapshot([makeRow({ localPort: typeof port === 'number' ? port : port() })], 1, [makeProcess()]));
  c.handle('monitor.configure', (r) => ({ intervalMs: r.intervalMs ?? 1000, paused: r.paused ?? false }));
  return c;
}

function setup(options: { selectFails?: string; machines?: MachineInfo[]; remembered?: string | null } = {}) {
  const home = engineClient(8080);
  const state = { remotePort: 5432, machines: options.machines ?? [] };
  const remote = engineClient(() => state.remotePort);
  let machines: MachineInfo[] = state.machines;
  const adds: unknown[] = [];
  home.handle('machines.list', () => ({ machines: state.machines.length ? state.machines : machines, selected: options.remembered ?? null }));
  home.handle('machines.add', (req) => {
    adds.push(req);
    if (!req.fingerprint) return { added: false, presentedFingerprint: FP };
    machines = [lab];
    return { added: true, machine: lab };
  });
  home.handle('machines.remove', () => ({ removed: true }));
  const opened: Array<string | null> = [];
  const hooks: Array<{ onRemoved?: () => void } | undefined> = [];
  const connector: MachineConnector = {
    home,
    async open(id, h) {
      opened.push(id);
      hooks.push(h);
      if (id !== null && options.selectFails) throw new Error(options.selectFails);
      return id === null ? home : (remote as RendererClient);
    },
  };
  const initial = createServices(home);
  render(<MachineRoot connector={connector} initial={initial} />);
  return { home, remote, adds, opened, hooks, state };
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

  it('reopens the machine chosen last (machines.list says which) on start', async () => {
    const { opened } = setup({ machines: [lab], remembered: 'abc123' });
    await tick();
    await tick();
    await tick();
    expect(opened).toEqual(['abc123']);
    expect(within(listening()).getByRole('cell', { name: '5432' })).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Machine' }) as HTMLSelectElement).value).toBe('abc123');
  });

  it('a remembered machine that cannot be reached, or is gone: this machine, with a note (never a blank page)', async () => {
    const first = setup({ machines: [lab], remembered: 'abc123', selectFails: 'The agent at 10.0.0.2:9480 refused the token (401).' });
    await tick();
    await tick();
    await tick();
    expect(first.opened).toEqual(['abc123', null]);
    expect(screen.getByRole('alert').textContent).toBe('Could not reopen lab: The agent at 10.0.0.2:9480 refused the token (401). Showing this machine.');
    expect(within(listening()).getByRole('cell', { name: '8080' })).toBeTruthy();
    cleanup();
    const second = setup({ machines: [lab], remembered: 'gone99' });
    await tick();
    await tick();
    expect(second.opened).toEqual([]);
    expect(screen.getByRole('alert').textContent).toMatch(/shown last time is no longer in the machine list; showing this machine/);
    expect(within(listening()).getByRole('cell', { name: '8080' })).toBeTruthy();
  });

  it('removed in another tab (the host closed with 4004): back to this machine with a note', async () => {
    const { opened, hooks } = setup({ machines: [lab], remembered: 'abc123' });
    await tick();
    await tick();
    await tick();
    expect(within(listening()).getByRole('cell', { name: '5432' })).toBeTruthy();
    act(() => hooks[0]?.onRemoved?.());
    await tick();
    await tick();
    expect(opened).toEqual(['abc123', null]);
    expect(screen.getByRole('alert').textContent).toBe('lab was removed from the machine list in another window or tab; showing this machine.');
    expect(within(listening()).getByRole('cell', { name: '8080' })).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Machine' }) as HTMLSelectElement).value).toBe('');
  });

  it('gone from the list while viewed (Electron: no close code says so): back to this machine with a note', async () => {
    const { opened, state } = setup({ machines: [lab], remembered: 'abc123' });
    await tick();
    await tick();
    await tick();
    expect(within(listening()).getByRole('cell', { name: '5432' })).toBeTruthy();
    state.machines = [{ ...lab, id: 'other1', label: 'other' }];
    await act(() => new Promise((r) => setTimeout(r, 2300)));
    await tick();
    expect(opened).toEqual(['abc123', null]);
    expect(screen.getByRole('alert').textContent).toBe('lab is no longer in the machine list; showing this machine.');
    expect(within(listening()).getByRole('cell', { name: '8080' })).toBeTruthy();
  }, 10_000);

  it('an agent that goes away while viewed: its name, reconnecting, last seen; a fresh snapshot when it is back', async () => {
    const { state, remote } = setup({ machines: [lab], remembered: 'abc123' });
    await tick();
    await tick();
    await tick();
    expect(within(listening()).getByRole('cell', { name: '5432' })).toBeTruthy();
    expect(screen.queryByText(/unreachable/)).toBeNull();
    const seen = new Date(Date.now() - 4000);
    state.machines = [{ ...lab, status: 'error', error: 'The connection to 10.0.0.2:9480 dropped (1006).', lastSeenAt: seen.toISOString() }];
    await act(() => new Promise((r) => setTimeout(r, 2300))); // the list is polled every 2 s while a machine is viewed
    const banner = screen.getByText(/lab is unreachable/);
    expect(banner.textContent).toBe(
      `lab is unreachable (The connection to 10.0.0.2:9480 dropped (1006)): reconnecting… Last seen ${seen.toLocaleTimeString('en-GB')}; what is shown is from then, not live.`,
    );
    const snapshotsBefore = remote.calls.filter((c) => c.name === 'sockets.snapshot').length;
    state.remotePort = 5433; // what the agent has by the time it is back
    state.machines = [{ ...lab, lastSeenAt: new Date().toISOString() }];
    await act(() => new Promise((r) => setTimeout(r, 2300)));
    await tick();
    expect(screen.queryByText(/unreachable/)).toBeNull();
    expect(remote.calls.filter((c) => c.name === 'sockets.snapshot').length).toBeGreaterThan(snapshotsBefore);
    expect(within(listening()).getByRole('cell', { name: '5433' })).toBeTruthy();
  }, 15_000);
});
