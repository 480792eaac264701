// About 10,000 real loopback sockets for the benchmarks: each helper process opens a listener and
// connects to it `pairs` times (two sockets per pair), so the socket table looks like a busy server.
import { spawn, type ChildProcess } from 'node:child_process';

function helperScript(pairs: number): string {
  return `
const net = require('net');
const server = net.createServer((s) => { s.on('error', () => {}); }).listen(0, '127.0.0.1', async () => {
  const port = server.address().port; const keep = [];
  for (let i = 0; i < ${pairs}; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, ${pairs} - i) }, () => new Promise((ok, fail) => {
      const c = net.connect(port, '127.0.0.1', () => ok()); c.on('error', fail); keep.push(c); })));
  }
  process.stdout.write('ready\\n');
});
setInterval(() => {}, 1 << 30);`;
}

export function startSocketHelpers(helpers: number, pairs: number): Promise<ChildProcess[]> {
  return Promise.all(
    Array.from({ length: helpers }, () => {
      const child = spawn(process.execPath, ['-e', helperScript(pairs)], { stdio: ['ignore', 'pipe', 'inherit'] });
      return new Promise<ChildProcess>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`helper exited ${code}`)));
        child.stdout!.once('data', () => resolve(child));
      });
    }),
  );
}
