import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformAdapter } from '../../electron/engine/platform';
import { SocketBag } from '../support/sockets';
import { openSession, spawnServe, type Session } from './support/session';

/**
 * End process through the real `portscope serve` (engine in its worker, over the WebSocket), aimed
 * at real processes this test starts. The guard is the engine's: whatever a token holder sends,
 * only a socket owner whose start time matches is signalled, never pid 1, the server or its
 * parents, and the answer says whether the process really went.
 */

const adapter = createPlatformAdapter();
const children: ChildProcess[] = [];
const bag = new SocketBag();

function alive(pid: number): boolean {
  return adapter.readProcess(pid) !== null && adapter.isDefunct?.(pid) !== true;
}

function startTimeOf(pid: number): string {
  const t = adapter.readProcess(pid)?.startTime;
  if (!t) throw new Error(`no start time for ${pid}`);
  return t;
}

/** A process holding a loopback listener; with `ignoreTerm` it shrugs SIGTERM off. */
async function socketOwner(ignoreTerm = false): Promise<ChildProcess> {
  const code = `require('net').createServer().listen(0,'127.0.0.1',function(){console.log(this.address().port)});${ignoreTerm ? "process.on('SIGTERM',()=>{});" : ''}`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await once(createInterface({ input: child.stdout! }), 'line');
  return child;
}

function sleeper(): ChildProcess {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

type Result = { ok: boolean; value?: { ok: boolean; outcome: string; message: string }; error?: { code: string; message: string } };

let serve: Awaited<ReturnType<typeof spawnServe>>;
let session: Session;
const signal = (pid: number, sig: 'SIGTERM' | 'SIGKILL', expectedStartTime: unknown) =>
  session.call<Result>('process.signal', { pid, signal: sig, ...(expectedStartTime === undefined ? {} : { expectedStartTime }) });

beforeAll(async () => {
  // The test process owns a socket too: it is the server's parent, which must be refused as such.
  await bag.listen('127.0.0.1');
  serve = await spawnServe();
  session = await openSession(serve.port, serve.token);
}, 30_000);

afterAll(async () => {
  session?.close();
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  if (serve && serve.child.exitCode === null) {
    serve.child.kill('SIGTERM');
    await once(serve.child, 'exit');
  }
  await bag.closeAll();
});

describe('process.signal guard (real server, real processes)', () => {
  it('requires the start time: null or missing is a bad request, and nothing is signalled', async () => {
    const owner = await socketOwner();
    expect(await signal(owner.pid!, 'SIGKILL', null)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await signal(owner.pid!, 'SIGKILL', undefined)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(alive(owner.pid!)).toBe(true);
  });

  it('refuses a process that owns no socket', async () => {
    const sleep = sleeper();
    await new Promise((r) => setTimeout(r, 100));
    const r = await signal(sleep.pid!, 'SIGKILL', startTimeOf(sleep.pid!));
    expect(r.value).toMatchObject({ ok: false, outcome: 'refused' });
    expect(r.value!.message).toContain('owns no socket');
    expect(alive(sleep.pid!)).toBe(true);
  });

  it('refuses a start time that does not match (a reused pid)', async () => {
    const owner = await socketOwner();
    const r = await signal(owner.pid!, 'SIGTERM', '2001-01-01T00:00:00.000Z');
    expect(r.value).toMatchObject({ ok: false, outcome: 'changed' });
    expect(alive(owner.pid!)).toBe(true);
  });

  it('never signals the server itself or the process it runs under, though both own sockets', async () => {
    const own = await signal(serve.child.pid!, 'SIGKILL', startTimeOf(serve.child.pid!));
    expect(own.value).toMatchObject({ ok: false, outcome: 'refused' });
    expect(own.value!.message).toContain("engine's own process");
    const parent = await signal(process.pid, 'SIGKILL', startTimeOf(process.pid));
    expect(parent.value).toMatchObject({ ok: false, outcome: 'refused' });
    expect(parent.value!.message).toContain('runs under');
    expect(await session.call('contract.hello', { version: '1.0.0' })).toMatchObject({ ok: true });
    expect(serve.child.exitCode).toBeNull();
  });

  it('never signals pid 1', async () => {
    const r = await signal(1, 'SIGKILL', adapter.readProcess(1)?.startTime ?? 'x');
    expect(r.value).toMatchObject({ ok: false, outcome: 'refused' });
    expect(r.value!.message).toContain('pid 1');
  });

  it('reports "ended" only once the process is gone, and "sent" for a SIGTERM it is ignoring', async () => {
    const polite = await socketOwner();
    const ended = await signal(polite.pid!, 'SIGTERM', startTimeOf(polite.pid!));
    expect(ended.value).toMatchObject({ ok: true, outcome: 'ended' });
    expect(alive(polite.pid!)).toBe(false);

    const stubborn = await socketOwner(true);
    const sent = await signal(stubborn.pid!, 'SIGTERM', startTimeOf(stubborn.pid!));
    expect(sent.value).toMatchObject({ ok: true, outcome: 'sent' });
    expect(alive(stubborn.pid!)).toBe(true);
    const killed = await signal(stubborn.pid!, 'SIGKILL', startTimeOf(stubborn.pid!));
    expect(killed.value).toMatchObject({ ok: true, outcome: 'ended' });
    expect(alive(stubborn.pid!)).toBe(false);
  });
});

const canUnshare = process.getuid?.() === 0 && spawnSync('unshare', ['-fp', '--mount-proc', 'true']).status === 0;

describe.skipIf(!canUnshare)('in a pid namespace of its own (unshare -fp --mount-proc, as root)', () => {
  it('the server refuses pid 1 of its namespace with SIGTERM and SIGKILL, and pid 1 stays', async () => {
    // sh stays pid 1 (the `& wait` keeps it from exec'ing node) and owns no socket; its child is the server.
    const ns = await spawnServe([], ['unshare', '-fp', '--mount-proc', '--kill-child', 'sh', '-c', '"$@" & wait', 'sh']);
    const s = await openSession(ns.port, ns.token);
    try {
      for (const sig of ['SIGTERM', 'SIGKILL'] as const) {
        const r = await s.call<Result>('process.signal', { pid: 1, signal: sig, expectedStartTime: 'anything' });
        expect(r.value).toMatchObject({ ok: false, outcome: 'refused' });
      }
      expect(await s.call('contract.hello', { version: '1.0.0' })).toMatchObject({ ok: true });
    } finally {
      s.close();
      // unshare hands SIGTERM to pid 1, which ignores it; SIGKILL ends unshare, and --kill-child the namespace.
      ns.child.kill('SIGKILL');
      await once(ns.child, 'exit');
    }
  }, 30_000);

  it('a SIGKILL the kernel drops (pid 1, sent from inside its namespace) is reported as still running, not sent', () => {
    // What the guard refuses, aimed at directly: the confirmation step must not trust kill()'s 0.
    const script = `
      import { sendAndConfirm } from './electron/engine/process-signal.ts';
      import { createPlatformAdapter } from './electron/engine/platform/index.ts';
      const a = createPlatformAdapter();
      const before = a.readProcess(1);
      const deps = { readProcess: (p) => a.readProcess(p), isDefunct: (p) => a.isDefunct(p), kill: (p, s) => process.kill(p, s), settleMs: { SIGKILL: 500, SIGTERM: 200 } };
      const kill = await sendAndConfirm(deps, before, 'SIGKILL');
      const term = await sendAndConfirm(deps, before, 'SIGTERM');
      console.log(JSON.stringify({ kill, term, stillThere: a.readProcess(1) !== null }));`;
    const out = spawnSync('unshare', ['-fp', '--mount-proc', '--kill-child', 'sh', '-c', '"$@" & wait', 'sh', process.execPath, '--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(out.stderr).toBe('');
    const result = JSON.parse(out.stdout) as { kill: { ok: boolean; outcome: string }; term: { outcome: string }; stillThere: boolean };
    expect(result.stillThere).toBe(true);
    expect(result.kill).toMatchObject({ ok: false, outcome: 'still-running' });
    expect(result.term).toMatchObject({ outcome: 'sent' });
  }, 30_000);
});
