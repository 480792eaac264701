import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import type { Output } from '../../electron/cli/output';
import { ReportSchema } from '../../shared/contract/report';
import { csvField } from '../../electron/engine/report/csv';
import { escapeHtml } from '../../electron/engine/report/escape';
import { escapeMarkdown } from '../../electron/engine/report/markdown';
import { Engine } from '../../electron/engine/service';
import { HOSTILE_NAME, startHostileServer, type HostileServer } from './support/hostile';
import { parseCsv } from './support/csv';
import { runNmap } from './support/nmap';

let server: HostileServer;
let dir: string;
const engines: Engine[] = [];

beforeAll(async () => {
  server = await startHostileServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portscope-cli-report-'));
});
afterAll(async () => {
  for (const e of engines) e.dispose();
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out: Output = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false, columns: 200 };
  const code = await main(argv, out, () => {
    const engine = new Engine({ transport: 'cli' });
    engines.push(engine);
    return engine;
  });
  return { code, stdout, stderr };
}

describe('portscope report', () => {
  it('writes each format, taken from the extension, and says where', async () => {
    for (const ext of ['json', 'csv', 'html', 'md']) {
      const file = path.join(dir, `r.${ext}`);
      const res = await run('report', '--output', file);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toMatch(new RegExp(`^Wrote the listeners (report|table) \\(${ext.toUpperCase()}, .*\\) to ${file.replace(/[.]/g, '\\.')}\\n$`));
      const expected = { json: JSON.stringify(HOSTILE_NAME), csv: csvField(`'${HOSTILE_NAME}`), html: escapeHtml(HOSTILE_NAME), md: escapeMarkdown(HOSTILE_NAME) }[ext];
      expect(fs.readFileSync(file, 'utf8')).toContain(expected);
    }
    const report = ReportSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'r.json'), 'utf8')));
    expect(report.listeners!.some((r) => r.localPort === server.tcpPort)).toBe(true);
    expect(report.connections).toBeNull();
  });

  it('prints to standard output with -o - (CSV without a byte-order mark) and picks tables', async () => {
    const csv = await run('report', '--what', 'all', '--format', 'csv', '--table', 'connections');
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('protocol,local_address,local_port,remote_address')).toBe(true);
    expect(() => parseCsv(csv.stdout)).not.toThrow();
    const all = await run('report', '--what', 'all', '-f', 'csv');
    expect(all.stderr).toContain('note: a CSV file holds one table; wrote listeners');
    const md = await run('report', '-w', 'connections', '-f', 'md');
    expect(md.stdout).toContain('## Connections (');
    expect(md.stdout).not.toContain('## Listening ports');
  });

  it('--table connections implies --what connections (and CSV), unless --what says otherwise', async () => {
    const client = net.connect(server.tcpPort, '127.0.0.1');
    await new Promise((resolve) => client.once('connect', resolve));
    const csv = await run('report', '--table', 'connections');
    client.destroy();
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.startsWith('protocol,local_address,local_port,remote_address')).toBe(true);
    const rows = parseCsv(csv.stdout);
    expect(rows.slice(1).some((r) => Number(r[2]) === server.tcpPort && r[5] === 'ESTABLISHED')).toBe(true);
    const file = path.join(dir, 'connections.csv');
    expect((await run('report', '--table', 'connections', '-o', file)).stdout).toMatch(/^Wrote the connections table \(CSV/);
    const contradiction = await run('report', '--what', 'listeners', '--table', 'connections');
    expect(contradiction.code).toBe(2);
    expect(contradiction.stderr).toMatch(/^portscope: this report has no connections table; it has: listeners, processes\n$/);
  });

  it('fails in one clear line for unknown formats, contradictions and unwritable paths', async () => {
    const cases: Array<[string[], number, RegExp]> = [
      [['report', '-o', path.join(dir, 'r.xlsx')], 2, /^portscope: unknown report format '\.xlsx': name the file \.json, \.csv, \.html or \.md, or pass --format\n$/],
      [['report', '-f', 'pdf'], 2, /^portscope: unknown report format 'pdf': use one of json, csv, html, md\n$/],
      [['report', '-f', 'html', '-o', path.join(dir, 'x.csv')], 2, /^portscope: --format html does not match the file name x\.csv/],
      [['report'], 2, /^portscope: say which format to write with --format/],
      [['report', '-f', 'md', '--table', 'processes'], 2, /--table applies to CSV only/],
      [['report', '-w', 'everything', '-f', 'md'], 2, /argument 'everything' is invalid/],
      [['report', '-o', path.join(dir, 'nope', 'r.html')], 2, /^portscope: cannot write .*r\.html: the folder .*nope does not exist\n$/],
      [['report', '-o', '/sys/r.html'], 3, /^portscope: cannot write \/sys\/r\.html: permission denied\n$/],
    ];
    for (const [argv, code, message] of cases) {
      const res = await run(...argv);
      expect(res.code, argv.join(' ')).toBe(code);
      expect(res.stderr, argv.join(' ')).toMatch(message);
      expect(res.stdout).toBe('');
    }
  });
});

describe('portscope report --schema', () => {
  it('prints the JSON report format as an open JSON Schema, generated from the code', async () => {
    const res = await run('report', '--schema');
    expect(res.code).toBe(0);
    const schema = JSON.parse(res.stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('Portscope report, version 1');
    expect(schema.properties.schema).toMatchObject({ const: 'portscope.report' });
    expect(schema.properties.version).toMatchObject({ const: 1 });
    expect(schema.required).toEqual(expect.arrayContaining(['schema', 'version', 'machine', 'listeners', 'connections', 'scan', 'probes', 'diagnosis']));
    expect(res.stdout).not.toContain('"additionalProperties": false');
  });
});

describe('portscope import', () => {
  it('shows a saved report with what changed since, as text or JSON', async () => {
    const file = path.join(dir, 'saved.json');
    expect((await run('report', '-o', file)).code).toBe(0);
    const extra = await server.listen();
    const res = await run('import', file);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('Listening ports (');
    expect(res.stdout).toMatch(new RegExp(`\\+ tcp 127\\.0\\.0\\.1:${extra} =1\\|<b>"\`x'&y \\(new\\)`));
    const json = JSON.parse((await run('import', file, '--json')).stdout);
    expect(json.kind).toBe('report');
    expect(json.diff.added.map((r: { localPort: number }) => r.localPort)).toContain(extra);
    const noDiff = JSON.parse((await run('import', file, '--json', '--no-diff')).stdout);
    expect(noDiff.diff).toBeNull();
    const elsewhere = path.join(dir, 'elsewhere.json');
    fs.writeFileSync(elsewhere, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), machine: { ...JSON.parse(fs.readFileSync(file, 'utf8')).machine, hostname: 'other\x1b[31mhost' } }));
    const other = await run('import', elsewhere);
    expect(other.stdout).toContain(`note: the report is from other\\x1b[31mhost, this machine is ${os.hostname()}`);
    await server.close(extra);
  });

  it('shows a real nmap XML file as a table', async (ctx) => {
    const scan = await runNmap(['-sT', '-Pn', '-n', '-p', String(server.tcpPort), '-oX', '-', '127.0.0.1']);
    if ('skip' in scan) {
      console.log(`skipped: ${scan.skip}`);
      ctx.skip();
      return;
    }
    const file = path.join(dir, 'scan.xml');
    fs.writeFileSync(file, scan.xml);
    const res = await run('import', file);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^nmap \d+\.\d+ scan: nmap -sT/);
    expect(res.stdout).toMatch(new RegExp(`127\\.0\\.0\\.1\\s+${server.tcpPort}\\s+tcp\\s+open\\s+syn-ack`));
  });

  it('says why a file cannot be imported', async () => {
    expect(await run('import', path.join(dir, 'missing.json'))).toMatchObject({ code: 2, stderr: expect.stringMatching(/cannot import .*missing\.json: no such file/) });
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"schema":"other"}');
    expect(await run('import', path.join(dir, 'bad.json'))).toMatchObject({ code: 2, stderr: expect.stringMatching(/bad\.json is JSON but not a Portscope report/) });
    expect(await run('import', dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/it is a folder/) });
  });
});
