import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../shared/contract/report';
import { csvField, neutralizeFormula, reportToCsv } from '../../electron/engine/report/csv';
import { HOSTILE_ARGS, HOSTILE_NAME, useEngineWithHostileServer } from './support/hostile';
import { parseCsv } from './support/csv';

const fixture = useEngineWithHostileServer();

/** What a spreadsheet user sees after the apostrophe marker is taken off. */
const unmark = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

describe('CSV cells', () => {
  it('neutralizes every formula start with an apostrophe and leaves other text alone', () => {
    for (const text of ['=1+1', '+1', '-1', '-2+3', '@SUM(A1)', '\tx', '\rx', "=cmd|' /C calc'!A0"]) {
      expect(neutralizeFormula(text)).toBe(`'${text}`);
    }
    for (const text of ['1', 'a=b', 'plain', "'already", ' =space first', '']) expect(neutralizeFormula(text)).toBe(text);
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('plain')).toBe('plain');
  });
});

describe('CSV from the live engine', () => {
  it('keeps hostile names and command lines exact, never as formulas, numbers as numbers', async () => {
    const res = await fixture.engine.handlers['report.export']({ what: 'listeners', format: 'csv' });
    const text = res.content!;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([
      'protocol', 'local_address', 'local_port', 'state', 'service', 'exposure', 'pid', 'pids', 'process', 'user', 'uid', 'owner_note', 'command_line', 'risks',
    ]);
    for (const row of rows) {
      expect(row).toHaveLength(header!.length);
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    const col = (name: string) => header!.indexOf(name);
    const mine = rows.find((r) => r[col('local_port')] === String(fixture.server.tcpPort) && r[col('protocol')] === 'tcp')!;
    expect(mine).toBeDefined();
    // The name starts with '=': marked, and exact once the marker is removed.
    expect(mine[col('process')]).toBe(`'${HOSTILE_NAME}`);
    expect(unmark(mine[col('process')]!)).toBe(HOSTILE_NAME);
    expect(mine[col('pid')]).toBe(String(fixture.server.pid));
    const snapshot = await fixture.engine.handlers['sockets.snapshot']({});
    const commandLine = snapshot.processes.find((p) => p.pid === fixture.server.pid)!.commandLine;
    expect(unmark(mine[col('command_line')]!)).toBe(commandLine);
    for (const arg of HOSTILE_ARGS.filter((a) => !a.includes("'"))) expect(mine[col('command_line')]).toContain(arg);
  });

  it('reads the same in another RFC 4180 implementation (Python csv, utf-8-sig)', async (ctx) => {
    const res = await fixture.engine.handlers['report.export']({ what: 'listeners', format: 'csv' });
    const script = 'import csv, io, json, sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode("utf-8-sig"), newline="")))))';
    const py = spawnSync('python3', ['-c', script], { input: Buffer.from(res.content!, 'utf8') });
    if (py.error) {
      console.log(`skipped: python3 is not available (${py.error.message})`);
      ctx.skip();
      return;
    }
    expect(py.status, py.stderr.toString()).toBe(0);
    expect(JSON.parse(py.stdout.toString())).toEqual(parseCsv(res.content!.slice(1)));
  });

  it('writes one chosen table per file and refuses tables the report lacks', async () => {
    const connections = await fixture.engine.handlers['report.export']({ what: 'all', format: 'csv', table: 'connections' });
    expect(parseCsv(connections.content!.slice(1))[0]).toContain('remote_address');
    const processes = await fixture.engine.handlers['report.export']({ what: 'listeners', format: 'csv', table: 'processes' });
    const [head, ...procs] = parseCsv(processes.content!.slice(1));
    const row = procs.find((r) => r[0] === String(fixture.server.pid))!;
    expect(unmark(row[head!.indexOf('name')]!)).toBe(HOSTILE_NAME);
    await expect(fixture.engine.handlers['report.export']({ what: 'listeners', format: 'csv', table: 'scan' })).rejects.toThrow(
      /this report has no scan table; it has: listeners, processes/,
    );
  });

  it('marks text that looks like a negative number but writes numeric fields bare', () => {
    const report = ReportSchema.parse({
      schema: 'portscope.report',
      version: 1,
      generator: { name: 'portscope', version: 't' },
      generatedAt: '2026-01-01T00:00:00.000Z',
      title: null,
      machine: {
        hostname: 'h',
        os: { platform: 'linux', release: 'r', arch: 'x64' },
        takenAt: '2026-01-01T00:00:00.000Z',
        summary: {
          sockets: 0,
          listeners: { total: 0, tcp: 0, udp: 0 },
          connections: { total: 0, established: 0, timeWait: 0, other: 0 },
          exposure: { loopback: 0, all: 0, specific: 0 },
          states: {},
          processes: 0,
          unowned: 0,
          risks: { danger: 0, warning: 0, info: 0 },
        },
      },
      listeners: null,
      connections: null,
      processes: [],
      scan: null,
      probes: null,
      diagnosis: {
        port: 80,
        protocol: 'tcp',
        steps: [{ id: '-1', name: '=HYPERLINK("http://x")', status: 'ok', message: '@x', details: ['-5'], durationMs: 1.5 }],
        verdict: 'ok',
        summary: 's',
        nextStep: 'n',
        durationMs: 2,
      },
      warnings: [],
    });
    const [, row] = parseCsv(reportToCsv(report, 'diagnosis', { bom: false }));
    expect(row).toEqual(['1', "'-1", '\'=HYPERLINK("http://x")', 'ok', "'@x", "'-5", '1.5']);
  });
});
