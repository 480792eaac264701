import dgram from 'node:dgram';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProbeRequestSchema, type ProbeAttempt, type ProbeResult } from '../../shared/contract/scan';
import { ProbeRunner } from '../../electron/engine/probe/probe';
import { SocketBag, portOf } from '../support/sockets';
import { portscope } from '../support/cli';

/** Reachability probes of loopback services this test opens (nothing else is ever contacted). */

const bag = new SocketBag();
let open = 0;
let greeter = 0;
let closed = 0;
let udpEcho = 0;
let udpClosed = 0;

async function freePort(type: 'tcp' | 'udp'): Promise<number> {
  if (type === 'udp') {
    const s = dgram.createSocket('udp4');
    await new Promise<void>((r) => s.bind(0, '127.0.0.1', r));
    const p = s.address().port;
    await new Promise<void>((r) => s.close(() => r()));
    return p;
  }
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const p = portOf(s);
  await new Promise((r) => s.close(r));
  return p;
}

beforeAll(async () => {
  open = portOf(await bag.listen('127.0.0.1'));
  const hello = await bag.listen('127.0.0.1');
  hello.on('connection', (c) => c.write('220 mail.test ESMTP\x1b[2J\r\n'));
  greeter = portOf(hello);
  closed = await freePort('tcp');
  const echo = await bag.udp('udp4', '127.0.0.1');
  echo.on('message', (m, from) => echo.send(m.length ? m : Buffer.from('pong'), from.port, from.address));
  udpEcho = portOf(echo);
  udpClosed = await freePort('udp');
});
afterAll(() => bag.closeAll());

function probe(request: Record<string, unknown>, lookup?: (h: string) => Promise<string>): Promise<{ result: ProbeResult; events: ProbeAttempt[] }> {
  const events: ProbeAttempt[] = [];
  const runner = new ProbeRunner({ attempt: (a) => events.push(a), done: () => {} }, lookup);
  return runner.start(ProbeRequestSchema.parse(request)).then(async (s) => ({ result: await s.done, events }));
}

describe('ProbeRunner on loopback', () => {
  it('open port: every attempt connects, with RTTs and a summary', async () => {
    const { result, events } = await probe({ host: '127.0.0.1', port: open, count: 3, intervalMs: 10 });
    expect(result.attempts.map((a) => a.outcome)).toEqual(['connected', 'connected', 'connected']);
    expect(events).toHaveLength(3);
    expect(result).toMatchObject({ sent: 3, received: 3, loss: 0 });
    expect(result.rtt!.minMs).toBeLessThanOrEqual(result.rtt!.avgMs);
    expect(result.verdict).toMatch(/reachable: the port is open/);
  });

  it('closed port: refused, 100% failed, verdict closed', async () => {
    const { result } = await probe({ host: '127.0.0.1', port: closed, count: 2, intervalMs: 0 });
    expect(result.attempts.map((a) => a.outcome)).toEqual(['refused', 'refused']);
    expect(result).toMatchObject({ received: 0, loss: 1, rtt: null });
    expect(result.verdict).toMatch(/is closed/);
  });

  it('reads a banner once, escaped', async () => {
    const { result } = await probe({ host: '127.0.0.1', port: greeter, count: 1, banner: true });
    expect(result.banner).toBe('220 mail.test ESMTP\\x1b[2J');
  });

  it('UDP: a reply is open, ICMP port unreachable is closed', async () => {
    const up = await probe({ host: '127.0.0.1', port: udpEcho, protocol: 'udp', count: 1, timeoutMs: 1000 });
    expect(up.result.attempts[0]!.outcome).toBe('reply');
    const down = await probe({ host: '127.0.0.1', port: udpClosed, protocol: 'udp', count: 1, timeoutMs: 1000 });
    expect(down.result.attempts[0]!.outcome).toBe('refused');
  });

  it('a name that does not resolve is an attempt with outcome unresolved', async () => {
    const failing = async () => {
      throw Object.assign(new Error('nope'), { code: 'ENOTFOUND' });
    };
    const { result } = await probe({ host: 'nowhere.test', port: 80, count: 2 }, failing);
    expect(result.attempts.map((a) => a.outcome)).toEqual(['unresolved']);
    expect(result.verdict).toMatch(/could not be resolved/);
  });

  it('a public address needs authorization (refused before anything is sent)', async () => {
    await expect(probe({ host: 'public.test', port: 80 }, async () => '8.8.8.8')).rejects.toMatchObject({ code: 'denied' });
  });

  it('cancels between attempts', async () => {
    const runner = new ProbeRunner({ attempt: () => {}, done: () => {} });
    const started = await runner.start(ProbeRequestSchema.parse({ host: '127.0.0.1', port: open, count: 100, intervalMs: 1000 }));
    setTimeout(() => runner.cancel(started.probeId), 100);
    const result = await started.done;
    expect(result.cancelled).toBe(true);
    expect(result.sent).toBeLessThan(3);
    expect(result.verdict).toMatch(new RegExp(`^Cancelled after ${result.sent} of 100 attempts\\. `));
  });
});

describe('portscope probe (built CLI)', () => {
  it('prints each attempt, statistics and a verdict; exit 0 when reachable', () => {
    const r = portscope(['probe', `127.0.0.1:${open}`, '--count', '2', '--interval', '10']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\s+1\s+connected\s/m);
    expect(r.stdout).toMatch(/2 sent, 2 connected, 0% failed; rtt min\/avg\/max = /);
    expect(r.stdout).toMatch(/^Verdict: 127\.0\.0\.1:\d+ is reachable/m);
  });

  it('exit 1 when nothing connects; --json has the attempts', () => {
    const r = portscope(['probe', '127.0.0.1', String(closed), '--count', '1', '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ port: closed, sent: 1, received: 0, attempts: [{ outcome: 'refused', ok: false }] });
  });

  it.each([
    [['127.0.0.1'], 'has no port'],
    [['127.0.0.1:0'], 'out of range'],
    [['127.0.0.1:65536'], 'out of range'],
    [['::1:80'], 'brackets'],
    [['[::1]:http'], "'http'"],
    [['127.0.0.1:80', '--count', '0'], '--count'],
    [['8.8.8.8:53'], 'may be illegal'],
  ])('rejects %j with one line, exit 2', (args, culprit) => {
    const r = portscope(['probe', ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(culprit);
  });
});
