// @vitest-environment jsdom
import './dom';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/app/App';
import { createServices } from '../../renderer/app/createServices';
import { ServicesProvider, type AppServices } from '../../renderer/app/services';
import { FakeClient, makeDelta, makeProcess, makeRow, makeSnapshot } from './fixtures';

const HOSTILE = '<img src=x onerror="alert(1)">';

function setup(rows = [makeRow({ localPort: 8080 }), makeRow({ localPort: 22, processName: 'sshd', pid: 900, localAddress: '0.0.0.0', exposure: 'all' })]) {
  const client = new FakeClient();
  client.handle('sockets.snapshot', () => makeSnapshot(rows, 1, [makeProcess()]));
  client.handle('monitor.configure', (r) => ({ intervalMs: r.intervalMs ?? 1000, paused: r.paused ?? false }));
  client.handle('process.details', ({ pid }) => ({
    process: makeProcess({ pid, name: HOSTILE, commandLine: `${HOSTILE} --serve`, unit: 'demo.service' }),
    sockets: rows.filter((r) => r.pid === pid),
  }));
  const services = createServices(client);
  const view = render(
    <ServicesProvider services={services}>
      <App />
    </ServicesProvider>,
  );
  return { client, services, view };
}

const tick = () => act(() => new Promise((r) => setTimeout(r, 0)));
let current: AppServices | null = null;
afterEach(() => {
  current?.feed.dispose();
  cleanup();
});

describe('dashboard', () => {
  it('shows loading, then the listening table with real table semantics', async () => {
    const { services } = setup();
    current = services;
    expect(screen.getAllByRole('status').some((s) => s.textContent?.includes('Reading the socket table'))).toBe(true);
    await tick();
    const table = screen.getByRole('table', { name: 'Listening ports' });
    expect(table.getAttribute('aria-rowcount')).toBe('3');
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(expect.arrayContaining(['Proto', 'Address', 'Port▲', 'Service', 'Exposure', 'Risk', 'Process', 'PID', 'User']));
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('aria-rowindex'))).toEqual(['2', '3']);
    // Sorted by port ascending: 22 first.
    expect(within(rows[0] as HTMLElement).getAllByRole('cell')[2]?.textContent).toBe('22');
    expect(within(rows[0] as HTMLElement).getByText('all interfaces')).toBeTruthy();
  });

  it('sorts by a column header and marks aria-sort', async () => {
    const { services } = setup();
    current = services;
    await tick();
    const table = screen.getByRole('table', { name: 'Listening ports' });
    fireEvent.click(within(table).getByRole('button', { name: /Port/ }));
    const header = within(table).getAllByRole('columnheader').find((h) => h.textContent?.startsWith('Port'));
    expect(header?.getAttribute('aria-sort')).toBe('descending');
    const first = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(within(first).getAllByRole('cell')[2]?.textContent).toBe('8080');
  });

  it('filters with the search box', async () => {
    const { services } = setup();
    current = services;
    await tick();
    fireEvent.change(screen.getByLabelText('Search sockets'), { target: { value: 'sshd' } });
    await act(() => new Promise((r) => setTimeout(r, 200)));
    const table = screen.getByRole('table', { name: 'Listening ports' });
    expect(table.getAttribute('aria-rowcount')).toBe('2');
    expect(screen.getByText('1 of 2')).toBeTruthy();
  });

  it('colours new and closing rows from deltas', async () => {
    const a = makeRow({ localPort: 8080 });
    const { client, services } = setup([a]);
    current = services;
    await tick();
    const b = makeRow({ localPort: 9090 });
    act(() => client.emit('sockets.delta', makeDelta(2, { added: [b], removed: [a.id] }, 1)));
    const table = screen.getByRole('table', { name: 'Listening ports' });
    const marks = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.getAttribute('data-mark'));
    expect(marks.sort()).toEqual(['closing', 'new']);
    expect(within(table).getByText('(closing)', { exact: false })).toBeTruthy();
  });

  it('opens the process panel on click and renders hostile text as text', async () => {
    const { services, view } = setup();
    current = services;
    await tick();
    const table = screen.getByRole('table', { name: 'Listening ports' });
    fireEvent.click(within(table).getAllByRole('row')[2] as HTMLElement);
    await tick();
    const panel = screen.getByRole('complementary', { name: 'Process details' });
    expect(within(panel).getAllByText(HOSTILE).length).toBeGreaterThan(0);
    expect(within(panel).getByText(`${HOSTILE} --serve`)).toBeTruthy();
    expect(within(panel).getByText('demo.service')).toBeTruthy();
    expect(view.container.querySelector('img')).toBeNull();
    // Up the parent chain and back.
    fireEvent.click(within(panel).getByRole('button', { name: 'Show parent process, pid 1' }));
    await tick();
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toContain('pid 1');
    expect(within(panel).queryByRole('button', { name: 'End process…' })).toBeNull();
    fireEvent.click(within(panel).getByRole('button', { name: /Back to pid/ }));
    await tick();
    expect(within(panel).getByRole('button', { name: 'End process…' })).toBeTruthy();
    fireEvent.keyDown(panel, { key: 'Escape' });
    expect(screen.queryByRole('complementary', { name: 'Process details' })).toBeNull();
  });

  it('moves between rows with the keyboard and opens one with Enter', async () => {
    const { services } = setup();
    current = services;
    await tick();
    const table = screen.getByRole('table', { name: 'Listening ports' });
    table.focus();
    fireEvent.keyDown(table, { key: 'ArrowDown' });
    fireEvent.keyDown(table, { key: 'ArrowDown' });
    await tick();
    const active = within(table).getAllByRole('row').find((r) => r.getAttribute('aria-current') === 'true');
    expect(within(active as HTMLElement).getAllByRole('cell')[2]?.textContent).toBe('8080');
    expect(document.activeElement).toBe(active);
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    fireEvent.keyDown(table, { key: 'c', ctrlKey: true });
    expect(writeText).toHaveBeenCalledWith('TCP 127.0.0.1:8080 -> * LISTEN node (pid 4242)');
    fireEvent.keyDown(table, { key: 'Enter' });
    expect(services.ui.getState().selected?.localPort).toBe(8080);
  });

  it('pauses and resumes', async () => {
    const { client, services } = setup();
    current = services;
    await tick();
    fireEvent.click(screen.getByRole('button', { name: /Pause/ }));
    await tick();
    expect(services.sockets.getState().paused).toBe(true);
    expect(screen.getByText(/Paused/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Resume/ }));
    await tick();
    expect(services.sockets.getState().paused).toBe(false);
    const configure = () => client.calls.filter((c) => c.name === 'monitor.configure').map((c) => c.request);
    // First the toolbar reads the settings ({}), then pause and resume.
    expect(configure()).toEqual([{}, { paused: true }, { paused: false }]);
    fireEvent.change(screen.getByLabelText('Refresh'), { target: { value: '5000' } });
    await tick();
    expect(configure().at(-1)).toEqual({ intervalMs: 5000 });
  });
});
