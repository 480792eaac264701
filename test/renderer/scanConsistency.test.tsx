// @vitest-environment jsdom
import './dom';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PortResult, ScanResult } from '../../shared/contract';
import { createServices } from '../../renderer/app/createServices';
import { ServicesProvider } from '../../renderer/app/services';
import { ScanPage } from '../../renderer/pages/scan/ScanPage';
import { HISTORY_KEY } from '../../renderer/stores/scan/persist';
import { FakeClient, makeSnapshot } from './fixtures';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const open = (port: number, hint: PortResult['hint'] = null, service: string | null = null): PortResult => ({
  host: '127.0.0.1',
  port,
  protocol: 'tcp',
  state: 'open',
  reason: 'syn-ack',
  rttMs: 0.02,
  service,
  hint,
});

/** A finished 1-10,000 scan as the engine now sends it: 9,994 closed ports counted, listed compactly. */
function largeResult(scanId: string): ScanResult {
  const openPorts = [22, 80, 443, 3000, 5432, 8000];
  const closed: string[] = [];
  let from = 1;
  for (const p of [...openPorts, 10_001]) {
    if (p > from) closed.push(p - 1 > from ? `${from}-${p - 1}` : `${from}`);
    from = p + 1;
  }
  const counts = { open: 6, closed: 9994, filtered: 0, 'open|filtered': 0 };
  return {
    scanId,
    protocol: 'tcp',
    timing: 'normal',
    startedAt: new Date(0).toISOString(),
    finishedAt: new Date(1).toISOString(),
    cancelled: false,
    hosts: [{ address: '127.0.0.1', name: null, state: 'up', reason: 'localhost-response', counts, closedOmitted: 9994, closedPorts: closed.join(','), srttMs: 0.02 }],
    results: openPorts.map((p) => (p === 8000 ? open(p, { banner: null, http: { status: 200, statusLine: 'HTTP 200 OK', server: null }, tls: null, guess: 'http' }, 'irdmi') : open(p))),
    ports: '1-10000',
    hostsOmitted: 0,
    summary: { probes: 10_000, retransmissions: 0, resourceBackoffs: 0, selfConnects: 0, counts, hostsUp: 1, hostsDown: 0, durationMs: 1000, ratePerSec: 10_000, probingMs: 1000, hintsMs: 0 },
    warnings: [],
  };
}

function mount(client: FakeClient) {
  client.handle('sockets.snapshot', () => makeSnapshot([], 1));
  const services = createServices(client, 'scan');
  render(
    <ServicesProvider services={services}>
      <ScanPage />
    </ServicesProvider>,
  );
  return services;
}

async function runScan(client: FakeClient, ports: string, result: ScanResult) {
  client.handle('scan.start', () => {
    queueMicrotask(() => client.emit('scan.done', { scanId: result.scanId, result, error: null }));
    return { scanId: result.scanId, total: 10_000, hosts: [], hostCount: 1, portCount: 10_000, workers: 1, warnings: [] };
  });
  if (ports) fireEvent.change(screen.getByLabelText('Ports', { selector: 'input' }), { target: { value: ports } });
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Start scan' })));
  await act(async () => new Promise((r) => setTimeout(r, 0)));
}

describe('scan results are consistent', () => {
  it('lists the closed ports of a large finished scan when Open only is unticked, and the banner hint names the service', async () => {
    const client = new FakeClient();
    const services = mount(client);
    await runScan(client, '1-10000', largeResult('big'));
    const panel = screen.getByRole('region', { name: 'Scan results' });
    expect(within(panel).getByRole('heading').textContent).toMatch(/^Results 10,000/);
    expect(panel.textContent).not.toMatch(/not shown/);
    fireEvent.click(within(panel).getByRole('checkbox', { name: 'Open only' }));
    expect(within(panel).getByRole('heading').textContent).toMatch(/^Results 6/);
    const row8000 = within(panel).getAllByRole('row').find((r) => within(r).queryByText('8000', { exact: true }));
    expect(row8000, 'the 8000 row').toBeDefined();
    expect(within(row8000!).getByText('http', { exact: true })).toBeTruthy();
    expect(within(row8000!).queryByText('irdmi')).toBeNull();
    services.feed.dispose();
  });

  it('writes "1-65535 (all)" for the All preset, sends 1-65535, and says so in the history', async () => {
    const client = new FakeClient();
    const services = mount(client);
    fireEvent.change(screen.getByLabelText('Preset'), { target: { value: '1-65535 (all)' } });
    expect((screen.getByLabelText('Ports', { selector: 'input' }) as HTMLInputElement).value).toBe('1-65535 (all)');
    await runScan(client, '', largeResult('all'));
    expect(client.calls.find((c) => c.name === 'scan.start')?.request).toMatchObject({ ports: '1-65535' });
    const history = screen.getByRole('table', { name: 'Recent scans' });
    expect(history.textContent).toContain('1-65535 (all)');
    expect(history.textContent).not.toMatch(/· - ·/);
    services.feed.dispose();
  });

  it('keeps the scan history across a reload (localStorage), compactly', async () => {
    const client = new FakeClient();
    const first = mount(client);
    await runScan(client, '1-10000', largeResult('kept-1'));
    await runScan(client, '1-10000', largeResult('kept-2'));
    first.feed.dispose();
    cleanup();
    const stored = localStorage.getItem(HISTORY_KEY)!;
    expect(stored.length).toBeLessThan(20_000);

    // A reload: new services, same browser storage.
    const again = mount(new FakeClient());
    const history = screen.getByRole('table', { name: 'Recent scans' });
    expect(within(history).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByText(/No port changed state between these scans/)).toBeTruthy();
    again.feed.dispose();
  });
});
