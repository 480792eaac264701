// The dashboard under load: ~10,000 live loopback sockets with churn every second, the real host
// (`portscope serve`) and Debian's Chromium. Measures, in one run:
//   - time from navigation to the first table row on screen,
//   - frame times (p50/p95/p99) while the connections table scrolls and deltas arrive,
//   - the renderer's JS heap after a GC,
//   - WebSocket bytes per tick against the size of a full snapshot (traffic follows changes).
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import { printTargets } from './lib';

const HELPERS = 4;
const PAIRS_PER_HELPER = 1250; // 4 × (1 listener + 2 × 1250) ≈ 10,004 sockets
const CHURN_PER_SECOND = 10; // per helper: connections reset and reopened every second
const SCROLL_SECONDS = 10;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Each helper holds PAIRS loopback connections to its own listener and, every second, resets a
// few (RST, so no TIME_WAIT pile-up) and opens as many new ones: added and removed rows per tick.
const helperScript = `
const net = require('net');
const server = net.createServer((s) => { s.on('error', () => {}); }).listen(0, '127.0.0.1', async () => {
  const port = server.address().port; const keep = [];
  const open = () => new Promise((ok, fail) => { const c = net.connect(port, '127.0.0.1', () => ok(c)); c.on('error', fail); });
  for (let i = 0; i < ${PAIRS_PER_HELPER}; i += 50) keep.push(...await Promise.all(Array.from({ length: Math.min(50, ${PAIRS_PER_HELPER} - i) }, open)));
  process.stdout.write('ready\\n');
  setInterval(async () => {
    for (let i = 0; i < ${CHURN_PER_SECOND}; i++) { const c = keep.shift(); if (c) c.resetAndDestroy(); }
    keep.push(...await Promise.all(Array.from({ length: ${CHURN_PER_SECOND} }, open)));
  }, 1000);
});`;

function startHelper(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', helperScript], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`helper exited ${code}`)));
    child.stdout!.once('data', () => resolve(child));
  });
}

function startServe(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['bin/portscope.js', 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`portscope serve exited ${code}`)));
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n')[0];
      if (buf.includes('\n') && line) resolve({ child, url: line.trim() });
    });
  });
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
}

/** Scrolls the connections table a little every frame and records every frame's duration. */
async function scrollAndMeasure(page: Page, seconds: number): Promise<{ frames: number[]; longTasks: number[]; rowsSeen: number }> {
  // Passed as text: tsx would wrap named functions in a helper that does not exist in the page.
  return page.evaluate(`(async () => {
    const ms = ${seconds * 1000};
    const table = document.querySelector('[role="table"][aria-label="Connections"]');
    if (!table) throw new Error('no connections table');
    const longTasks = [];
    const po = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
    po.observe({ type: 'longtask', buffered: false });
    const frames = [];
    const start = performance.now();
    let last = start;
    let direction = 1;
    await new Promise((done) => {
      const step = (t) => {
        frames.push(t - last);
        last = t;
        // About 30 rows per second of wheel-like scrolling, reversing at either end.
        table.scrollTop += direction * 14;
        if (table.scrollTop + table.clientHeight >= table.scrollHeight - 2) direction = -1;
        if (table.scrollTop <= 0) direction = 1;
        if (t - start < ms) requestAnimationFrame(step);
        else done();
      };
      requestAnimationFrame(step);
    });
    po.disconnect();
    return { frames: frames.slice(1), longTasks, rowsSeen: Number(table.getAttribute('aria-rowcount')) - 1 };
  })()`);
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

function printProfile(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    const key = f ? `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}` : '?';
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  console.log('\nCPU self time in the measured window (top 20):');
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${ms.toFixed(0).padStart(7)} ms  ${k}`);
}

async function main(): Promise<void> {
  console.log(`opening ~${HELPERS * (1 + 2 * PAIRS_PER_HELPER)} loopback sockets (${HELPERS * CHURN_PER_SECOND} reset and reopened per second)…`);
  const helpers = await Promise.all(Array.from({ length: HELPERS }, startHelper));
  const { child: serve, url } = await startServe();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--enable-precise-memory-info'] });
  try {
    // bypassCSP: the measuring scripts are evaluated as text (see scrollAndMeasure); the app itself is unchanged.
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    const frames: Array<{ bytes: number; kind: string; changes: number }> = [];
    page.on('websocket', (ws) =>
      ws.on('framereceived', (f) => {
        const text = typeof f.payload === 'string' ? f.payload : f.payload.toString('utf8');
        try {
          const msg = JSON.parse(text) as { type: string; name?: string; payload?: { added: unknown[]; removed: unknown[]; changed: unknown[] }; value?: { rows?: unknown[] } };
          if (msg.type === 'event' && msg.name === 'sockets.delta' && msg.payload)
            frames.push({ bytes: text.length, kind: 'delta', changes: msg.payload.added.length + msg.payload.removed.length + msg.payload.changed.length });
          else if (msg.type === 'result' && msg.value?.rows) frames.push({ bytes: text.length, kind: 'snapshot', changes: msg.value.rows.length });
        } catch {
          /* not ours */
        }
      }),
    );
    // Time to first data: a MutationObserver set up before any page script runs.
    await page.addInitScript(`
      new MutationObserver((_, obs) => {
        if (document.querySelector('[role="table"] [data-key]')) {
          window.__firstRowAt = performance.now();
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });`);
    await page.goto(url);
    await page.waitForFunction('window.__firstRowAt !== undefined', undefined, { timeout: 30_000 });
    const firstRowMs = (await page.evaluate('window.__firstRowAt')) as number;
    const loadMs = (await page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")) as number;
    // Let the live ticks run a little, then measure while they keep coming.
    await page.waitForTimeout(4000);
    const deltasBefore = frames.filter((f) => f.kind === 'delta').length;
    const cdp = await page.context().newCDPSession(page);
    // PROFILE=1: a CPU profile of the measured window, summed by function (self time).
    if (process.env.PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const { frames: frameTimes, longTasks, rowsSeen } = await scrollAndMeasure(page, SCROLL_SECONDS);
    const deltasDuring = frames.filter((f) => f.kind === 'delta').length - deltasBefore;
    if (process.env.PROFILE) printProfile(((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile);

    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
    await page.screenshot({ path: 'artifacts/screenshots/bench-dashboard-10k.png' });

    const snapshot = frames.find((f) => f.kind === 'snapshot');
    const deltas = frames.filter((f) => f.kind === 'delta');
    const avgDeltaBytes = deltas.reduce((n, f) => n + f.bytes, 0) / Math.max(1, deltas.length);
    const avgChanges = deltas.reduce((n, f) => n + f.changes, 0) / Math.max(1, deltas.length);
    const p95 = percentile(frameTimes, 95);
    const missed = frameTimes.filter((t) => t > 1.5 * (1000 / 60)).length;

    console.log(`\nrows in the connections table: ${rowsSeen}`);
    console.log(`first row ${firstRowMs.toFixed(0)} ms after navigation start (load event at ${loadMs.toFixed(0)} ms)`);
    console.log(
      `frames while scrolling ${SCROLL_SECONDS} s with ${deltasDuring} live ticks: ${frameTimes.length} frames, p50 ${percentile(frameTimes, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${percentile(frameTimes, 99).toFixed(1)} ms, max ${Math.max(...frameTimes).toFixed(1)} ms; long tasks: ${longTasks.length} (longest ${Math.max(0, ...longTasks).toFixed(0)} ms)`,
    );
    console.log(`JS heap after GC: ${(heap.usedSize / 1048576).toFixed(1)} MB used of ${(heap.totalSize / 1048576).toFixed(1)} MB`);
    console.log(
      `WebSocket: snapshot ${snapshot ? (snapshot.bytes / 1024).toFixed(0) : '?'} KiB for ${snapshot?.changes ?? '?'} rows; ${deltas.length} deltas, on average ${(avgDeltaBytes / 1024).toFixed(1)} KiB for ${avgChanges.toFixed(0)} changed rows (${(avgDeltaBytes / Math.max(1, avgChanges)).toFixed(0)} B per changed row)`,
    );
    const ok = printTargets([
      { label: 'first table data after navigation', value: firstRowMs, limit: 1000, kind: 'max', unit: ' ms' },
      // rAF timestamps are vsync-aligned with ~0.1 ms jitter: a frame on time at 60 Hz measures
      // 16.6–16.8 ms, so "≤ 16.7 ms" is judged as "within one vsync" (16.9 ms); a frame that
      // misses its vsync measures 33 ms and counts in the line below.
      { label: 'p95 frame time, scrolling + live updates', value: p95, limit: 16.9, kind: 'max', unit: ' ms' },
      { label: 'frames that missed their vsync', value: (100 * missed) / Math.max(1, frameTimes.length), limit: 5, kind: 'max', unit: ' %' },
      { label: 'renderer JS heap (after GC)', value: heap.usedSize / 1048576, limit: 150, kind: 'max', unit: ' MB' },
      { label: 'bytes per tick / snapshot bytes', value: snapshot ? avgDeltaBytes / snapshot.bytes : Number.NaN, limit: 0.1, kind: 'max', unit: '×' },
    ]);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await browser.close();
    serve.kill();
    for (const h of helpers) h.kill();
  }
}

await main();
