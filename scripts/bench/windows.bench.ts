// The Windows engine under Wine at ~10,000 loopback sockets: the Windows adapter's snapshot with
// owners (in process, cold and warm) and `portscope list --all --json` as a whole Windows Node
// process, against Wine's own `netstat -an` in the same run. Wine's iphlpapi answers from this
// machine's kernel, so all of them read the same sockets.
import { spawn, type ChildProcess } from 'node:child_process';
import { build } from 'esbuild';
import { openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
// @ts-expect-error plain JS helper shared with the Wine suite and .ci/run
import { cacheDir, prepareWindowsNode, runWindowsNode, WINE, wineEnv } from '../wine/windows-node.mjs';
import { median, printTargets } from './lib';

const HELPERS = 4;
const PAIRS_PER_HELPER = 1250; // 4 × (1 listener + 1250 × 2 ends) ≈ 10,004 sockets
const RUNS = 5;

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

/** Wine's netstat.exe as a whole process, its output to a file (Wine programs and pipes: see windows-node.mjs). */
function wineNetstat(): Promise<{ ms: number; lines: number }> {
  const file = path.join(cacheDir, `netstat-${process.pid}.txt`);
  const fd = openSync(file, 'w');
  const started = performance.now();
  const child = spawn(WINE, ['netstat', '-an'], { env: wineEnv(), stdio: ['ignore', fd, 'ignore'] });
  closeSync(fd);
  return new Promise((resolve) =>
    child.on('exit', () => {
      const ms = performance.now() - started;
      const lines = readFileSync(file, 'utf8').split('\n').filter((l) => /^\s*(TCP|UDP)\s/.test(l)).length;
      rmSync(file, { force: true });
      resolve({ ms, lines });
    }),
  );
}

async function main(): Promise<void> {
  const notReady = prepareWindowsNode();
  if (notReady) {
    console.log(`windows bench skipped: ${notReady}`);
    return;
  }
  const driver = path.join(cacheDir, 'driver.mjs');
  await build({
    entryPoints: ['test/windows/driver.ts'],
    outfile: driver,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  console.log(`opening ~${HELPERS * (1 + 2 * PAIRS_PER_HELPER)} loopback sockets in ${HELPERS} helper processes…`);
  const helpers = await startHelpers();
  try {
    const cli: number[] = [];
    const netstat: number[] = [];
    const bare: number[] = [];
    const inProcess: { cold: number[]; warm: number[]; count: number } = { cold: [], warm: [], count: 0 };
    let netstatLines = 0;
    for (let i = 0; i < RUNS; i++) {
      // Interleaved, so machine noise spreads over all of them alike.
      const n = await wineNetstat();
      netstat.push(n.ms);
      netstatLines = n.lines;
      bare.push((await runWindowsNode(['-e', '0'])).ms);
      const list = await runWindowsNode(['bin/portscope.js', 'list', '--all', '--json']);
      if (list.code !== 0) throw new Error(`portscope list failed under Wine: ${list.stderr}`);
      cli.push(list.ms);
      if (i === 0) {
        const out = path.join(cacheDir, `bench-${process.pid}.json`);
        const r = await runWindowsNode([path.relative(process.cwd(), driver), path.relative(process.cwd(), out), `bench:${RUNS}`]);
        if (r.code !== 0) throw new Error(`driver failed: ${r.stderr}`);
        Object.assign(inProcess, JSON.parse(readFileSync(out, 'utf8')));
        rmSync(out, { force: true });
      }
    }
    const m = { cold: median(inProcess.cold), warm: median(inProcess.warm), cli: median(cli), netstat: median(netstat), bare: median(bare) };
    console.log(`sockets: Windows engine ${inProcess.count}, Wine netstat -an ${netstatLines} TCP/UDP lines`);
    console.log(`\nmedian wall time (${RUNS} runs each)`);
    for (const [name, v] of Object.entries({
      'Windows snapshot with owners, cold (in process)': m.cold,
      'Windows snapshot with owners, warm refresh (in process)': m.warm,
      'portscope list --all --json under Wine (whole process)': m.cli,
      'Wine netstat -an (whole process)': m.netstat,
      'Windows Node `node -e 0` under Wine (start-up alone)': m.bare,
    })) {
      console.log(`  ${name.padEnd(58)} ${v.toFixed(1).padStart(8)} ms   ${(v / m.netstat).toFixed(2)}× netstat`);
    }
    const ok = printTargets([
      { label: 'cold snapshot / Wine netstat -an', value: m.cold / m.netstat, limit: 1.0, kind: 'max', unit: '×' },
      { label: 'warm refresh / Wine netstat -an', value: m.warm / m.netstat, limit: 1.0, kind: 'max', unit: '×' },
      { label: 'portscope list (whole) / Wine netstat -an', value: m.cli / m.netstat, limit: 1.0, kind: 'max', unit: '×' },
    ]);
    // A CPU profile of the whole process (node --cpu-prof under Wine) shows where the rest goes:
    // Windows Node's own start-up (measured above), and the module loader's lstat/stat calls
    // through Wine's file system emulation (1.8 s of a 6.2 s profile of `list --all --json` on a
    // busy machine).
    console.log(`\nwhole-process figures include Windows Node's own start-up under Wine (${m.bare.toFixed(0)} ms in this run).`);
    console.log(ok ? '\nall Windows targets met' : '\nsome Windows targets missed (see above)');
  } finally {
    for (const h of helpers) h.kill('SIGKILL');
  }
}

await main();
