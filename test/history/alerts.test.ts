import type net from 'node:net';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { alertFor, knownSetOf } from '../../electron/engine/history/alerts';
import type { HistoryEventRecord, TrackedSocket } from '../../electron/engine/history/events';
import { DEFAULT_SETTINGS } from '../../electron/engine/history/settings';
import { portscope, portscopeAsync } from '../support/cli';
import { SocketBag } from '../support/sockets';
import { tempDataDir, waitUntil } from './support';

const listener = (over: Partial<TrackedSocket> = {}): TrackedSocket => ({
  key: 'k',
  listener: true,
  protocol: 'tcp',
  family: 4,
  localAddress: '127.0.0.1',
  localPort: 8080,
  remoteAddress: '0.0.0.0',
  remotePort: 0,
  servicePort: 8080,
  state: 'LISTEN',
  exposure: 'loopback',
  risky: false,
  owner: { pid: 42, name: 'python3', exe: '/usr/bin/python3', user: 'me', startTime: null, status: 'known' },
  ...over,
});
const opened = (s: TrackedSocket): HistoryEventRecord => ({ at: Date.UTC(2026, 11, 1, 22), kind: 'opened', socket: s, previous: null, note: null });
const closed = (s: TrackedSocket): HistoryEventRecord => ({ ...opened(s), kind: 'closed' });
const never = () => false;

describe('alert rules', () => {
  it('always alert on exposed, risky and ownerless new listeners, and name port and owner', () => {
    expect(alertFor(opened(listener()), null, DEFAULT_SETTINGS, never)).toBeNull();
    const exposed = alertFor(opened(listener({ localAddress: '0.0.0.0', exposure: 'all' })), null, DEFAULT_SETTINGS, never);
    expect(exposed).toMatchObject({ reasons: ['exposed'], severity: 'warning', localPort: 8080 });
    expect(exposed!.message).toBe('New listener TCP 0.0.0.0:8080 by python3 (pid 42): reachable from other machines');
    expect(alertFor(opened(listener({ localPort: 23, risky: true })), null, DEFAULT_SETTINGS, never)).toMatchObject({ reasons: ['risky-port'], severity: 'danger' });
    const ownerless = alertFor(opened(listener({ owner: { pid: null, name: null, exe: null, user: null, startTime: null, status: 'not-found' } })), null, DEFAULT_SETTINGS, never);
    expect(ownerless!.reasons).toEqual(['unknown-owner']);
    expect(ownerless!.message).toMatch(/unknown owner \(not found\)/);
  });

  it('optionally alert on every new listener and on known ones going down; baselines and ignore lists silence', () => {
    const every = { ...DEFAULT_SETTINGS, alertEveryNewListener: true, alertServiceDown: true };
    expect(alertFor(opened(listener()), null, every, never)!.reasons).toEqual(['new-listener']);
    expect(alertFor(closed(listener()), null, every, () => true)!.reasons).toEqual(['service-down']);
    expect(alertFor(closed(listener()), null, DEFAULT_SETTINGS, () => true)).toBeNull();
    const exposed = listener({ localAddress: '0.0.0.0', exposure: 'all' });
    const known = knownSetOf([{ protocol: 'tcp', localAddress: '0.0.0.0', localPort: 8080, processName: 'python3' }]);
    expect(alertFor(opened(exposed), known, every, never)).toBeNull();
    expect(alertFor(opened(exposed), null, { ...every, ignorePorts: [8080] }, never)).toBeNull();
    expect(alertFor(opened(exposed), null, { ...every, ignoreProcesses: ['PYTHON3'] }, never)).toBeNull();
    // Connections never alert.
    expect(alertFor(opened(listener({ listener: false, exposure: 'all' })), null, every, never)).toBeNull();
  });
});

describe('portscope watch --alert --log', () => {
  const bag = new SocketBag();
  const cleanups: Array<() => void> = [];
  afterEach(async () => {
    await bag.closeAll();
    for (const c of cleanups.splice(0)) c();
  });

  it('prints an alert for a new listener on every interface, logs it, and stays quiet for a baselined one', async () => {
    const { dir, remove } = tempDataDir();
    cleanups.push(remove);
    const log = `${dir}/changes.jsonl`;
    const child = portscopeAsync(['watch', '--alert', '--log', log, '--data-dir', dir, '--interval', '250ms']);
    cleanups.push(() => child.kill('SIGKILL'));
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    await waitUntil('watch started', () => /watching \d+ sockets?/.test(stdout));
    // Listening on every interface sends nothing anywhere; it is what "exposed" means.
    const exposed = await bag.listen('0.0.0.0');
    const p = (exposed.address() as net.AddressInfo).port;
    await waitUntil('alert line', () => new RegExp(`! warning: New listener TCP 0\\.0\\.0\\.0:${p} by node \\(pid ${process.pid}\\): reachable from other machines`).test(stdout));
    const lines = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; localPort: number; kind?: string; reasons?: string[] });
    expect(lines).toContainEqual(expect.objectContaining({ type: 'event', kind: 'opened', localPort: p }));
    expect(lines).toContainEqual(expect.objectContaining({ type: 'alert', localPort: p, reasons: ['exposed'] }));
    child.kill('SIGTERM');

    // Marked as known, the same listener reopening raises nothing, while an unknown one does.
    expect(portscope(['baseline', 'save', '--data-dir', dir]).status).toBe(0);
    await new Promise<void>((r) => exposed.close(() => r()));
    const second = portscopeAsync(['watch', '--alert', '--data-dir', dir, '--interval', '250ms']);
    cleanups.push(() => second.kill('SIGKILL'));
    let out2 = '';
    second.stdout.setEncoding('utf8').on('data', (d: string) => (out2 += d));
    await waitUntil('second watch started', () => /watching \d+ sockets?/.test(out2));
    await bag.listen('0.0.0.0', { port: p });
    await waitUntil('reopened listener seen', () => new RegExp(`\\+ tcp 0\\.0\\.0\\.0:${p} `).test(out2));
    const other = await bag.listen('0.0.0.0');
    const q = (other.address() as net.AddressInfo).port;
    await waitUntil('alert for the unknown one', () => new RegExp(`! warning: New listener TCP 0\\.0\\.0\\.0:${q} `).test(out2));
    expect(out2).not.toMatch(new RegExp(`! warning: .*:${p} `));
  });
});
