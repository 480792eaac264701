import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/service';
import { isListener } from '../../electron/cli/filters';
import { hasSs, ssListening } from '../support/ss';
import { SocketBag } from '../support/sockets';

// The whole listening set, owners included, against `ss -tulnp` on the same machine.
const bag = new SocketBag();
const children: ChildProcess[] = [];

beforeAll(async () => {
  await bag.listen('127.0.0.1');
  await bag.listen('::');
  await bag.udp('udp4', '127.0.0.1');
  // A forked server: one listening socket held by this process and by a child that inherited it.
  const shared = await bag.listen('127.0.0.1');
  const fd = (shared as unknown as { _handle: { fd: number } })._handle.fd;
  const child = spawn('sleep', ['120'], { stdio: ['ignore', 'ignore', 'ignore', fd] });
  children.push(child);
  await new Promise((r) => setTimeout(r, 100));
});

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await bag.closeAll();
});

describe.skipIf(!hasSs())('portscope against ss -tulnp', () => {
  it('finds the same listening sockets with the same owners', async () => {
    // Other processes open and close sockets meanwhile: read ours, then ss, then ours again, and
    // hold ss to every socket that was there in both of our reads (so also when ss ran).
    const read = async () => {
      const engine = new Engine();
      const snap = await engine.handlers['sockets.snapshot']({});
      engine.dispose();
      return snap;
    };
    const before = await read();
    const theirs = ssListening();
    const snap = await read();
    const ours = snap.rows.filter(isListener);
    const nameOf = new Map(snap.processes.map((p) => [p.pid, p.name]));
    const key = (p: string, a: string, port: number) => `${p} ${a} ${port}`;
    const earlier = new Set(before.rows.filter(isListener).map((r) => key(r.protocol, r.localAddress, r.localPort)));
    const ourMap = new Map(ours.map((r) => [key(r.protocol, r.localAddress, r.localPort), r]));
    const theirMap = new Map(theirs.map((r) => [key(r.protocol, r.address, r.port), r]));
    const stable = [...ourMap.keys()].filter((k) => earlier.has(k));
    expect(stable.length).toBeGreaterThan(3);
    expect(stable.filter((k) => !theirMap.has(k))).toEqual([]);
    expect([...theirMap.keys()].filter((k) => !ourMap.has(k) && !earlier.has(k))).toEqual([]);
    for (const k of stable) {
      const s = theirMap.get(k)!;
      const r = ourMap.get(k)!;
      expect(r.pids, k).toEqual(s.pids);
      // ss prints the kernel's 15-byte task name; ours may be the longer, untruncated one.
      const ssNames = [...new Set(s.names)].sort();
      const ourNames = [...new Set(r.pids.map((p) => nameOf.get(p) ?? '?'))].sort();
      expect(ourNames.length, k).toBe(ssNames.length);
      ssNames.forEach((n, i) => expect(ourNames[i]!.startsWith(n), `${k}: ${ourNames[i]} vs ${n}`).toBe(true));
      if (r.family === 6 && r.localAddress === '::') expect(r.dualStack, k).toBe(s.dualStack);
    }
    // The forked server really shows two owners.
    expect(ours.some((r) => r.pids.length === 2 && r.pids.includes(children[0]!.pid!) && r.pids.includes(process.pid))).toBe(true);
  });
});
