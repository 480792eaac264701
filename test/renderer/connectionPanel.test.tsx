// @vitest-environment jsdom
import './dom';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CloseResult, HelloResponse, SocketRow } from '../../shared/contract';
import { createServices } from '../../renderer/app/createServices';
import { ServicesProvider } from '../../renderer/app/services';
import { ConnectionPanel } from '../../renderer/components/connection/ConnectionPanel';
import { FakeClient, makeDelta, makeProcess, makeRow, makeSnapshot } from './fixtures';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const MiB = 1024 * 1024;

const capability = (available: boolean, note: string | null = null) => ({ available, note });

function hello(closeAvailable: boolean): HelloResponse {
  return {
    version: '1.0.0',
    platform: 'linux',
    hostname: 'testhost',
    transport: 'browser',
    capabilities: {
      socketOwners: capability(true),
      processDetails: capability(true),
      firewallRules: capability(true),
      trafficCounters: capability(true),
      endProcess: capability(true),
      closeConnection: capability(closeAvailable, closeAvailable ? null : 'closing a connection needs root (SOCK_DESTROY)'),
    },
  };
}

function connection(over: Partial<SocketRow> = {}): SocketRow {
  return makeRow({
    id: 'tcp4|127.0.0.1:40000|127.0.0.1:8080|77',
    localPort: 40000,
    remoteAddress: '127.0.0.1',
    remotePort: 8080,
    state: 'ESTABLISHED',
    processName: 'evil\u202efdp.exe',
    bytesSent: 1.5 * MiB,
    bytesReceived: 2_000,
    sendRate: 200 * 1024,
    receiveRate: 1024,
    rttMs: 0.25,
    tcpInfo: { bytesRetrans: 1536, segsIn: 30, segsOut: 900, rttVarMs: 0.05, cwnd: 10, deliveryRate: 5 * MiB },
    trafficUnavailable: null,
    ...over,
  });
}

async function setup(row: SocketRow, result: CloseResult | Error = { ok: true, outcome: 'closed', message: 'aborted by SOCK_DESTROY' }, closeAvailable = true) {
  const client = new FakeClient();
  client.handle('sockets.snapshot', () => makeSnapshot([row], 1, [makeProcess()]));
  client.handle('contract.hello', () => hello(closeAvailable));
  client.handle('names.lookup', ({ addresses }) => ({
    names: addresses.map((address) => ({ address, name: 'this machine', source: 'local' as const, interface: 'lo', pending: false })),
  }));
  client.handle('connection.close', () => {
    if (result instanceof Error) throw result;
    return result;
  });
  const services = createServices(client);
  await waitFor(() => expect(services.sockets.getState().status).toBe('ready'));
  render(
    <ServicesProvider services={services}>
      <ConnectionPanel />
    </ServicesProvider>,
  );
  act(() => services.ui.getState().openConnection(row));
  const panel = screen.getByRole('complementary', { name: 'Connection details' });
  return { client, services, panel };
}

describe('connection panel', () => {
  it('shows both endpoints named, the process (hostile name as text), bytes, rates, RTT and tcp_info', async () => {
    const { panel, services } = await setup(connection());
    await waitFor(() => expect(panel.textContent).toContain('this machine (lo)'));
    expect(panel.textContent).toContain('127.0.0.1:40000');
    expect(panel.textContent).toContain('127.0.0.1:8080');
    expect(panel.textContent).toContain('1.50 MiB');
    expect(panel.textContent).toContain('↑ 200 KiB/s · ↓ 1.00 KiB/s');
    expect(panel.textContent).toContain('0.25 ms');
    expect(panel.textContent).toContain('1.50 KiB'); // retransmitted
    expect(panel.textContent).toContain('10 segments');
    expect(panel.textContent).toContain('5.00 MiB/s');
    // The bidi override is shown, not obeyed.
    expect(panel.querySelector('.invisible-char')?.textContent).toBe('\\u202e');
    // The process link opens the process panel (and closes this one).
    fireEvent.click(screen.getByRole('button', { name: /Show process/ }));
    expect(services.ui.getState().selected?.id).toBe(connection().id);
    expect(services.ui.getState().connection).toBeNull();
    services.feed.dispose();
  });

  it('with Resolve addresses on, shows a name that arrives later from names.resolved', async () => {
    const { panel, services, client } = await setup(connection({ remoteAddress: '192.0.2.9' }));
    act(() => services.names.getState().setEnabled(true));
    await waitFor(() => expect(panel.textContent).toContain('this machine (lo)'));
    act(() => client.emit('names.resolved', { names: [{ address: '192.0.2.9', name: 'peer\u202e.example', source: 'dns', interface: null, pending: false }] }));
    expect(panel.textContent).toContain('peer\\u202e.example');
    expect(panel.textContent).toContain('192.0.2.9:8080');
    services.feed.dispose();
    services.names.getState().dispose();
  });

  it('follows the live row: new rates from a delta show at once', async () => {
    const row = connection();
    const { panel, services } = await setup(row);
    act(() => {
      services.sockets.getState().applyDelta(makeDelta(2, { changed: [{ ...row, sendRate: 3 * MiB, bytesSent: 9 * MiB }] }, 1));
    });
    expect(panel.textContent).toContain('↑ 3.00 MiB/s');
    expect(panel.textContent).toContain('9.00 MiB');
    services.feed.dispose();
  });

  it('closes an established connection after a confirmation that names the process and both endpoints', async () => {
    const { client, panel, services } = await setup(connection());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Close connection…' })).toHaveProperty('disabled', false));
    fireEvent.click(screen.getByRole('button', { name: 'Close connection…' }));
    const dialog = screen.getByRole('dialog', { name: 'Close this connection?' });
    expect(dialog.textContent).toContain('(pid 4242)');
    expect(dialog.textContent).toContain('127.0.0.1:40000');
    expect(dialog.textContent).toContain('127.0.0.1:8080');
    // Cancel has the focus: Enter on a surprise dialog must not close anything.
    expect(document.activeElement?.textContent).toBe('Cancel');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Close connection' })));
    expect(client.calls.find((c) => c.name === 'connection.close')?.request).toEqual({
      protocol: 'tcp',
      localAddress: '127.0.0.1',
      localPort: 40000,
      remoteAddress: '127.0.0.1',
      remotePort: 8080,
    });
    expect(panel.querySelector('[data-outcome]')?.getAttribute('data-outcome')).toBe('closed');
    expect(panel.textContent).toContain('Connection closed');
    expect(panel.textContent).toContain('aborted by SOCK_DESTROY');
    services.feed.dispose();
  });

  it('says clearly when the system refuses', async () => {
    const { panel, services } = await setup(connection(), { ok: false, outcome: 'denied', message: 'Operation not permitted' });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Close connection…' })).toHaveProperty('disabled', false));
    fireEvent.click(screen.getByRole('button', { name: 'Close connection…' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Close connection' })));
    expect(screen.getByRole('alert').textContent).toMatch(/Permission denied.*Operation not permitted/);
    expect(panel.querySelector('[data-outcome]')?.getAttribute('data-outcome')).toBe('denied');
    services.feed.dispose();
  });

  it('disables Close with the reason where the system cannot do it', async () => {
    const { panel, services } = await setup(connection(), undefined, false);
    await waitFor(() => expect(panel.textContent).toContain('closing a connection needs root'));
    expect(screen.getByRole('button', { name: 'Close connection…' })).toHaveProperty('disabled', true);
    services.feed.dispose();
  });

  it('offers no Close for a connection that is not established, and says why UDP has no counters', async () => {
    const { panel, services } = await setup(
      connection({ protocol: 'udp', state: 'UNCONN', bytesSent: null, bytesReceived: null, sendRate: null, receiveRate: null, rttMs: null, tcpInfo: null, trafficUnavailable: 'udp-not-counted' }),
    );
    expect(screen.queryByRole('button', { name: 'Close connection…' })).toBeNull();
    expect(panel.textContent).toContain('Only an established TCP connection can be closed');
    expect(panel.textContent).toContain('UDP: the kernel keeps no per-socket byte counts');
    services.feed.dispose();
  });
});
