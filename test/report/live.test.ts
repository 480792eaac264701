import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema, type Report } from '../../shared/contract/report';
import { Engine } from '../../electron/engine/service';
import { summarize } from '../../electron/engine/report/summary';
import { HOSTILE_ARGS, HOSTILE_NAME, useEngineWithHostileServer } from './support/hostile';

const fixture = useEngineWithHostileServer();

async function exportJson(what: 'listeners' | 'connections' | 'all'): Promise<Report> {
  const res = await fixture.engine.handlers['report.export']({ what, format: 'json' });
  expect(res.path).toBeNull();
  expect(res.mimeType).toBe('application/json');
  expect(res.bytes).toBe(Buffer.byteLength(res.content!));
  return ReportSchema.parse(JSON.parse(res.content!));
}

describe('report from the live engine', () => {
  it('holds the listeners a real process opened, with its hostile name and arguments exact', async () => {
    const report = await exportJson('listeners');
    expect(report.schema).toBe('portscope.report');
    expect(report.version).toBe(1);
    expect(report.connections).toBeNull();
    const tcp = report.listeners!.find((r) => r.protocol === 'tcp' && r.localPort === fixture.server.tcpPort);
    const udp = report.listeners!.find((r) => r.protocol === 'udp' && r.localPort === fixture.server.udpPort);
    expect(tcp).toMatchObject({ state: 'LISTEN', localAddress: '127.0.0.1', pid: fixture.server.pid, processName: HOSTILE_NAME, exposure: 'loopback' });
    expect(udp).toMatchObject({ state: 'UNCONN', pid: fixture.server.pid, processName: HOSTILE_NAME });
    const proc = report.processes.find((p) => p.pid === fixture.server.pid)!;
    expect(proc.name).toBe(HOSTILE_NAME);
    expect(proc.args.slice(-HOSTILE_ARGS.length)).toEqual(HOSTILE_ARGS);
    for (const arg of HOSTILE_ARGS) expect(proc.commandLine).toContain(arg.includes("'") ? arg.split("'")[0]! : arg);
  });

  it('counts the same numbers the live table shows', async () => {
    const report = await exportJson('all');
    const live = await fixture.engine.handlers['sockets.snapshot']({});
    // The report re-read the table: compare with the rows it holds, and with a summary of them.
    const rows = [...report.listeners!, ...report.connections!];
    expect(report.machine.summary).toEqual(summarize(rows));
    expect(report.machine.summary.listeners.total).toBe(report.listeners!.length);
    expect(report.machine.summary.connections.total).toBe(report.connections!.length);
    expect(report.machine.hostname).toBe(live.hostname);
    // Listeners are stable between two reads (this test's own are there in both).
    const liveListeners = live.rows.filter((r) => r.state === 'LISTEN' && r.pid === fixture.server.pid).map((r) => r.localPort);
    expect(liveListeners).toContain(fixture.server.tcpPort);
  });

  it('round-trips: an exported report imports back identical, with no changes since', async () => {
    const res = await fixture.engine.handlers['report.export']({ what: 'all', format: 'json', title: 'Round <trip> & "back"' });
    const imported = await fixture.engine.handlers['report.import']({ text: res.content!, fileName: 'saved.json' });
    expect(imported.kind).toBe('report');
    if (imported.kind !== 'report') return;
    expect(imported.report).toEqual(JSON.parse(res.content!));
    expect(imported.report.title).toBe('Round <trip> & "back"');
    const mine = (rows: Array<{ pid: number | null }>) => rows.filter((r) => r.pid === fixture.server.pid);
    expect(mine(imported.diff!.added)).toEqual([]);
    expect(mine(imported.diff!.removed)).toEqual([]);
  });

  it('diffs a saved report against the live state: added and removed listeners', async () => {
    const extra = await fixture.server.listen();
    const saved = await fixture.engine.handlers['report.export']({ what: 'listeners', format: 'json' });
    await fixture.server.close(extra);
    const added = await fixture.server.listen();
    const imported = await fixture.engine.handlers['report.import']({ text: saved.content! });
    if (imported.kind !== 'report') throw new Error('expected a report');
    const diff = imported.diff!;
    expect(diff.removed.map((r) => r.localPort)).toContain(extra);
    expect(diff.added.map((r) => r.localPort)).toContain(added);
    expect(diff.added.find((r) => r.localPort === added)).toMatchObject({ pid: fixture.server.pid, processName: HOSTILE_NAME });
    expect(diff.removed.map((r) => r.localPort)).not.toContain(fixture.server.tcpPort);
    expect(diff.added.map((r) => r.localPort)).not.toContain(fixture.server.tcpPort);
    expect(diff.unchanged).toBeGreaterThan(0);
    expect(diff.hostname).toBe(imported.report.machine.hostname);
    await fixture.server.close(added);
  });

  it('refuses what is not a report, with a message that says why', async () => {
    const cases: Array<[string, RegExp]> = [
      ['hello', /not in a format Portscope reads \(accepted: a Portscope JSON report, nmap XML/],
      ['{"schema":"portscope.report","version":2}', /version 2 report; this Portscope reads version 1 \(update Portscope/],
      ['{"a":1}', /not a Portscope report/],
      ['{"schema":"portscope.report",', /not valid JSON/],
      ['{"schema":"portscope.report","version":1,"machine":{}}', /not a valid Portscope report: generator/],
      ['<html><body>hi</body></html>', /is an HTML page, not a Portscope JSON report or nmap XML/],
      ['<svg><g/></svg>', /not nmap output: its root element is <svg>/],
    ];
    for (const [text, message] of cases) {
      await expect(fixture.engine.handlers['report.import']({ text })).rejects.toThrow(message);
    }
  });

  it('writes to an absolute path with the right extension only, and only for the CLI', async () => {
    await expect(fixture.engine.handlers['report.export']({ format: 'html', path: 'relative.html', what: 'listeners' })).rejects.toThrow(/must be absolute/);
    await expect(fixture.engine.handlers['report.export']({ format: 'html', path: '/tmp/x.json', what: 'listeners' })).rejects.toThrow(
      /html report must be saved as a .html file/,
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portscope-export-'));
    try {
      const file = path.join(dir, 'r.md');
      const res = await fixture.engine.handlers['report.export']({ format: 'md', path: file, what: 'listeners' });
      expect(res).toMatchObject({ path: file, content: null, format: 'md', mimeType: 'text/markdown; charset=utf-8' });
      expect(res.suggestedName).toMatch(/^portscope-[\w.-]+-\d{8}-\d{4}\.md$/);
      expect(fs.statSync(file).size).toBe(res.bytes);
      // Web content (browser mode, the app's renderer) gets the content, never a file path of its choosing.
      for (const transport of ['browser', 'electron'] as const) {
        const web = new Engine({ transport });
        try {
          await expect(web.handlers['report.export']({ format: 'md', path: path.join(dir, 'w.md'), what: 'listeners' })).rejects.toMatchObject({ code: 'denied' });
          expect((await web.handlers['report.export']({ format: 'md', what: 'listeners' })).content).toContain('# Portscope report');
        } finally {
          web.dispose();
        }
      }
      expect(fs.existsSync(path.join(dir, 'w.md'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
