import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portscope } from '../support/cli';
import { portOf, SocketBag } from '../support/sockets';

const bag = new SocketBag();
let tcp4: number;
let udp6: number;
let dual: number;
let clientPort: number;

beforeAll(async () => {
  tcp4 = portOf(await bag.listen('127.0.0.1'));
  dual = portOf(await bag.listen('::'));
  udp6 = portOf(await bag.udp('udp6', '::1'));
  clientPort = (await bag.connect('127.0.0.1', tcp4)).localPort!;
});
afterAll(() => bag.closeAll());

interface JsonRow {
  protocol: string;
  family: number;
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
  state: string;
  pid: number | null;
  processName: string | null;
}

function listJson(args: string[]): JsonRow[] {
  const r = portscope(['list', '--json', ...args]);
  expect(r.stderr.split('\n').filter((l) => l && !l.startsWith('note:'))).toEqual([]);
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as JsonRow[];
}

describe('portscope list', () => {
  it('prints listening TCP and bound UDP rows as JSON with the documented fields', () => {
    const rows = listJson(['--pid', String(process.pid)]);
    const v4 = rows.find((r) => r.localPort === tcp4)!;
    expect(v4).toMatchObject({ protocol: 'tcp', family: 4, localAddress: '127.0.0.1', remoteAddress: '0.0.0.0', remotePort: 0, state: 'LISTEN', pid: process.pid, processName: 'node' });
    expect(rows.find((r) => r.localPort === dual)).toMatchObject({ family: 6, localAddress: '::', remoteAddress: '::' });
    expect(rows.find((r) => r.localPort === udp6)).toMatchObject({ protocol: 'udp', family: 6, localAddress: '::1', state: 'UNCONN' });
    expect(rows.every((r) => r.pid === process.pid)).toBe(true);
    // Only listeners without --all.
    expect(rows.every((r) => r.state === 'LISTEN' || r.state === 'UNCONN')).toBe(true);
  });

  it('adds connections with --all, and filters by state, port and protocol', () => {
    const all = listJson(['--all', '--pid', String(process.pid)]);
    expect(all.some((r) => r.localPort === clientPort && r.state === 'ESTABLISHED' && r.remotePort === tcp4)).toBe(true);
    const est = listJson(['--state', 'established', '--port', String(tcp4)]);
    expect(est.length).toBeGreaterThanOrEqual(2);
    expect(est.every((r) => r.state === 'ESTABLISHED' && (r.localPort === tcp4 || r.remotePort === tcp4))).toBe(true);
    const udpOnly = listJson(['--udp', '--pid', String(process.pid)]);
    expect(udpOnly.map((r) => r.localPort)).toEqual([udp6]);
    const byName = listJson(['--process', 'NODE', '--port', String(tcp4)]);
    expect(byName.map((r) => r.localPort)).toEqual([tcp4]);
    expect(listJson(['--process', 'no-such-process-name', '--port', String(tcp4)])).toEqual([]);
  });

  it('prints a readable table with service, exposure and owner', () => {
    const r = portscope(['list', '--port', String(tcp4)]);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^Proto\s+Local address\s+State\s+Service\s+Exposure\s+PID\/Process\s+User/);
    expect(lines.some((l) => l.includes(`127.0.0.1:${tcp4}`) && l.includes('loopback') && l.includes(`${process.pid}/node`))).toBe(true);
  });
});

describe('bad input', () => {
  const cases: Array<[string[], RegExp]> = [
    [['list', '--bogus'], /unknown option '--bogus'/],
    [['list', '--port', '0'], /port 0 is out of range/],
    [['list', '--port', '70000'], /port 70000 is out of range/],
    [['list', '--port', 'http'], /port must be a number/],
    [['list', '--state', 'sleeping'], /unknown state 'sleeping'/],
    [['list', '--pid', '-3'], /pid must be a positive whole number|unknown option/],
    [['who'], /missing required argument 'port'/],
    [['who', '65536'], /port 65536 is out of range/],
    [['watch', '--interval', '10ms'], /interval 10 ms is out of range/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ];
  it.each(cases)('%j gets one line and exit code 2', (args, message) => {
    const r = portscope(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^portscope: /);
    expect(lines[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
