// Socket enumeration at ~10,000 loopback sockets: ours (cold with owners, warm refresh with traffic
// counters, the CLI as a whole process) against `ss -tuanp`, `ss -tuanpi` (with tcp_info, as our
// counters), `netstat -tunap` and systeminformation, in one run. The previous reader (per-family
// dumps without tcp_info, every record decoded in JS) runs alongside as the before-figure.
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { createLinuxAdapter } from '../../electron/engine/platform/linux/adapter';
import { loadSockDiag } from '../../electron/engine/platform/linux/sockDiag';
import { SocketSnapshotter } from '../../electron/engine/sockets/snapshotter';
import { runCommand } from '../../electron/engine/system/runner';
import { median, printTargets, timeIt } from './lib';
import { startSocketHelpers } from './loopbackSockets';

const HELPERS = 4;
const PAIRS_PER_HELPER = 1250; // 4 × (1 listener + 1250 × 2 ends) ≈ 10,004 sockets
const RUNS = 9;

const startHelpers = () => startSocketHelpers(HELPERS, PAIRS_PER_HELPER);

function wholeProcess(cmd: string, args: string[]): number {
  const start = performance.now();
  const r = spawnSync(cmd, args, { maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${cmd} exited ${r.status}`);
  return ms;
}

function has(cmd: string): boolean {
  return spawnSync(cmd, ['--version'], { stdio: 'ignore' }).error === undefined;
}

async function main(): Promise<void> {
  console.log(`opening ~${HELPERS * (1 + 2 * PAIRS_PER_HELPER)} loopback sockets in ${HELPERS} helper processes…`);
  const helpers = await startHelpers();
  try {
    const adapter = () => createLinuxAdapter({ run: runCommand });
    const addon = loadSockDiag();
    // The same addon without the diffing scan: the dump path this reader replaced.
    const previousReader = () => createLinuxAdapter({ run: runCommand, native: addon ? { ...addon, openTable: undefined, scan: undefined } : null });
    const count = (await new SocketSnapshotter(adapter()).take()).rows.length;
    const ssCount = spawnSync('ss', ['-Htuan'], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout.split('\n').filter(Boolean).length;
    console.log(`sockets on the machine: portscope ${count}, ss ${ssCount}`);

    const cold: number[] = [];
    const warm: number[] = [];
    const warmBefore: number[] = [];
    const ss: number[] = [];
    const ssi: number[] = [];
    const netstat: number[] = [];
    const cli: number[] = [];
    const si: number[] = [];
    const warmSnap = new SocketSnapshotter(adapter());
    await warmSnap.take();
    const beforeSnap = new SocketSnapshotter(previousReader());
    await beforeSnap.take();
    const counted = (await warmSnap.take()).rows.filter((r) => r.bytesSent !== null).length;
    console.log(`rows with traffic counters: ${counted}`);
    const haveNetstat = has('netstat');
    const systeminformation = await import('systeminformation');
    // Interleave the tools so that machine noise spreads over all of them alike.
    for (let i = 0; i < RUNS; i++) {
      cold.push(await timeIt(() => new SocketSnapshotter(adapter()).take()));
      // Steady state with a few changes: one listener opens between refreshes.
      const s = net.createServer().listen(0, '127.0.0.1');
      await new Promise((r) => s.once('listening', r));
      warm.push(await timeIt(() => warmSnap.take()));
      warmBefore.push(await timeIt(() => beforeSnap.take()));
      s.close();
      ss.push(wholeProcess('ss', ['-tuanp']));
      ssi.push(wholeProcess('ss', ['-tuanpi']));
      if (haveNetstat) netstat.push(wholeProcess('netstat', ['-tunap']));
      cli.push(wholeProcess(process.execPath, ['bin/portscope.js', 'list', '--all', '--json']));
      if (i < 3) si.push(await timeIt(() => systeminformation.networkConnections()));
    }
    const rss = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, 'bin/portscope.js', 'list', '--all', '--json'], {
      encoding: 'utf8',
      maxBuffer: 256 << 20,
    });
    const rssMb = Number(rss.stderr.trim().split('\n').pop()) / 1024;

    const m = { cold: median(cold), warm: median(warm), warmBefore: median(warmBefore), ss: median(ss), ssi: median(ssi), netstat: netstat.length ? median(netstat) : NaN, cli: median(cli), si: median(si) };
    console.log('\nmedian wall time over', RUNS, 'runs (systeminformation: 3)');
    for (const [name, v] of Object.entries({
      'portscope cold snapshot with owners (in process)': m.cold,
      'portscope warm refresh with traffic counters': m.warm,
      'portscope warm refresh, previous reader (no counters)': m.warmBefore,
      'portscope list --all --json (whole process)': m.cli,
      'ss -tuanp (whole process)': m.ss,
      'ss -tuanpi (whole process, with tcp_info)': m.ssi,
      'netstat -tunap (whole process)': m.netstat,
      'systeminformation.networkConnections()': m.si,
    })) {
      console.log(`  ${name.padEnd(54)} ${v.toFixed(1).padStart(8)} ms   ${(v / m.ss).toFixed(3)}× ss -tuanp   ${(v / m.ssi).toFixed(3)}× ss -tuanpi`);
    }
    console.log(`  portscope CLI peak resident memory: ${rssMb.toFixed(1)} MB`);
    const ok = printTargets([
      { label: 'cold snapshot / ss -tuanp', value: m.cold / m.ss, limit: 1.0, kind: 'max', unit: '×' },
      { label: 'warm refresh with traffic counters / ss -tuanp', value: m.warm / m.ss, limit: 0.2, kind: 'max', unit: '×' },
      { label: 'warm refresh with counters / previous reader', value: m.warm / m.warmBefore, limit: 1, kind: 'max', unit: '×' },
      { label: 'systeminformation / cold snapshot (speed-up)', value: m.si / m.cold, limit: 3, kind: 'min', unit: '×' },
      { label: 'portscope list --all --json / ss -tuanp', value: m.cli / m.ss, limit: 1.5, kind: 'max', unit: '×' },
      { label: 'CLI resident memory', value: rssMb, limit: 150, kind: 'max', unit: ' MB' },
    ]);
    console.log(ok ? '\nall socket targets met' : '\nsome socket targets missed (see above)');
  } finally {
    for (const h of helpers) h.kill('SIGKILL');
  }
}

await main();
