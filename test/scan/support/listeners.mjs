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
let seed = spec.seed ?? 20261121;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
let wanted = spec.randomTcp ?? 0;
while (wanted > 0) {
  if (await listenTcp(1 + Math.floor(rnd() * 65535))) wanted--;
}
tcp.sort((a, b) => a - b);
udp.sort((a, b) => a - b);
process.stdout.write(`${JSON.stringify({ tcp, udp })}\n`);
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
setTimeout(() => process.exit(0), spec.lifetimeMs ?? 600_000).unref?.();
// The timer above is unref'd; stdin keeps the process alive until the parent goes.
