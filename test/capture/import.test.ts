import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import type { Output } from '../../electron/cli/output';
import { Engine } from '../../electron/engine/service';
import { detectCapture } from '../../electron/engine/capture/detect';
import { decodeCapture, encodeCapture } from '../../electron/engine/platform/windows/decode';
import { SocketRowSchema, type SocketRow } from '../../shared/contract/sockets';
import { ReportImportResponseSchema } from '../../shared/contract/report';
import { CORPUS, corpusBytes, corpusPresent } from './corpus';

const engines: Engine[] = [];
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portscope-capture-import-'));
});
afterAll(() => {
  for (const e of engines) e.dispose();
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

/** Every corpus file except nmap XML (the older importer's, tested with it). */
const captures = corpusPresent
  ? fs
      .readdirSync(CORPUS)
      .filter((d) => d !== 'nmap-xml' && fs.statSync(path.join(CORPUS, d)).isDirectory())
      .flatMap((d) => fs.readdirSync(path.join(CORPUS, d)).map((f) => path.join(d, f)))
      .sort()
  : [];
/** /proc/<pid>/cmdline alone: NUL-separated words with no structure to recognise (stat and status import as one process). */
const isProcPidFile = (rel: string) => /cmdline/.test(rel);

describe.skipIf(!corpusPresent)('portscope import on every capture in the corpus', () => {
  it.each(captures.filter((f) => !isProcPidFile(f)))('%s imports; --json rows have the list --json shape', async (rel) => {
    const file = path.join(CORPUS, rel);
    const res = await run('import', file, '--json');
    expect(res.code, res.stderr).toBe(0);
    const rows = (JSON.parse(res.stdout) as unknown[]).map((r) => SocketRowSchema.strict().parse(r));
    const detected = detectCapture(decodeCapture(corpusBytes(rel)).text, rel)!;
    expect(rows).toHaveLength(detected.parsed.sockets.length);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(res.stderr).toMatch(/^note: read as /);
    const text = await run('import', file);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/capture: /);
  });

  it.each(captures.filter(isProcPidFile))('%s (a bare argv, no recognisable structure) is refused in one line with exit 2', async (rel) => {
    const res = await run('import', path.join(CORPUS, rel));
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/accepted: .*netstat -ano.*ss -tanp/);
  });

  it('a cut-off capture shows what was read and says where it stopped', async () => {
    const whole = decodeCapture(corpusBytes('windows-netstat/de-DE-netstat-ano-utf16le-bom-full.txt')).text;
    const cut = whole.slice(0, whole.indexOf('0.0.0.0:3000') + 30); // ends inside a row
    const file = path.join(dir, 'cut.txt');
    fs.writeFileSync(file, encodeCapture(cut, 'utf-16le', true));
    const res = await run('import', file, '--json');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toHaveLength(4); // 135, 445, 1688, 1947 before the cut
    expect(res.stderr).toMatch(/stopped at line 9: the last row is incomplete/);
  });

  it('the engine call says what the capture was, and a cp850 capture decodes (bytes travel as base64)', async () => {
    const text = decodeCapture(corpusBytes('windows-netstat/de-DE-win11-netstat-ano-qontinui.txt')).text;
    const engine = new Engine({ transport: 'cli' });
    engines.push(engine);
    const res = ReportImportResponseSchema.parse(
      await engine.handlers['report.import']({ text: '', base64: encodeCapture(text, 'cp850').toString('base64'), fileName: 'netstat.txt' }),
    );
    expect(res.kind).toBe('report');
    if (res.kind !== 'report') return;
    expect(res.capture).toMatchObject({ format: 'windows-netstat', encoding: 'cp850', stoppedAt: null });
    expect(res.report.machine.os.platform).toBe('win32');
    expect(res.report.listeners!.find((r) => r.localPort === 445 && r.family === 4)).toMatchObject({ pid: 4, processName: 'System', service: 'microsoft-ds', exposure: 'all' });
    expect(res.diff).toBeNull();
  });
});

describe('import of this machine’s own ss output gives the rows the live engine gives', () => {
  let server: net.Server;
  let port = 0;
  beforeAll(async () => {
    server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('service, exposure, port class and risk notes are identical for the same sockets', async (ctx) => {
    let ss: string;
    try {
      ss = execFileSync('ss', ['-tuanp'], { encoding: 'utf8' });
    } catch (err) {
      console.log(`skipped: ss is not available (${(err as Error).message})`);
      ctx.skip();
      return;
    }
    const file = path.join(dir, 'ss.txt');
    fs.writeFileSync(file, ss);
    const imported = (JSON.parse((await run('import', file, '--json')).stdout) as SocketRow[]).filter((r) => r.state === 'LISTEN' || r.state === 'UNCONN');
    const live = JSON.parse((await run('list', '--json')).stdout) as SocketRow[];
    const ours = imported.find((r) => r.localPort === port && r.protocol === 'tcp');
    expect(ours).toMatchObject({ localAddress: '127.0.0.1', state: 'LISTEN', pid: process.pid, exposure: 'loopback' });
    const key = (r: SocketRow) => `${r.protocol}${r.family}|${r.localAddress}|${r.localPort}`;
    const liveByKey = new Map(live.map((r) => [key(r), r]));
    let compared = 0;
    for (const r of imported) {
      const l = liveByKey.get(key(r));
      if (!l) continue; // a socket opened or closed between the two reads
      compared++;
      const pick = (x: SocketRow) => ({ service: x.service, servicePort: x.servicePort, portClass: x.portClass, exposure: x.exposure, risks: x.risks, state: x.state, scopeId: x.scopeId });
      expect(pick(r), key(r)).toEqual(pick(l));
      expect(Object.keys(r).sort()).toEqual(Object.keys(l).sort());
    }
    expect(compared).toBeGreaterThan(0);
  });
});

describe('import errors', () => {
  it('an unrecognized file gets one line listing the accepted formats, exit 2', async () => {
    const file = path.join(dir, 'notes.txt');
    fs.writeFileSync(file, 'hello, this is not a capture\n');
    const res = await run('import', file);
    expect(res.code).toBe(2);
    expect(res.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/notes\.txt is not in a format Portscope reads \(accepted: a Portscope JSON report, nmap XML/);
  });
});
