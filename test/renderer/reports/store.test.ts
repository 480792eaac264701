// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { ReportSchema, type ReportExportRequest } from '../../../shared/contract';
import type { ReportSaveBridge, ReportSaveRequest } from '../../../shared/contract/report-save';
import { downloadText, safeFileName, type DownloadEnv } from '../../../renderer/features/reports/download';
import { createReportSaver, formatBytes } from '../../../renderer/features/reports/saver';
import { BROWSER_MODE_MAX_MESSAGE_BYTES, createReportsStore, importMessageBytes } from '../../../renderer/features/reports/store';
import { asLiveRows, diffEntries, diffSummary, stateSlices } from '../../../renderer/features/reports/view';
import { FakeClient, makeRow } from '../fixtures';
import { HOSTILE, makeDiff, makeNmapScan, makeReport } from './support';

function fakeEnv() {
  const blobs: Blob[] = [];
  const clicked: Array<{ href: string; download: string }> = [];
  const revoked: string[] = [];
  const env: DownloadEnv = {
    document,
    createObjectURL: (blob) => {
      blobs.push(blob);
      return `blob:test/${blobs.length}`;
    },
    revokeObjectURL: (url) => revoked.push(url),
  };
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ href: this.href, download: this.download });
  });
  return { env, blobs, clicked, revoked, restore: () => click.mockRestore() };
}

function exportingClient(content = 'protocol,local_port\r\ntcp,8080\r\n') {
  const client = new FakeClient();
  client.handle('report.export', (req) => ({
    format: req.format,
    mimeType: 'text/csv; charset=utf-8',
    suggestedName: `portscope-testhost-20261121-0100.${req.format}`,
    content,
    path: null,
    bytes: new TextEncoder().encode(content).length,
  }));
  return client;
}

describe('browser-mode downloads', () => {
  it('downloads the content report.export returns, under its suggested name, and leaves no link behind', async () => {
    const client = exportingClient();
    const dl = fakeEnv();
    try {
      const saver = createReportSaver(client, undefined, dl.env);
      expect(saver.kind).toBe('download');
      expect(saver.formats).toEqual(['json', 'csv', 'html', 'md']);
      const outcome = await saver.save('csv', { what: 'listeners', table: 'listeners', title: 'x' });
      expect(client.calls).toEqual([{ name: 'report.export', request: { what: 'listeners', table: 'listeners', title: 'x', format: 'csv' } }]);
      expect((client.calls[0]!.request as ReportExportRequest).path).toBeUndefined();
      expect(dl.clicked).toEqual([{ href: 'blob:test/1', download: 'portscope-testhost-20261121-0100.csv' }]);
      expect(await dl.blobs[0]!.text()).toBe('protocol,local_port\r\ntcp,8080\r\n');
      expect(dl.blobs[0]!.type).toBe('text/csv; charset=utf-8');
      expect(document.querySelectorAll('a[download]')).toHaveLength(0);
      expect(outcome).toEqual({ saved: true, message: 'Downloaded portscope-testhost-20261121-0100.csv (31 B).' });
      await expect(saver.save('pdf', { what: 'listeners' })).rejects.toThrow(/desktop app/);
    } finally {
      dl.restore();
    }
  });

  it('revokes the object URL afterwards', () => {
    vi.useFakeTimers();
    const dl = fakeEnv();
    try {
      downloadText('x', 'text/plain', 'a.txt', dl.env);
      expect(dl.revoked).toEqual([]);
      vi.advanceTimersByTime(10_000);
      expect(dl.revoked).toEqual(['blob:test/1']);
    } finally {
      dl.restore();
      vi.useRealTimers();
    }
  });

  it('never offers a file name with folders or control characters', () => {
    expect(safeFileName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(safeFileName('a\u0000b\nc.csv')).toBe('a_b_c.csv');
    expect(safeFileName('...')).toBe('portscope-report.txt');
    expect(formatBytes(2048)).toBe('2.00 KiB');
  });
});

describe('desktop saving', () => {
  it('asks the preload to save (PDF included) and says where it went, or that it was cancelled', async () => {
    const requests: ReportSaveRequest[] = [];
    let answer = { saved: true, format: 'pdf' as const, path: '/home/me/report.pdf', bytes: 3000 };
    const bridge: ReportSaveBridge = {
      save: async (req) => {
        requests.push(req);
        return answer;
      },
    };
    const client = new FakeClient();
    const saver = createReportSaver(client, bridge);
    expect(saver.kind).toBe('dialog');
    expect(saver.formats).toContain('pdf');
    expect(await saver.save('pdf', { what: 'all' })).toEqual({ saved: true, message: 'Saved to /home/me/report.pdf (2.93 KiB).' });
    expect(requests).toEqual([{ format: 'pdf', report: { what: 'all' } }]);
    expect(client.calls).toEqual([]);
    answer = { saved: false, format: 'pdf', path: null as unknown as string, bytes: 0 };
    expect((await saver.save('pdf', { what: 'all' })).saved).toBe(false);
  });

  it('shows a failed save as an error without the transport code', async () => {
    const bridge: ReportSaveBridge = { save: async () => Promise.reject(new Error('[bad-request] a HTML report must be saved as a .html file, not x.csv')) };
    const store = createReportsStore(new FakeClient(), { saver: createReportSaver(new FakeClient(), bridge) });
    await store.getState().exportReport('html', { what: 'listeners' });
    expect(store.getState().exportError).toBe('a HTML report must be saved as a .html file, not x.csv');
    expect(store.getState().exporting).toBeNull();
  });
});

describe('opening reports', () => {
  it('opens a saved report with its diff, compares again, and closes', async () => {
    const report = makeReport();
    const client = new FakeClient();
    let diff = makeDiff(report);
    client.handle('report.import', () => ({ kind: 'report', report, diff }));
    const store = createReportsStore(client, { saver: createReportSaver(client, undefined) });
    await store.getState().openText('before.json', JSON.stringify(report));
    expect(client.calls[0]).toEqual({ name: 'report.import', request: { text: JSON.stringify(report), fileName: 'before.json' } });
    const opened = store.getState().opened;
    expect(opened?.kind).toBe('report');
    expect(opened?.kind === 'report' && opened.diff?.added).toHaveLength(1);

    diff = { ...diff, added: [], comparedAt: '2026-11-21T00:05:00.000Z' };
    await store.getState().compareAgain();
    const again = store.getState().opened;
    expect(again?.kind === 'report' && again.diff?.added).toEqual([]);
    expect(client.calls).toHaveLength(2);

    store.getState().close();
    expect(store.getState().opened).toBeNull();
  });

  it('opens nmap XML as a scan, and says why a file cannot be opened', async () => {
    const client = new FakeClient();
    const scan = makeNmapScan();
    client.handle('report.import', ({ text }) => {
      if (text.startsWith('<?xml')) return { kind: 'nmap', scan, warnings: ['1 SCTP port left out'] };
      throw new Error('[bad-request] notes.json is neither a Portscope report nor nmap XML');
    });
    const store = createReportsStore(client, { saver: createReportSaver(client, undefined) });
    await store.getState().openText('scan.xml', '<?xml version="1.0"?><nmaprun/>');
    expect(store.getState().opened).toEqual({ kind: 'nmap', fileName: 'scan.xml', scan, warnings: ['1 SCTP port left out'] });
    await store.getState().openText('notes.json', '{}');
    expect(store.getState().openError).toBe('notes.json is neither a Portscope report nor nmap XML');
    expect(store.getState().opening).toBe(false);
  });

  it('refuses, before sending, a file larger than browser mode carries', async () => {
    const client = new FakeClient();
    client.handle('report.import', () => {
      throw new Error('must not be called');
    });
    // A transport that carries 1 MiB (browser mode's real limit is BROWSER_MODE_MAX_MESSAGE_BYTES).
    const limit = 1024 * 1024;
    expect(BROWSER_MODE_MAX_MESSAGE_BYTES).toBeGreaterThan(64 * 1024 * 1024);
    const store = createReportsStore(client, { saver: createReportSaver(client, undefined), maxMessageBytes: limit });
    const text = JSON.stringify({ pad: 'x'.repeat(limit) });
    await store.getState().openText('big.json', text);
    expect(store.getState().openError).toMatch(/big\.json is 1\.00 MiB; in the browser Portscope opens files up to 1\.00 MiB.*portscope import/);
    expect(client.calls).toEqual([]);
    // Quotes and non-ASCII count as sent: JSON escapes and UTF-8.
    expect(importMessageBytes('"é', 'a')).toBe(new TextEncoder().encode(JSON.stringify({ text: '"é', fileName: 'a' })).length + 256);
  });

  it('reads a picked file, refusing absurd sizes without reading them', async () => {
    const client = new FakeClient();
    const report = makeReport();
    client.handle('report.import', () => ({ kind: 'report', report, diff: null }));
    const store = createReportsStore(client, { saver: createReportSaver(client, undefined) });
    const text = vi.fn(async () => JSON.stringify(report));
    await store.getState().openFile({ name: 'huge.json', size: 1e12, text });
    expect(text).not.toHaveBeenCalled();
    expect(store.getState().openError).toMatch(/too large/);
    await store.getState().openFile({ name: 'r.json', size: 100, text });
    expect(store.getState().opened?.kind).toBe('report');
  });
});

describe('report view helpers', () => {
  it('colours the diff as the dashboard does: added green, gone red, new owner yellow', () => {
    const report = ReportSchema.parse(makeReport());
    const entries = diffEntries(makeDiff(report));
    expect(entries.map((e) => [e.change, e.live.mark, e.live.row.localPort])).toEqual([
      ['removed', 'closing', 22],
      ['changed', 'changed', 8080],
      ['added', 'new', 9090],
    ]);
    expect(entries.find((e) => e.change === 'changed')?.before?.processName).toBe('node');
    expect(diffSummary(makeDiff(report))).toBe('1 listening now that was not, 1 gone, 1 with another owner, 0 unchanged');
  });

  it('makes chart data from the report', () => {
    expect(stateSlices({ LISTEN: 2, ESTABLISHED: 1, TIME_WAIT: 0 })).toEqual([
      { name: 'ESTABLISHED', value: 1, color: expect.any(String) },
      { name: 'LISTEN', value: 2, color: expect.any(String) },
    ]);
    expect(asLiveRows(null)).toEqual([]);
    const row = makeRow({ processName: HOSTILE });
    expect(asLiveRows([row])).toEqual([{ row, mark: null }]);
  });
});
