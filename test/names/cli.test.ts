import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import type { Output } from '../../electron/cli/output';
import { createLinuxAdapter } from '../../electron/engine/platform/linux/adapter';
import type { CommandRunner } from '../../electron/engine/platform/types';
import { Engine } from '../../electron/engine/service';
import { portscope } from '../support/cli';
import { hex4, ProcTree, tcpLine } from '../support/procTree';
import { portOf, SocketBag } from '../support/sockets';
import { DnsStub, reverseName } from './dnsStub';

interface NameField {
  name: string | null;
  source: string | null;
  interface: string | null;
  pending: boolean;
}
interface NamedRow {
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
  state: string;
  localName?: NameField | null;
  remoteName?: NameField | null;
}

describe('portscope list --resolve (the real binary, real loopback sockets)', () => {
  const bag = new SocketBag();
  let port: number;
  let clientPort: number;
  beforeAll(async () => {
    port = portOf(await bag.listen('127.0.0.1'));
    clientPort = (await bag.connect('127.0.0.1', port)).localPort!;
  });
  afterAll(() => bag.closeAll());

  it('names loopback ends "this machine (lo)" in a Remote name column, and listeners in a Local name column', () => {
    const all = portscope(['list', '--all', '--resolve', '--pid', String(process.pid), '--port', String(port)]);
    expect(all.status).toBe(0);
    const lines = all.stdout.split('\n');
    expect(lines[0]).toMatch(/^Proto\s+Local address\s+Remote address\s+Remote name\s+State\s/);
    const conn = lines.find((l) => l.includes(`127.0.0.1:${clientPort}`) && l.includes(`127.0.0.1:${port}`) && l.includes('ESTABLISHED'));
    expect(conn).toMatch(/127\.0\.0\.1:\d+\s+127\.0\.0\.1:\d+\s+this machine \(lo\)\s+ESTABLISHED/);
    const listeners = portscope(['list', '--resolve', '--port', String(port)]);
    expect(listeners.stdout.split('\n')[0]).toMatch(/^Proto\s+Local address\s+Local name\s+State\s/);
    expect(listeners.stdout).toMatch(new RegExp(`127\\.0\\.0\\.1:${port}\\s+this machine \\(lo\\)\\s+LISTEN`));
    // Off by default: no name column.
    expect(portscope(['list', '--all', '--port', String(port)]).stdout).not.toContain('this machine');
  });

  it('adds localName and remoteName to --json rows only with --resolve', () => {
    const r = portscope(['list', '--all', '--resolve', '--json', '--pid', String(process.pid), '--port', String(port)]);
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as NamedRow[];
    const listener = rows.find((x) => x.state === 'LISTEN' && x.localPort === port)!;
    expect(listener.localName).toEqual({ name: 'this machine', source: 'local', interface: 'lo', pending: false });
    expect(listener.remoteName).toBeNull();
    const conn = rows.find((x) => x.state === 'ESTABLISHED' && x.localPort === clientPort)!;
    expect(conn.remoteName).toEqual({ name: 'this machine', source: 'local', interface: 'lo', pending: false });
    const plain = JSON.parse(portscope(['list', '--all', '--json', '--port', String(port)]).stdout) as NamedRow[];
    expect(plain.length).toBeGreaterThan(0);
    expect(plain.every((x) => !('remoteName' in x) && !('localName' in x))).toBe(true);
  });
});

// A crafted procfs world: its connections go to documentation addresses (never dialled), so
// the real CLI code asks the DNS stub for their names without any traffic leaving loopback.
describe('--resolve with the hosts file and reverse DNS (crafted sockets, DNS stub on loopback)', () => {
  const noSs: CommandRunner = async () => {
    throw Object.assign(new Error('spawn ss ENOENT'), { code: 'ENOENT' });
  };
  const stub = new DnsStub();
  let tree: ProcTree;
  let server: string;
  let hostsPath: string;

  beforeAll(async () => {
    server = await stub.start();
    stub.ptr.set(reverseName('198.51.100.7'), { names: ['web.example.net'] });
    stub.forward.set('web.example.net', { a: ['198.51.100.7'] });
    stub.ptr.set(reverseName('198.51.100.66'), { names: ['evil-\x1b[2J.example'] });
    stub.ptr.set(reverseName('203.0.113.9'), { names: [], silent: true });
    tree = new ProcTree()
      .table('tcp', [
        tcpLine(hex4('0.0.0.0', 22), hex4('0.0.0.0', 0), '0A', 0, 111),
        tcpLine(hex4('10.9.8.7', 50001), hex4('198.51.100.7', 443), '01', 1000, 201),
        tcpLine(hex4('10.9.8.7', 50002), hex4('192.0.2.77', 445), '01', 1000, 202),
        tcpLine(hex4('10.9.8.7', 50003), hex4('203.0.113.9', 80), '01', 1000, 203),
        tcpLine(hex4('10.9.8.7', 50004), hex4('198.51.100.66', 80), '01', 1000, 204),
        tcpLine(hex4('127.0.0.1', 50005), hex4('127.0.0.1', 22), '01', 1000, 205),
      ])
      .process(100, { comm: 'sshd', sockets: [111] })
      .process(4242, { comm: 'curl', uid: 1000, sockets: [201, 202, 203, 204, 205] });
    hostsPath = path.join(path.dirname(tree.root), 'hosts');
    fs.writeFileSync(hostsPath, '# crafted\n192.0.2.77 nas.lan nas\n198.51.100.66 \u202eevil.lan\n');
  });
  afterAll(async () => {
    await stub.stop();
    tree.remove();
  });

  function engine(): Engine {
    return new Engine({
      transport: 'cli',
      adapter: createLinuxAdapter({ procRoot: tree.root, etcRoot: tree.etc, run: noSs, littleEndian: true, native: null }),
      names: { hostsPath, batchMs: 50, dns: { servers: [server], timeoutMs: 1000, tries: 2 } },
    });
  }

  async function run(args: string[], tty = false): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const sink: Output = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: tty, columns: 200 };
    let made: Engine | null = null;
    try {
      const code = await main(args, sink, () => (made = engine()));
      return { code, stdout, stderr };
    } finally {
      (made as Engine | null)?.dispose();
    }
  }

  it('list --resolve: hosts-file and DNS names next to the addresses; waits at most 2 s and says what is missing', async () => {
    const started = Date.now();
    const r = await run(['list', '--all', '--resolve', '--tcp']);
    const took = Date.now() - started;
    expect(r.code).toBe(0);
    const row = (port: number) => r.stdout.split('\n').find((l) => l.includes(`:${port} `)) ?? '';
    expect(row(443)).toMatch(/198\.51\.100\.7:443\s+web\.example\.net\s+ESTABLISHED/);
    expect(row(445)).toMatch(/192\.0\.2\.77:445\s+nas\.lan\s+ESTABLISHED/);
    expect(row(50005)).toMatch(/127\.0\.0\.1:22\s+this machine \(lo\)\s+ESTABLISHED/);
    // The silent server: no name, and a note; the hostile names: none at all.
    expect(row(50003)).toMatch(/203\.0\.113\.9:80\s+ESTABLISHED/);
    expect(row(50004)).toMatch(/198\.51\.100\.66:80\s+ESTABLISHED/);
    expect(r.stdout).not.toContain('evil');
    expect(r.stdout).not.toContain('\x1b');
    expect(r.stderr).toContain('note: 1 address still had no answer from DNS after 2 s; shown without a name');
    expect(took).toBeGreaterThanOrEqual(1900);
    expect(took).toBeLessThan(4000);
    // Each address was asked once; loopback and the hosts-file name never went to DNS.
    expect(stub.count(reverseName('198.51.100.7'), 'PTR')).toBe(1);
    expect(stub.count(reverseName('192.0.2.77'))).toBe(0);
    expect(stub.count(reverseName('127.0.0.1'))).toBe(0);
  });

  it('list --resolve --json: the name, its source and whether it is still pending', async () => {
    const r = await run(['list', '--all', '--resolve', '--json']);
    const rows = JSON.parse(r.stdout) as NamedRow[];
    const by = (port: number) => rows.find((x) => x.remotePort === port)!;
    expect(by(443).remoteName).toEqual({ name: 'web.example.net', source: 'dns', interface: null, pending: false });
    expect(by(445).remoteName).toEqual({ name: 'nas.lan', source: 'hosts', interface: null, pending: false });
    expect(by(80).remoteName).toMatchObject({ name: null });
    expect(rows.find((x) => x.remoteAddress === '203.0.113.9')!.remoteName).toEqual({ name: null, source: null, interface: null, pending: true });
    expect(rows.find((x) => x.localPort === 22 && x.state === 'LISTEN')!).toMatchObject({ localName: { name: 'this machine', interface: 'all' }, remoteName: null });
    // A crafted local address that is no interface of this machine has no name.
    expect(by(443).localName).toEqual({ name: null, source: null, interface: null, pending: false });
  });

  it('who --resolve names the peers of a port', async () => {
    const r = await run(['who', '50002', '--resolve']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('10.9.8.7:50002 -> 192.0.2.77:445 (nas.lan)  ESTABLISHED');
  });

  it('watch --resolve on a terminal: the first table shows … for a lookup under way, a later one the name', async () => {
    stub.ptr.set(reverseName('198.51.100.8'), { names: ['late.example.net'], delayMs: 300 });
    stub.forward.set('late.example.net', { a: ['198.51.100.8'] });
    tree.table('tcp', [tcpLine(hex4('10.9.8.7', 50010), hex4('198.51.100.8', 8443), '01', 1000, 210)]).process(4343, { comm: 'late', sockets: [210] });
    const r = await run(['watch', '--all', '--resolve', '--interval', '250ms', '--count', '4'], true);
    expect(r.code).toBe(0);
    const frames = r.stdout.split('\x1b[H\x1b[2J').filter((f) => f !== '');
    expect(frames.length).toBeGreaterThanOrEqual(3);
    expect(frames[0]).toMatch(/198\.51\.100\.8:8443\s+…\s+ESTABLISHED/);
    expect(frames.at(-1)).toMatch(/198\.51\.100\.8:8443\s+late\.example\.net\s+ESTABLISHED/);
  });

  it('watch --resolve piped: a new connection\'s line carries the name known when it is printed', async () => {
    tree.table('tcp', []);
    const later = setTimeout(() => {
      tree.table('tcp', [tcpLine(hex4('10.9.8.7', 50020), hex4('192.0.2.77', 445), '01', 1000, 220)]).process(4444, { comm: 'smb', sockets: [220] });
    }, 400);
    try {
      const r = await run(['watch', '--all', '--resolve', '--interval', '250ms', '--count', '5']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^\d\d:\d\d:\d\d \+ tcp 10\.9\.8\.7:50020 -> 192\.0\.2\.77:445 \(nas\.lan\) ESTABLISHED specific 4444\/smb$/m);
    } finally {
      clearTimeout(later);
    }
  });
});
