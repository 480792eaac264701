import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnoseRequestSchema, ProbeRequestSchema, ScanRequestSchema, type ScanResult } from '../../shared/contract/scan';
import { Engine } from '../../electron/engine/service';
import { writeScanReport } from '../../electron/engine/report/scanReport';
import { parseCsv } from './support/csv';
import { startHostileServer, type HostileServer } from './support/hostile';
import { freePort } from './support/nmap';

let engine: Engine;
let server: HostileServer;
let dir: string;

beforeAll(async () => {
  server = await startHostileServer();
  engine = new Engine({ transport: 'cli' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portscope-scan-report-'));
});
afterAll(async () => {
  engine?.dispose();
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A real Portscope connect scan of loopback ports, through the engine's contract calls. */
async function scanLoopback(ports: number[]): Promise<ScanResult> {
  const done = new Promise<ScanResult>((resolve, reject) => {
    const off = engine.on('scan.done', (d) => {
      off();
      if (d.result) resolve(d.result);
      else reject(new Error(d.error ?? 'scan failed'));
    });
  });
  // Handlers take parsed requests (defaults filled in), as every transport passes them.
  await engine.handlers['scan.start'](ScanRequestSchema.parse({ targets: ['127.0.0.1'], ports: ports.join(','), includeClosed: 'always' }));
  return done;
}

describe('writeScanReport (portscope scan … --report <file>)', () => {
  it('writes a real scan in the format the extension names, and the JSON imports back', async () => {
    const closed = await freePort();
    const result = await scanLoopback([server.tcpPort, closed]);
    expect(result.results.map((r) => [r.port, r.state]).sort()).toEqual(
      [
        [server.tcpPort, 'open'],
        [closed, 'closed'],
      ].sort(),
    );
    for (const ext of ['json', 'csv', 'html', 'md']) {
      const file = path.join(dir, `scan.${ext}`);
      const written = await writeScanReport(file, result, { target: '127.0.0.1' });
      expect(written).toMatchObject({ format: ext, path: file });
      expect(fs.statSync(file).size).toBe(written.bytes);
    }
    const [head, ...rows] = parseCsv(fs.readFileSync(path.join(dir, 'scan.csv'), 'utf8').slice(1));
    expect(head).toEqual(['host', 'port', 'protocol', 'state', 'reason', 'rtt_ms', 'service', 'hint', 'banner']);
    expect(rows.find((r) => r[1] === String(server.tcpPort))!.slice(0, 4)).toEqual(['127.0.0.1', String(server.tcpPort), 'tcp', 'open']);
    const html = fs.readFileSync(path.join(dir, 'scan.html'), 'utf8');
    expect(html).toContain('<title>Portscope scan of 127.0.0.1</title>');
    expect(html).toContain('Scanned ports by state');
    const back = await engine.handlers['report.import']({ text: fs.readFileSync(path.join(dir, 'scan.json'), 'utf8') });
    if (back.kind !== 'report') throw new Error('expected a report');
    expect(back.report.scan!.result).toEqual(result);
    expect(back.report.listeners).toBeNull();
    expect(back.diff).toBeNull();
  });

  it('refuses unknown formats and unwritable paths before anything is written', async () => {
    const result = await scanLoopback([server.tcpPort]);
    await expect(writeScanReport(path.join(dir, 'scan.txt'), result)).rejects.toThrow(/unknown report format '\.txt'/);
    await expect(writeScanReport('/sys/scan.html', result)).rejects.toThrow('cannot write /sys/scan.html: permission denied');
    expect(fs.existsSync(path.join(dir, 'scan.txt'))).toBe(false);
  });
});

describe('a whole machine report: listeners, a real scan, probe and diagnosis', () => {
  it('holds every section the app has, straight from the engine calls', async () => {
    const scan = await scanLoopback([server.tcpPort]);
    const probe = await engine.handlers['probe.run'](ProbeRequestSchema.parse({ host: '127.0.0.1', port: server.tcpPort, count: 3, intervalMs: 10 }));
    const diagnosis = await engine.handlers['diagnose.run'](DiagnoseRequestSchema.parse({ port: server.tcpPort }));
    const res = await engine.handlers['report.export']({
      what: 'all',
      format: 'json',
      scan: { source: 'portscope', target: '127.0.0.1', command: null, scanner: 'portscope', result: scan },
      probes: [probe],
      diagnosis,
    });
    const imported = await engine.handlers['report.import']({ text: res.content! });
    if (imported.kind !== 'report') throw new Error('expected a report');
    expect(imported.report.probes![0]!.attempts).toHaveLength(3);
    expect(imported.report.probes![0]!.received).toBe(3);
    expect(imported.report.diagnosis!.port).toBe(server.tcpPort);
    expect(imported.report.diagnosis!.steps.length).toBeGreaterThan(0);
    const md = (await engine.handlers['report.export']({ what: 'listeners', format: 'md', probes: [probe], diagnosis })).content!;
    expect(md).toContain('## Probe attempts (3)');
    expect(md).toContain(`## Diagnosis of port ${server.tcpPort}/tcp`);
    // "Export this scan" from the scan page: no socket tables, only the scan.
    const only = (await engine.handlers['report.export']({
      what: 'none',
      format: 'md',
      scan: { source: 'portscope', target: '127.0.0.1', command: null, scanner: 'portscope', result: scan },
    })).content!;
    expect(only.match(/^## .*$/gm)).toEqual(['## Scan results (1)']);
  });
});
