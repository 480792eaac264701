// @vitest-environment jsdom
import './dom';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SocketRow } from '../../shared/contract';
import { App } from '../../renderer/app/App';
import { createServices } from '../../renderer/app/createServices';
import { ServicesProvider, type AppServices } from '../../renderer/app/services';
import { FakeClient, makeDelta, makeProcess, makeRow, makeSnapshot } from './fixtures';

/**
 * The dashboard's power-user tools (issue 12): the layout that is remembered, the search that
 * finds what the screen shows and survives page changes, the keyboard, unidentified owners.
 */

const SSHD = makeRow({ localPort: 22, processName: 'sshd', pid: 900, localAddress: '0.0.0.0', exposure: 'all', service: 'ssh', serviceDescription: 'Secure Shell' });
const NODE = makeRow({ localPort: 8080 });
const HIDDEN_OWNER = makeRow({ localPort: 2024, processName: null, pid: null, user: null, ownerStatus: 'not-found', localAddress: '0.0.0.0', exposure: 'all' });

function setup(rows: SocketRow[] = [SSHD, NODE, HIDDEN_OWNER], details: (pid: number) => unknown = (pid) => ({ process: makeProcess({ pid }), sockets: [] })) {
  const client = new FakeClient();
  client.handle('sockets.snapshot', () => makeSnapshot(rows, 1, [makeProcess(), makeProcess({ pid: 900, name: 'sshd', commandLine: '/usr/sbin/sshd -D' })]));
  client.handle('monitor.configure', (r) => ({ intervalMs: r.intervalMs ?? 1000, paused: r.paused ?? false }));
  client.handle('process.details', ({ pid }) => details(pid) as never);
  const services = createServices(client);
  current.push(services);
  const view = render(
    <ServicesProvider services={services}>
      <App />
    </ServicesProvider>,
  );
  return { client, services, view };
}

const tick = (ms = 0) => act(() => new Promise((r) => setTimeout(r, ms)));
const current: AppServices[] = [];
afterEach(() => {
  for (const s of current.splice(0)) s.feed.dispose();
  cleanup();
  localStorage.clear();
  window.location.hash = '';
});

const listening = () => screen.getByRole('table', { name: 'Listening ports' });
const dataRows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);
const headers = (table: HTMLElement) => within(table).getAllByRole('columnheader').map((h) => h.textContent?.replace(/[▲▼]/g, ''));

describe('the dashboard layout is the user’s, and remembered', () => {
  it('collapses the chart row, and keeps it collapsed in the next session', async () => {
    const first = setup();
    await tick();
    expect(screen.getByRole('figure', { name: /Sockets by state/ })).toBeTruthy();
    const toggle = screen.getByRole('button', { name: 'Hide charts' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle);
    expect(screen.queryByRole('figure', { name: /Sockets by state/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Show charts' }).getAttribute('aria-expanded')).toBe('false');
    first.view.unmount();
    setup();
    await tick();
    expect(screen.queryByRole('figure', { name: /Sockets by state/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Show charts' })).toBeTruthy();
  });

  it('chooses columns per table, remembered', async () => {
    const first = setup();
    await tick();
    expect(headers(listening())).toContain('Risk');
    fireEvent.click(screen.getByRole('button', { name: 'Columns of Listening ports' }));
    const chooser = screen.getByRole('group', { name: 'Columns of Listening ports' });
    fireEvent.click(within(chooser).getByRole('checkbox', { name: 'Risk' }));
    fireEvent.click(within(chooser).getByRole('checkbox', { name: 'User' }));
    expect(headers(listening())).not.toContain('Risk');
    expect(headers(listening())).not.toContain('User');
    expect(headers(listening())).toContain('Process');
    // The other table keeps its own columns.
    expect(headers(screen.getByRole('table', { name: 'Connections' }))).toContain('User');
    first.view.unmount();
    setup();
    await tick();
    expect(headers(listening())).toEqual(['Proto', 'Address', 'Port', 'Service', 'Exposure', 'Process', 'PID']);
  });

  it('never hides the last column', async () => {
    setup();
    await tick();
    fireEvent.click(screen.getByRole('button', { name: 'Columns of Listening ports' }));
    const chooser = screen.getByRole('group', { name: 'Columns of Listening ports' });
    const boxes = within(chooser).getAllByRole('checkbox');
    for (const box of boxes.slice(1)) fireEvent.click(box);
    expect(headers(listening())).toEqual(['Proto']);
    expect((boxes[0] as HTMLInputElement).disabled).toBe(true);
  });

  it('sizes columns to their content: an empty Risk column is narrow', async () => {
    setup();
    await tick();
    const tracks = (dataRows(listening())[0] as HTMLElement).style.gridTemplateColumns.split(' ');
    const heads = headers(listening());
    const risk = tracks[heads.indexOf('Risk')]!;
    // No row has a risk note: the column is as wide as its header, not a 1.4fr share.
    expect(risk).toMatch(/^\d+px$/);
    expect(parseInt(risk, 10)).toBeLessThan(80);
  });

  it('moves the split between the tables with the keyboard, remembered', async () => {
    const first = setup();
    await tick();
    const bar = screen.getByRole('separator', { name: 'Height of the listening table' });
    expect(bar.getAttribute('aria-valuenow')).toBe('60');
    fireEvent.keyDown(bar, { key: 'ArrowDown' });
    fireEvent.keyDown(bar, { key: 'ArrowDown' });
    expect(bar.getAttribute('aria-valuenow')).toBe('70');
    first.view.unmount();
    setup();
    await tick();
    expect(screen.getByRole('separator', { name: 'Height of the listening table' }).getAttribute('aria-valuenow')).toBe('70');
    fireEvent.keyDown(screen.getByRole('separator'), { key: 'End' });
    expect(screen.getByRole('separator').getAttribute('aria-valuenow')).toBe('85');
  });

  it('survives a stored layout that is garbage', async () => {
    localStorage.setItem('portscope.dashboard.layout', JSON.stringify({ state: { layout: { split: 'x', columns: { listening: { hidden: 5, widths: { port: -3 } } } } }, version: 1 }));
    setup();
    await tick();
    expect(headers(listening())).toContain('Port');
    expect(screen.getByRole('separator').getAttribute('aria-valuenow')).toBe('60');
  });
});

describe('search and charts', () => {
  it('keeps the search and the open panel across a page change', async () => {
    const { services } = setup();
    await tick();
    fireEvent.change(screen.getByLabelText('Search sockets'), { target: { value: 'Secure Shell' } });
    await tick(200);
    expect(listening().getAttribute('aria-rowcount')).toBe('2');
    fireEvent.click(dataRows(listening())[0] as HTMLElement);
    await tick();
    expect(screen.getByRole('complementary', { name: 'Process details' })).toBeTruthy();
    act(() => services.ui.getState().navigate('scan'));
    await tick();
    expect(screen.queryByRole('table', { name: 'Listening ports' })).toBeNull();
    act(() => services.ui.getState().navigate('dashboard'));
    await tick(200);
    expect((screen.getByLabelText('Search sockets') as HTMLInputElement).value).toBe('Secure Shell');
    expect(listening().getAttribute('aria-rowcount')).toBe('2');
    expect(screen.getByRole('complementary', { name: 'Process details' }).textContent).toContain('pid 900');
  });

  it('documents the qualifiers in a help popover', async () => {
    setup();
    await tick();
    fireEvent.click(screen.getByRole('button', { name: 'Search help' }));
    const help = screen.getByRole('region', { name: 'How to search' });
    for (const q of ['port:443', 'pid:1234', 'proc:nginx', 'state:listen', 'user:root', 'exposure:all', '-proc:chromium']) expect(help.textContent).toContain(q);
    fireEvent.keyDown(help, { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'How to search' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Search help' }));
  });

  it('draws the charts from the rows the filter lets through', async () => {
    setup();
    await tick();
    const exposure = () => screen.getByRole('figure', { name: /Exposure/ }).querySelector('.chart-summary')?.textContent;
    const top = () => screen.getByRole('figure', { name: /Top processes/ }).querySelector('.chart-summary')?.textContent;
    expect(exposure()).toBe('this machine: 1, all interfaces: 2');
    fireEvent.change(screen.getByLabelText('Search sockets'), { target: { value: 'proc:sshd' } });
    await tick(200);
    await tick();
    expect(exposure()).toBe('all interfaces: 1');
    expect(top()).toBe('most: sshd (900) (1)');
    expect(screen.getByRole('figure', { name: /Sockets by state/ }).textContent).toContain('1 matching socket now');
  });
});

describe('keyboard', () => {
  it('puts focus back on the row when Escape closes the panel', async () => {
    setup();
    await tick();
    const table = listening();
    table.focus();
    fireEvent.keyDown(table, { key: 'ArrowDown' });
    await tick();
    const row = document.activeElement as HTMLElement;
    expect(row.getAttribute('role')).toBe('row');
    fireEvent.keyDown(table, { key: 'Enter' });
    await tick();
    const panel = screen.getByRole('complementary', { name: 'Process details' });
    expect(panel.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(panel, { key: 'Escape' });
    expect(screen.queryByRole('complementary', { name: 'Process details' })).toBeNull();
    expect(document.activeElement).not.toBe(document.body);
    expect((document.activeElement as HTMLElement).getAttribute('data-key')).toBe(row.getAttribute('data-key'));
  });

  it('focuses the search on / and on Ctrl+F, but lets / be typed in a field', async () => {
    setup();
    await tick();
    const search = screen.getByLabelText('Search sockets');
    listening().focus();
    fireEvent.keyDown(listening(), { key: '/' });
    expect(document.activeElement).toBe(search);
    listening().focus();
    const ctrlF = fireEvent.keyDown(listening(), { key: 'f', ctrlKey: true });
    expect(ctrlF).toBe(false); // the browser's own find bar is not opened on top
    expect(document.activeElement).toBe(search);
    const typed = fireEvent.keyDown(search, { key: '/' });
    expect(typed).toBe(true);
  });

  it('has no Tab stop inside the charts', async () => {
    const { view } = setup();
    await tick();
    const charts = view.container.querySelector('.charts')!;
    expect(charts.querySelectorAll('svg').length).toBeGreaterThan(0);
    expect([...charts.querySelectorAll('[tabindex]')].filter((el) => el.getAttribute('tabindex') !== '-1')).toEqual([]);
  });
});

describe('unidentified owners and exited processes', () => {
  it('marks sockets no visible process holds, and filters them', async () => {
    setup();
    await tick();
    const marked = dataRows(listening()).filter((r) => r.classList.contains('row-unidentified'));
    expect(marked).toHaveLength(1);
    expect(marked[0]!.textContent).toContain('unknown owner');
    expect(marked[0]!.querySelector('.owner-unidentified')?.getAttribute('title')).toMatch(/another pid namespace/);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Unknown owners only' }));
    await tick();
    expect(dataRows(listening()).map((r) => within(r).getAllByRole('cell')[2]?.textContent)).toEqual(['2024']);
  });

  it('shows a generic icon in browser mode, and asks only once', async () => {
    const { client } = setup();
    client.handle('process.icon', () => ({ available: false, dataUrl: null }));
    await tick();
    await tick();
    const row = dataRows(listening()).find((r) => r.textContent?.includes('sshd'))!;
    expect(row.querySelector('svg.proc-icon')).toBeTruthy();
    expect(row.querySelector('img')).toBeNull();
    // Two processes on screen, but the first "no icons here" answer stops the asking.
    expect(client.calls.filter((c) => c.name === 'process.icon').length).toBe(1);
  });

  it('shows the program’s own icon where the desktop app gives one', async () => {
    const { client } = setup();
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    client.handle('process.icon', ({ pid }) => ({ available: true, dataUrl: pid === 900 ? png : null }));
    await tick();
    await tick();
    const sshd = dataRows(listening()).find((r) => r.textContent?.includes('sshd'))!;
    expect(sshd.querySelector('img.proc-icon')?.getAttribute('src')).toBe(png);
    const node = dataRows(listening()).find((r) => r.textContent?.includes('8080'))!;
    expect(node.querySelector('svg.proc-icon')).toBeTruthy();
  });

  it('disables "End process…" once the process has exited', async () => {
    let alive = true;
    const { client } = setup([SSHD, NODE], (pid) => (alive ? { process: makeProcess({ pid }), sockets: [] } : null));
    await tick();
    fireEvent.click(dataRows(listening()).find((r) => r.textContent?.includes('8080'))!);
    await tick();
    const panel = screen.getByRole('complementary', { name: 'Process details' });
    const end = within(panel).getByRole('button', { name: 'End process…' }) as HTMLButtonElement;
    expect(end.disabled).toBe(false);
    // The process exits on its own: its socket closes, the panel asks again and learns it.
    alive = false;
    act(() => client.emit('sockets.delta', makeDelta(2, { removed: [NODE.id] }, 1)));
    await tick();
    await tick();
    expect((within(panel).getByRole('button', { name: 'End process…' }) as HTMLButtonElement).disabled).toBe(true);
    expect(panel.textContent).toContain('has exited');
  });
});
