// @vitest-environment jsdom
import '../dom';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReportSaveBridge, ReportSaveRequest } from '../../../shared/contract/report-save';
import { App } from '../../../renderer/app/App';
import { showInScanView } from '../../../renderer/features/reports/scanView';
import { createServices } from '../../../renderer/app/createServices';
import { ServicesProvider, type AppServices } from '../../../renderer/app/services';
import { FakeClient, makeProcess, makeRow, makeSnapshot } from '../fixtures';
import { HOSTILE, makeDiff, makeNmapScan, makeReport } from './support';

const tick = () => act(() => new Promise((r) => setTimeout(r, 0)));
let current: AppServices | null = null;

afterEach(() => {
  current?.feed.dispose();
  current = null;
  delete window.portscopeReports;
  cleanup();
  vi.restoreAllMocks();
});

function setup(prepare?: (client: FakeClient) => void) {
  const client = new FakeClient();
  client.handle('sockets.snapshot', () => makeSnapshot([makeRow({ localPort: 8080 })], 1, [makeProcess()]));
  client.handle('monitor.configure', (r) => ({ intervalMs: 1000, paused: r.paused ?? false }));
  prepare?.(client);
  const services = createServices(client, 'reports');
  current = services;
  render(
    <ServicesProvider services={services}>
      <App />
    </ServicesProvider>,
  );
  return { client, services };
}

function pick(text: string, name: string) {
  const input = screen.getByLabelText(/saved Portscope report/) as HTMLInputElement;
  const file = new File([text], name, { type: name.endsWith('.xml') ? 'text/xml' : 'application/json' });
  // jsdom's File has no text(); browsers do.
  Object.defineProperty(file, 'text', { value: async () => text });
  fireEvent.change(input, { target: { files: [file] } });
}

describe('Reports page', () => {
  it('is a page of its own in the navigation', async () => {
    setup();
    await tick();
    const link = within(screen.getByRole('navigation', { name: 'Pages' })).getByRole('link', { name: 'Reports' });
    expect(link.getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('heading', { name: 'Export' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Open' })).toBeTruthy();
    expect(document.title).toMatch(/^Reports · Portscope/);
  });

  it('downloads the chosen table as CSV in browser mode', async () => {
    const { client } = setup((c) =>
      c.handle('report.export', (req) => ({ format: req.format, mimeType: 'text/csv', suggestedName: 'portscope-testhost.csv', content: 'a,b\r\n', path: null, bytes: 5 })),
    );
    const created = vi.fn((_blob: Blob) => 'blob:x');
    URL.createObjectURL = created;
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await tick();
    expect(screen.queryByRole('option', { name: 'PDF' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Contents'), { target: { value: 'all' } });
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'csv' } });
    fireEvent.change(screen.getByLabelText('Table'), { target: { value: 'connections' } });
    fireEvent.change(screen.getByLabelText('Title (optional)'), { target: { value: '  Nightly  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    await tick();
    expect(client.calls.filter((c) => c.name === 'report.export').map((c) => c.request)).toEqual([{ what: 'all', format: 'csv', table: 'connections', title: 'Nightly' }]);
    expect(click).toHaveBeenCalledTimes(1);
    expect(created).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Downloaded portscope-testhost.csv (5 B).')).toBeTruthy();
  });

  it('saves through the desktop Save dialog, PDF included', async () => {
    const requests: ReportSaveRequest[] = [];
    const bridge: ReportSaveBridge = {
      save: async (req) => {
        requests.push(req);
        return { saved: true, format: req.format, path: '/home/me/r.pdf', bytes: 10 };
      },
    };
    window.portscopeReports = bridge;
    setup();
    await tick();
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'pdf' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save…' }));
    await tick();
    expect(requests).toEqual([{ format: 'pdf', report: { what: 'listeners' } }]);
    expect(screen.getByText('Saved to /home/me/r.pdf (10 B).')).toBeTruthy();
  });

  it('includes the last scan, probe and diagnosis when asked, and can export them alone', async () => {
    const { client, services } = setup((c) =>
      c.handle('report.export', (req) => ({ format: req.format, mimeType: 'application/json', suggestedName: 'p.json', content: '{}', path: null, bytes: 2 })),
    );
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const scan = makeNmapScan().result;
    act(() => services.scans.setState({ phase: 'done', result: scan, request: { targets: ['127.0.0.1'], ports: '22,80', protocol: 'tcp' } as never }));
    await tick();
    const include = screen.getByRole('group', { name: 'Include' });
    expect(within(include).getByLabelText(/the last scan \(1 open\)/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Contents'), { target: { value: 'none' } });
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    await tick();
    const sent = client.calls.filter((c) => c.name === 'report.export').map((c) => c.request as { what: string; scan?: { source: string; target: string; result: unknown } });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ what: 'none', format: 'json', scan: { source: 'portscope', target: '127.0.0.1', result: scan } });

    // Without the scan, "only the results" has nothing to export.
    fireEvent.click(within(include).getByLabelText(/the last scan/));
    expect((screen.getByRole('button', { name: 'Download' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/Nothing to export/)).toBeTruthy();
  });

  it('opens a saved report read-only with the dashboard tables, charts and the diff; hostile names stay text', async () => {
    const report = makeReport();
    const diff = makeDiff(report);
    setup((c) => c.handle('report.import', () => ({ kind: 'report', report, diff })));
    await tick();
    pick(JSON.stringify(report), 'before.json');
    await tick();
    await tick();
    const view = screen.getByRole('region', { name: 'Saved report' });
    expect(within(view).getByRole('heading', { name: /Before the upgrade/ })).toBeTruthy();
    expect(within(view).getByText('saved report · read-only')).toBeTruthy();

    const listening = within(view).getByRole('table', { name: 'Listening ports in the report' });
    expect(listening.getAttribute('aria-rowcount')).toBe('3');
    expect(within(listening).getAllByText(HOSTILE).length).toBeGreaterThan(0);
    expect(within(view).getByRole('table', { name: 'Connections in the report' }).getAttribute('aria-rowcount')).toBe('2');
    expect(within(view).getByRole('table', { name: 'Processes in the report' }).textContent).toContain(`${HOSTILE} --serve`);
    expect(document.querySelector('img')).toBeNull();
    const charts = within(view).getByRole('region', { name: 'Report charts' });
    expect([...charts.querySelectorAll('.chart-title')].map((t) => t.textContent)).toEqual(['Sockets by state', expect.stringMatching(/^Top processes/), 'Exposure', 'Port classes']);

    const changes = within(view).getByRole('table', { name: 'Changes since the report' });
    const rows = within(changes).getAllByRole('row').slice(1);
    expect(rows.map((r) => [r.getAttribute('data-mark'), within(r).getAllByRole('cell')[0]?.textContent])).toEqual([
      ['closing', 'gone'],
      ['changed', 'new owner'],
      ['new', 'listening now'],
    ]);
    expect(rows[1]!.textContent).toContain('python3');
    expect(rows[1]!.textContent).toContain('node (pid 4242), root');
    expect(within(view).getByRole('status').textContent).toBe('1 listening now that was not, 1 gone, 1 with another owner, 0 unchanged');

    // Read-only: clicking a row of the saved report does not open the live process panel.
    fireEvent.click(within(listening).getAllByRole('row')[1]!);
    expect(screen.queryByRole('complementary', { name: 'Process details' })).toBeNull();

    fireEvent.change(within(view).getByLabelText('Search the report'), { target: { value: '8080' } });
    expect(listening.getAttribute('aria-rowcount')).toBe('2');

    fireEvent.click(screen.getByRole('button', { name: 'Close report' }));
    expect(screen.queryByRole('region', { name: 'Saved report' })).toBeNull();
  });

  it('warns when the report comes from another machine', async () => {
    const report = makeReport();
    const diff = { ...makeDiff(report), hostname: 'other-host' };
    setup((c) => c.handle('report.import', () => ({ kind: 'report', report, diff })));
    await tick();
    pick(JSON.stringify(report), 'theirs.json');
    await tick();
    await tick();
    expect(screen.getByRole('note').textContent).toMatch(/taken on testhost; the live state is this machine, other-host/);
  });

  it('shows imported nmap XML with the scan table and charts', async () => {
    const scan = makeNmapScan();
    setup((c) => c.handle('report.import', () => ({ kind: 'nmap', scan, warnings: ['2 SCTP ports left out'] })));
    await tick();
    pick('<?xml version="1.0"?><nmaprun></nmaprun>', 'scan.xml');
    await tick();
    await tick();
    const section = screen.getByRole('region', { name: 'nmap scan from scan.xml' });
    expect(within(section).getByText('nmap 7.93')).toBeTruthy();
    expect(within(section).getByText(scan.command!)).toBeTruthy();
    expect(within(section).getByText(/1 open, 1 closed, 0 filtered on 1 host up/)).toBeTruthy();
    const table = within(section).getByRole('table', { name: 'Scan results' });
    expect(table.getAttribute('aria-rowcount')).toBe('3');
    expect(within(section).getByText('States per host')).toBeTruthy();
    expect(screen.getByText('2 SCTP ports left out')).toBeTruthy();

    // Into the scan view: the Scan page shows it with its own summary, charts and table.
    fireEvent.click(within(section).getByRole('button', { name: 'Open in the Scan page' }));
    await tick();
    expect(within(screen.getByRole('navigation', { name: 'Pages' })).getByRole('link', { name: 'Scan' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('table', { name: 'Scan results' }).getAttribute('aria-rowcount')).toBe('3');
    expect(screen.getByText(/Imported from scan\.xml \(nmap 7\.93\)\./)).toBeTruthy();
  });

  it('never replaces a scan that is running on the Scan page', async () => {
    const scan = makeNmapScan();
    const { services } = setup((c) => c.handle('report.import', () => ({ kind: 'nmap', scan, warnings: [] })));
    await tick();
    pick('<?xml version="1.0"?><nmaprun></nmaprun>', 'scan.xml');
    await tick();
    await tick();
    act(() => services.scans.setState({ phase: 'running' }));
    const button = screen.getByRole('button', { name: 'Open in the Scan page' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(showInScanView(services.scans, scan, 'scan.xml')).toBe(false);
    expect(services.scans.getState().result).toBeNull();
  });

  it('says why a file could not be opened', async () => {
    setup((c) =>
      c.handle('report.import', () => {
        throw new Error('[bad-request] not a report');
      }),
    );
    await tick();
    pick('{}', 'x.json');
    await tick();
    await tick();
    expect(screen.getByRole('alert').textContent).toBe('Could not open it: not a report');
  });
});
