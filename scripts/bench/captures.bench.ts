// Parsing other machines' captures at 10,000 rows: a Windows `netstat -ano` and a macOS
// `netstat -anv`, built by repeating real rows of the shared corpus with varied ports, against
// `ss -tuanp` listing the same number of sockets here (opened on loopback by this bench, closed
// after). Target: reading a capture is no slower than the OS's own tool printing the table.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { decodeCapture, encodeCapture } from '../../electron/engine/platform/windows/decode';
import { parseWindowsNetstat } from '../../electron/engine/platform/windows/netstat';
import { parseDarwinNetstat } from '../../electron/engine/platform/darwin/netstat';
import { detectCapture } from '../../electron/engine/capture/detect';
import { captureView } from '../../electron/engine/capture/toReport';
import { median, printTargets, timeIt } from './lib';

const ROWS = 10_000;
const RUNS = 9;
const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');

/** Repeats a capture's real rows (matched by `row`) until there are `n`, each copy with another local port. */
function grow(text: string, row: RegExp, port: RegExp, n: number): string {
  const lines = text.split(/\r?\n/);
  const firstRow = lines.findIndex((l) => row.test(l));
  const head = lines.slice(0, firstRow);
  const rows = lines.filter((l) => row.test(l));
  const out: string[] = [...head];
  for (let i = 0; i < n; i++) {
    const src = rows[i % rows.length]!;
    out.push(src.replace(port, (_m, pre: string) => `${pre}${1024 + (i % 64000)}`));
  }
  return `${out.join('\r\n')}\r\n`;
}

const PAIRS_PER_HELPER = 1250;
const HELPERS = 4; // 4 × (1 listener + 2 × 1250 ends) ≈ 10,004 sockets, as in sockets.bench.ts
const helperScript = `
const net = require('net');
const server = net.createServer((s) => { s.on('error', () => {}); }).listen(0, '127.0.0.1', async () => {
  const port = server.address().port; const keep = [];
  for (let i = 0; i < ${PAIRS_PER_HELPER}; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, ${PAIRS_PER_HELPER} - i) }, () => new Promise((ok, fail) => {
      const c = net.connect(port, '127.0.0.1', () => ok()); c.on('error', fail); keep.push(c); })));
  }
  process.stdout.write('ready\\n');
});
setInterval(() => {}, 1 << 30);`;

function startHelpers(): Promise<ChildProcess[]> {
  return Promise.all(
    Array.from({ length: HELPERS }, () => {
      const child = spawn(process.execPath, ['-e', helperScript], { stdio: ['ignore', 'pipe', 'inherit'] });
      return new Promise<ChildProcess>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`helper exited ${code}`)));
        child.stdout!.once('data', () => resolve(child));
      });
    }),
  );
}

function wholeProcess(cmd: string, args: string[]): number {
  const start = performance.now();
  const r = spawnSync(cmd, args, { maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  if (r.status !== 0) throw new Error(`${cmd} exited ${r.status}`);
  return performance.now() - start;
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(CORPUS, 'PROVENANCE.md'))) {
    console.log(`captures bench skipped: the capture corpus is not at ${CORPUS}`);
    return;
  }
  const read = (rel: string) => decodeCapture(fs.readFileSync(path.join(CORPUS, rel))).text;
  const windows = grow(read('windows-netstat/de-DE-netstat-ano-utf16le-bom-full.txt'), /^\s+(TCP|UDP)\s/, /^(\s+(?:TCP|UDP)\s+\S*?:)\d+/, ROWS);
  const windowsUtf16 = encodeCapture(windows, 'utf-16le', true);
  const mac = grow(read('macos-netstat/macos26-netstat-anv-ptcp-process-pid.txt'), /^(tcp|udp)(4|6|46)\s/, /^(\S+\s+\d+\s+\d+\s+\S*?\.)\d+/, ROWS);
  const macOld = grow(read('macos-netstat/netstat-anv-pid-epid-find-process-doc.txt'), /^(tcp|udp)(4|6|46)\s/, /^(\S+\s+\d+\s+\d+\s+\S*?\.)\d+/, ROWS);
  const check = [parseWindowsNetstat(windows).sockets.length, parseDarwinNetstat(mac).sockets.length, parseDarwinNetstat(macOld).sockets.length];
  console.log(`rows parsed: Windows netstat -ano ${check[0]}, macOS 26 netstat -anv ${check[1]}, macOS 10.14–14 netstat -anv ${check[2]} (of ${ROWS} each)`);
  if (check.some((n) => n !== ROWS)) throw new Error('a built capture did not parse to every row');

  console.log(`opening ~${HELPERS * (1 + 2 * PAIRS_PER_HELPER)} loopback sockets for ss…`);
  const helpers = await startHelpers();
  try {
    const ssRows = spawnSync('ss', ['-Htuan'], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout.split('\n').filter(Boolean).length;
    console.log(`sockets here: ${ssRows}`);
    const t = { win: [] as number[], winBytes: [] as number[], winView: [] as number[], mac: [] as number[], macOld: [] as number[], ss: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      t.win.push(await timeIt(() => parseWindowsNetstat(windows)));
      t.winBytes.push(await timeIt(() => parseWindowsNetstat(decodeCapture(windowsUtf16).text)));
      t.winView.push(await timeIt(() => captureView(detectCapture(decodeCapture(windowsUtf16).text)!, { fileName: 'bench.txt' })));
      t.mac.push(await timeIt(() => parseDarwinNetstat(mac)));
      t.macOld.push(await timeIt(() => parseDarwinNetstat(macOld)));
      t.ss.push(wholeProcess('ss', ['-tuanp']));
    }
    const m = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, median(v)])) as Record<keyof typeof t, number>;
    console.log(`\nmedian wall time over ${RUNS} runs, ${ROWS} rows each`);
    for (const [name, v] of [
      ['parse Windows netstat -ano (text)', m.win],
      ['decode UTF-16 + parse Windows netstat -ano', m.winBytes],
      ['UTF-16 bytes to report rows (detect, parse, snapshotter)', m.winView],
      ['parse macOS 26 netstat -anv (process:pid)', m.mac],
      ['parse macOS 10.14–14 netstat -anv (pid/epid)', m.macOld],
      ['ss -tuanp here (whole process)', m.ss],
    ] as const) {
      console.log(`  ${name.padEnd(58)} ${v.toFixed(1).padStart(8)} ms   ${(v / m.ss).toFixed(2)}× ss`);
    }
    const ok = printTargets([
      { label: 'parse netstat -ano / ss -tuanp', value: m.win / m.ss, limit: 1, kind: 'max', unit: '×' },
      { label: 'decode UTF-16 + parse netstat -ano / ss -tuanp', value: m.winBytes / m.ss, limit: 1, kind: 'max', unit: '×' },
      { label: 'parse macOS netstat -anv (26) / ss -tuanp', value: m.mac / m.ss, limit: 1, kind: 'max', unit: '×' },
      { label: 'parse macOS netstat -anv (14) / ss -tuanp', value: m.macOld / m.ss, limit: 1, kind: 'max', unit: '×' },
    ]);
    console.log(ok ? '\nall capture targets met' : '\nsome capture targets missed (see above)');
  } finally {
    for (const h of helpers) h.kill('SIGKILL');
  }
}

await main();
