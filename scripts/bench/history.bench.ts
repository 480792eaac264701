// History recording at ~10,000 sockets with 40 connection changes a second: what recording costs
// on top of the monitor, how fast one port's history over 30 days of that churn answers, and how
// much the database grows per day. Everything runs on loopback.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SocketDelta } from '../../shared/contract/sockets';
import { queryEvents } from '../../electron/engine/history/query';
import { HistoryRecorder, type RecordedEngine } from '../../electron/engine/history/recorder';
import { usedBytes } from '../../electron/engine/history/retention';
import { HistoryStore } from '../../electron/engine/history/store';
import { Engine } from '../../electron/engine/service';
import { median, printTargets, timeIt } from './lib';

const HELPERS = 4;
const PAIRS_PER_HELPER = 1250; // 4 × (1 listener + 1250 × 2 ends) ≈ 10,004 sockets
const PHASE_MS = 20_000;
const DAY = 86_400_000;

const holdScript = `
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

// 40 connection changes a second: every 250 ms five new connections open and the previous five close.
const churnScript = `
const net = require('net');
const server = net.createServer((s) => { s.on('error', () => {}); }).listen(0, '127.0.0.1', () => {
  const port = server.address().port; let last = [];
  process.stdout.write(port + '\\n');
  setInterval(() => {
    for (const c of last) c.destroy();
    last = Array.from({ length: 5 }, () => { const c = net.connect(port, '127.0.0.1'); c.on('error', () => {}); return c; });
  }, 250);
});`;

function start(script: string): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`helper exited ${code}`)));
    child.stdout!.once('data', (d: Buffer) => resolve({ child, line: d.toString().trim() }));
  });
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  console.log(`opening ~${HELPERS * (1 + 2 * PAIRS_PER_HELPER)} loopback sockets and 40 connection changes/s…`);
  const holders = await Promise.all(Array.from({ length: HELPERS }, () => start(holdScript)));
  const churn = await start(churnScript);
  const churnPort = Number(churn.line);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'portscope-bench-history-'));
  const engine = new Engine({ transport: 'cli', intervalMs: 1000 });
  try {
    // Phase A: the monitor alone (a subscriber keeps it refreshing every second).
    const offA = engine.on('sockets.delta', () => {});
    await engine.monitor.snapshot();
    await sleep(3000);
    const a0 = process.cpuUsage();
    const ta = performance.now();
    await sleep(PHASE_MS);
    const monitorCpu = cpuMs(process.cpuUsage(a0)) / (performance.now() - ta);

    // Phase B: the same, recording. The recorder's own work per tick is timed exactly, through a
    // view of the engine that wraps the delta listener it installs.
    let recorderMs = 0;
    let ticks = 0;
    const timed: RecordedEngine = {
      monitor: engine.monitor,
      on: (name, listener) =>
        engine.on(name, (d: SocketDelta) => {
          const t = performance.now();
          listener(d);
          recorderMs += performance.now() - t;
          ticks++;
        }),
    };
    const recorder = new HistoryRecorder(timed, { dataDir: dir, recorder: 'bench' });
    await recorder.start();
    await sleep(3000);
    recorderMs = 0;
    ticks = 0;
    const store = HistoryStore.open(dir, { create: false });
    const rows0 = Number((store.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n);
    const bytes0 = usedBytes(store.db);
    const b0 = process.cpuUsage();
    const tb = performance.now();
    await sleep(PHASE_MS);
    const wallB = performance.now() - tb;
    const bothCpu = cpuMs(process.cpuUsage(b0)) / wallB;
    const rows1 = Number((store.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n);
    const bytes1 = usedBytes(store.db);
    recorder.stop();
    offA();
    const recordShare = (recorderMs / wallB) * 100;
    const rowsPerDay = ((rows1 - rows0) / wallB) * DAY;
    void bytes0;
    void bytes1;
    console.log(`sockets: ${(await engine.monitor.snapshot()).rows.length}; ticks recorded: ${ticks}; event rows in ${(wallB / 1000).toFixed(0)} s: ${rows1 - rows0}`);
    console.log(`process CPU: monitor alone ${(monitorCpu * 100).toFixed(1)}% of a core, monitor + recording ${(bothCpu * 100).toFixed(1)}% (shared machine: noisy)`);
    console.log(`recorder's own work: ${recordShare.toFixed(2)}% of one core (${(recorderMs / Math.max(1, ticks)).toFixed(2)} ms per tick)`);

    // 30 days of that churn: the minute pattern just recorded, repeated for every minute of 30
    // days (grouped rows, as the recorder writes them), plus a listener on a quiet port opening
    // and closing every hour.
    const now = Date.now();
    const sample = store.db.prepare('SELECT * FROM events WHERE at >= ? ORDER BY at').all(now - wallB - 60_000) as Array<Record<string, unknown>>;
    // The churn's own rows (its process, or its listener's port): other programs on this shared
    // machine churn too, and their rows are counted in the growth line above, not repeated here.
    const mine = (r: Record<string, unknown>) => r.pid === churn.child.pid || Number(r.local_port) === churnPort || Number(r.remote_port) === churnPort;
    const minuteRows = sample.filter((r) => mine(r) && Number(r.at) >= now - 120_000 && Number(r.at) < now - 60_000);
    const perMinute = minuteRows.length || Math.max(1, Math.round((rows1 - rows0) / (wallB / 60_000)));
    store.close();
    const synthDir = mkdtempSync(path.join(os.tmpdir(), 'portscope-bench-history30-'));
    const synth = HistoryStore.open(synthDir, { create: true });
    synth.tryAcquireWriter('bench');
    const template = (minuteRows.length ? minuteRows : sample.filter(mine).slice(0, perMinute)).map((r): Record<string, unknown> & { offset: number } => ({ ...r, offset: Number(r.at) % 60_000 }));
    const insert = synth.db.prepare(
      `INSERT INTO events (at, last_at, count, kind, listener, protocol, family, local_address, local_port, remote_address, remote_port, state, exposure,
         pid, process_name, exe, user, start_time, owner_status, note, socket_key, session) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    );
    const QUIET = 8088;
    const synthStart = performance.now();
    const minutes = (30 * DAY) / 60_000;
    for (let m0 = 0; m0 < minutes; m0 += 1440) {
      synth.transaction(() => {
        for (let m = m0; m < Math.min(minutes, m0 + 1440); m++) {
          const base = now - 30 * DAY + m * 60_000;
          for (const r of template) {
            insert.run(base + r.offset, base + r.offset + 59_000, Number(r.count), String(r.kind), Number(r.listener), String(r.protocol), Number(r.family), String(r.local_address), Number(r.local_port),
              String(r.remote_address), Number(r.remote_port), String(r.state), String(r.exposure), r.pid as number | null, r.process_name as string | null, r.exe as string | null, r.user as string | null, r.start_time as string | null, String(r.owner_status), null, String(r.socket_key));
          }
          if (m % 60 === 0 || m % 60 === 30) {
            insert.run(base, base, 1, m % 60 === 0 ? 'opened' : 'closed', 1, 'tcp', 4, '0.0.0.0', QUIET, '0.0.0.0', 0, 'LISTEN', 'all', 4242, 'web', '/usr/bin/web', 'www', null, 'known', null, `quiet-${Math.floor(m / 60)}`);
          }
        }
      });
    }
    synth.db.exec('ANALYZE');
    const total = Number((synth.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n);
    const synthBytes = usedBytes(synth.db);
    console.log(`synthesised 30 days: ${total} event rows (${template.length} per minute + the quiet listener) in ${((performance.now() - synthStart) / 1000).toFixed(1)} s, ${(usedBytes(synth.db) / 1e6).toFixed(1)} MB`);
    const since = new Date(now - 30 * DAY).toISOString();
    let quietCount = 0;
    let churnCount = 0;
    const quiet: number[] = [];
    const busy: number[] = [];
    for (let i = 0; i < 7; i++) {
      quiet.push(await timeIt(() => (quietCount = queryEvents(synth.db, { since, port: QUIET }).events.length)));
      busy.push(await timeIt(() => (churnCount = queryEvents(synth.db, { since, port: churnPort }).events.length)));
    }
    console.log(`query --port ${QUIET} --since 30d (a listener every hour): ${quietCount} events, median ${median(quiet).toFixed(1)} ms`);
    console.log(`query --port ${churnPort} --since 30d (the churn's own port; newest 10,000 of its grouped rows): ${churnCount} events, median ${median(busy).toFixed(1)} ms`);
    synth.close();
    rmSync(synthDir, { recursive: true, force: true });

    // Growth from the 30 synthesised days (rows, indexes and all), not from 20 s of pages.
    const bytesPerRow = synthBytes / Math.max(1, total);
    const bytesPerDay = synthBytes / 30;
    const distinctPerDay = 40 * 86_400 * bytesPerRow;
    console.log(`\nDB growth per day, the churn alone (grouped): ${(bytesPerDay / 1e6).toFixed(2)} MB/day (${(synthBytes / 1e6).toFixed(0)} MB for 30 days, ${bytesPerRow.toFixed(0)} bytes a row)`);
    console.log(`DB growth per day, this whole shared machine during the run: ${(rowsPerDay / 1000).toFixed(1)}k rows, ~${((rowsPerDay * bytesPerRow) / 1e6).toFixed(1)} MB/day`);
    console.log(`worst case, every connection to a different endpoint (no grouping possible): ~${(distinctPerDay / 1e6).toFixed(0)} MB/day; the 500 MB cap then compacts the oldest days into hourly summaries`);
    console.log(`database file: ${(statSync(path.join(dir, 'history.sqlite')).size / 1e6).toFixed(2)} MB after the run`);

    const ok = printTargets([
      { label: "recording's own CPU, % of one core", value: recordShare, limit: 5, kind: 'max', unit: '%' },
      { label: 'one port over 30 days of churn (quiet port), ms', value: median(quiet), limit: 200, kind: 'max', unit: ' ms' },
      { label: "one port over 30 days of churn (churn's port), ms", value: median(busy), limit: 200, kind: 'max', unit: ' ms' },
    ]);
    process.exitCode = ok ? 0 : 1;
  } finally {
    engine.dispose();
    for (const h of [...holders, churn]) h.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
