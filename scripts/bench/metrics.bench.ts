// The agent's Prometheus scrape at ~10,000 sockets: CPU per scrape, body size, resident memory.
// Targets (issue 14): ≤ 50 ms of agent CPU per scrape, body < 1 MB with default labels, RSS < 120 MB.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Engine } from '../../electron/engine/service';
import { PortscopeMetrics } from '../../electron/engine/metrics/registry';
import { median, printTargets } from './lib';
import { startSocketHelpers } from './loopbackSockets';

const SCRAPES = 20;

function cpuMsOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, USER_HZ = 100
}

function memoryMb(pid: number): { rss: number; hwm: number; anon: number; file: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024, anon: kb('RssAnon') / 1024, file: kb('RssFile') / 1024 };
}

async function main(): Promise<void> {
  console.log('opening ~10,000 loopback sockets in 4 helper processes…');
  const helpers = await startSocketHelpers(4, 1250);
  try {
    // In process: each scrape sees a new refresh, so the series are built from the table every time.
    const engine = new Engine({ transport: 'cli' });
    const snap = await engine.monitor.snapshot();
    let seq = snap.seq;
    const metrics = new PortscopeMetrics({ snapshot: async () => ({ ...snap, seq: ++seq }) }, { version: 'bench', platform: process.platform });
    await metrics.text();
    const cpu: number[] = [];
    let body = '';
    for (let i = 0; i < SCRAPES; i++) {
      const before = process.cpuUsage();
      body = await metrics.text();
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
    }
    engine.dispose();
    console.log(`sockets in the table: ${snap.rows.length}`);

    // The real agent as a whole process, scraped over HTTP like Prometheus does.
    // As the shipped systemd unit runs it (assets/portscope-agent.service sets this NODE_OPTIONS).
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portscope-bench-agent-'));
    const agent = spawn(process.execPath, ['bin/portscope.js', 'agent', '--data-dir', dataDir, '--metrics', '127.0.0.1:0', '--interval', '2s'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '--max-semi-space-size=1' },
    });
    const url = await new Promise<string>((resolve, reject) => {
      let err = '';
      agent.stderr!.on('data', (d: Buffer) => {
        err += d.toString();
        const m = /metrics at (\S+)/.exec(err);
        if (m && /running/.test(err)) resolve(m[1]!);
      });
      agent.once('exit', (code) => reject(new Error(`agent exited ${code}: ${err}`)));
    });
    const pid = agent.pid!;
    const wholeCpu: number[] = [];
    let httpBytes = 0;
    try {
      for (let i = 0; i < 10; i++) {
        // Each scrape after a refresh (2 s interval), as with Prometheus' usual 15 s.
        await new Promise((r) => setTimeout(r, 2200));
        const before = cpuMsOf(pid);
        const text = await (await fetch(url)).text();
        await new Promise((r) => setTimeout(r, 50));
        wholeCpu.push(cpuMsOf(pid) - before);
        httpBytes = Buffer.byteLength(text);
      }
    } finally {
      var mem = memoryMb(pid); // eslint-disable-line no-var
      agent.kill('SIGTERM');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    const m = { cpu: median(cpu), whole: median(wholeCpu) };
    console.log(`\nscrape, built from a fresh table each time (in process, median of ${SCRAPES}): ${m.cpu.toFixed(1)} ms CPU`);
    console.log(`scrape of the running agent over HTTP (whole process, median of 10, 10 ms clock ticks): ${m.whole.toFixed(0)} ms CPU`);
    console.log(`scrape body: ${(Buffer.byteLength(body) / 1024).toFixed(1)} KiB in process, ${(httpBytes / 1024).toFixed(1)} KiB over HTTP`);
    console.log(`agent resident memory: ${mem.rss.toFixed(1)} MB now, ${mem.hwm.toFixed(1)} MB peak (anonymous ${mem.anon.toFixed(1)} MB, files such as the node binary ${mem.file.toFixed(1)} MB)`);
    const ok = printTargets([
      { label: 'agent CPU per scrape (fresh table)', value: m.cpu, limit: 50, kind: 'max', unit: ' ms' },
      { label: 'scrape body with default labels', value: httpBytes / 1e6, limit: 1, kind: 'max', unit: ' MB' },
      { label: 'agent peak resident memory', value: mem.hwm, limit: 120, kind: 'max', unit: ' MB' },
    ]);
    console.log(ok ? '\nall metrics targets met' : '\nsome metrics targets missed (see above)');
  } finally {
    for (const h of helpers) h.kill('SIGKILL');
  }
}

await main();
