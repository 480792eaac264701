// A helper process for the scan tests and the benchmark, usually started inside a network
// namespace (`ip netns exec NS node listeners.mjs '<json>'`). It opens the TCP listeners and UDP
// echo services the JSON asks for, prints {"tcp":[ports],"udp":[ports]} on one line, and exits
// when its standard input closes (so it never outlives the test that started it), or after
// `lifetimeMs` at the latest.
//   { "host": "127.0.0.1", "tcp": [8080], "randomTcp": 300, "udp": [5353], "banner": "text", "lifetimeMs": 600000 }
import dgram from 'node:dgram';
import net from 'node:net';

const spec = JSON.parse(process.argv[2] ?? '{}');
const host = spec.host ?? '127.0.0.1';
const tcp = [];
const udp = [];

function listenTcp(port) {
  return new Promise((resolve) => {
    // Like a real service: keep the connection until the client goes (or 10 s of silence),
    // optionally greeting first. Scanners that take an immediate close for "closed" (evilscan
    // does) would otherwise look worse than they are.
    const server = net.createServer((c) => {
      c.on('error', () => {});
      c.setTimeout(10_000, () => c.destroy());
      c.on('end', () => c.end());
      if (spec.banner) c.write(spec.banner);
    });
    server.on('error', () => resolve(false));
    server.listen({ host, port, backlog: 4096 }, () => {
      tcp.push(server.address().port);
      resolve(true);
    });
  });
}

function echoUdp(port) {
  return new Promise((resolve) => {
    const sock = dgram.createSocket(host.includes(':') ? 'udp6' : 'udp4');
    sock.on('error', () => resolve(false));
    sock.on('message', (msg, rinfo) => sock.send(msg.length ? msg : Buffer.from('echo'), rinfo.port, rinfo.address));
    sock.bind(port, host, () => {
      udp.push(sock.address().port);
      resolve(true);
    });
  });
}

for (const p of spec.tcp ?? []) await listenTcp(p);
for (const p of spec.udp ?? []) await echoUdp(p);
// Random ports from a fixed seed: the same set every run, spread over the whole range.
// mulberry32 (a 32-bit state kept exact with Math.imul and >>> 0; the old LCG multiplied past
// 2^53, lost its low bits and fell into a short cycle, so `randomTcp: 10000` retried forever),
// drawing a partial Fisher–Yates shuffle of the free candidate ports: every port is tried at
// most once, so a port that is taken costs one attempt and the loop always ends.
function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32((spec.seed ?? 20261121) >>> 0);
let wanted = spec.randomTcp ?? 0;
const taken = new Set(tcp);
const candidates = [];
for (let p = 1; p <= 65535; p++) if (!taken.has(p)) candidates.push(p);
for (let i = 0; wanted > 0 && i < candidates.length; i++) {
  const j = i + Math.floor(rnd() * (candidates.length - i));
  [candidates[i], candidates[j]] = [candidates[j], candidates[i]];
  if (await listenTcp(candidates[i])) wanted--;
}
if (wanted > 0) process.stderr.write(`listeners.mjs: ${wanted} of ${spec.randomTcp} random TCP ports could not be bound (every free port was tried)\n`);
tcp.sort((a, b) => a - b);
udp.sort((a, b) => a - b);
process.stdout.write(`${JSON.stringify({ tcp, udp })}\n`);
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
setTimeout(() => process.exit(0), spec.lifetimeMs ?? 600_000).unref?.();
// The timer above is unref'd; stdin keeps the process alive until the parent goes.
