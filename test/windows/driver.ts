// Runs inside Windows Node under Wine (bundled by the suite): takes one snapshot with the Windows
// adapter, as the engine would, and writes it as JSON to the file named on the command line.
import dgram from 'node:dgram';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import { createPlatformAdapter } from '../../electron/engine/platform';
import { createWindowsAdapter } from '../../electron/engine/platform/windows/adapter';
import { SocketSnapshotter } from '../../electron/engine/sockets/snapshotter';
import { runCommand } from '../../electron/engine/system/runner';

const [outFile, mode = 'snapshot'] = process.argv.slice(2);

// Sockets of this (Windows) process: Wine names the owner of its own processes' UDP sockets.
async function bindUdp(type: 'udp4' | 'udp6', address: string): Promise<number> {
  const sock = dgram.createSocket(type);
  await new Promise<void>((resolve) => sock.bind(0, address, () => resolve()));
  return sock.address().port;
}
const own = {
  pid: process.pid,
  udp4Port: await bindUdp('udp4', '127.0.0.1'),
  udp6Port: await bindUdp('udp6', '::1'),
  tcpPort: await new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  }),
};
// fallback: the adapter as it runs when koffi cannot load (netstat + tasklist through the runner).
const adapter = mode === 'fallback' ? createWindowsAdapter({ run: runCommand, api: null }) : createPlatformAdapter();
const snapshotter = new SocketSnapshotter(adapter);
const started = performance.now();
const snap = await snapshotter.take();
const coldMs = performance.now() - started;
const out: Record<string, unknown> = { own, adapter: adapter.name, capabilities: adapter.capabilities(), coldMs, warnings: snap.warnings };
if (mode === 'snapshot' || mode === 'fallback') {
  out.rows = snap.rows;
  out.processes = [...snap.processes.values()];
  out.self = adapter.readProcess(process.pid);
} else {
  // bench: repeat cold and warm snapshots, report only timings and the count
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < Number(mode.split(':')[1] ?? 5); i++) {
    let t = performance.now();
    await new SocketSnapshotter(adapter).take();
    cold.push(performance.now() - t);
    t = performance.now();
    await snapshotter.take();
    warm.push(performance.now() - t);
  }
  Object.assign(out, { count: snap.rows.length, cold, warm });
}
writeFileSync(outFile!, JSON.stringify(out));
process.exit(0);
