// The macOS adapter driven by real captured macOS outputs (../shared/corpus), answered by a
// command runner in place of the Mac that printed them. The adapter, its parsers and the
// snapshotter run as they do on macOS; only the commands' answers come from the captures.
import { describe, expect, it } from 'vitest';
import { createDarwinAdapter } from '../../electron/engine/platform/darwin/adapter';
import type { CommandRunner } from '../../electron/engine/platform/types';
import { SocketSnapshotter } from '../../electron/engine/sockets/snapshotter';
import { Engine } from '../../electron/engine/service';
import { countLines, corpusMissingReason, corpusPresent, corpusText } from '../capture/corpus';

// The adapter asks `netstat -anvb` (-b: the byte columns on releases before 15). The captures are
// `-anv`: on 26 both print the same; the older ones lack the byte columns, as a netstat without
// them would (test/darwin/traffic.test.ts checks the counters).

/** What `netstat -anv -p udp` prints on a Mac with no UDP socket: the corpus has no UDP -anv capture. */
const NO_UDP = 'Active Internet connections (including servers)\n';

type Answer = string | { code: number; stderr: string } | Error;

/** A runner that answers each command line from a table, and records what it was asked. */
function runnerFrom(answers: Record<string, Answer>) {
  const asked: Array<{ line: string; env?: Readonly<Record<string, string>> }> = [];
  const run: CommandRunner = async (command, args, options) => {
    const line = [command, ...args].join(' ');
    asked.push({ line, env: options?.env });
    const a = answers[line] ?? answers[command];
    if (a === undefined) return { code: 1, stdout: '', stderr: `${command}: not expected here` };
    if (a instanceof Error) throw a;
    if (typeof a === 'string') return { code: 0, stdout: a, stderr: '' };
    return { code: a.code, stdout: '', stderr: a.stderr };
  };
  return { run, asked };
}

const enoent = () => Object.assign(new Error('spawn netstat ENOENT'), { code: 'ENOENT' });

describe.skipIf(!corpusPresent)('macOS adapter on captured outputs', () => {
  it('macOS 26 netstat -anv (process:pid column): every socket with its owner, names with spaces kept whole', async () => {
    const tcp = corpusText('macos-netstat/macos26-netstat-anv-ptcp-process-pid.txt');
    const { run, asked } = runnerFrom({ 'netstat -anvb -p tcp': tcp, 'netstat -anvb -p udp': NO_UDP, ps: { code: 1, stderr: 'ps: operation not permitted' } });
    const snap = await new SocketSnapshotter(createDarwinAdapter({ run, elevated: false })).take();
    expect(snap.rows).toHaveLength(countLines(tcp, /^tcp(4|6|46)\s/));
    const at = (address: string, port: number) => snap.rows.filter((r) => r.localAddress === address && r.localPort === port && r.state === 'LISTEN');
    expect(at('127.0.0.1', 3306)).toEqual([expect.objectContaining({ family: 4, pid: 1441, processName: 'mysqld', ownerStatus: 'known' })]);
    expect(snap.rows.filter((r) => r.state === 'ESTABLISHED')).toContainEqual(
      expect.objectContaining({ localAddress: '127.0.0.1', localPort: 3306, remoteAddress: '127.0.0.1', remotePort: 52011, pid: 1441 }),
    );
    // tcp46: one IPv6 socket that takes IPv4 too.
    expect(at('::', 38123)).toEqual([expect.objectContaining({ family: 6, dualStack: true, pid: 59043, processName: 'node' })]);
    expect(at('::1', 7679)).toEqual([expect.objectContaining({ pid: 1341, processName: 'Google Drive' })]);
    expect(at('*', 55614)).toEqual([]);
    expect(at('0.0.0.0', 55614)).toEqual([expect.objectContaining({ pid: 1233, processName: 'io.tailscale.ipn', exposure: 'all' })]);
    expect(at('127.0.0.1', 8021)).toEqual([expect.objectContaining({ pid: 1, processName: 'launchd' })]);
    expect(snap.rows.every((r) => r.ownerStatus === 'known' && r.pid !== null && r.socketUid === null && r.inode === 0)).toBe(true);
    // ps was refused: names come from netstat, the details say why they are missing.
    expect(snap.warnings).toContain('process details unavailable: ps exited 1: ps: operation not permitted');
    expect(snap.processes.get(1441)?.unavailable).toContainEqual({ field: 'commandLine', reason: 'ps could not run' });
    // ps ran in the C locale (lstart is locale-formatted otherwise).
    expect(asked.filter((a) => a.line.startsWith('ps ')).map((a) => a.env)).toEqual([{ LC_ALL: 'C' }, { LC_ALL: 'C' }]);
  });

  it('Sonoma netstat -anv (pid/epid columns) with that machine’s ps: owner details from ps', async () => {
    const ps = corpusText('macos-netstat/macos-ps-fp-orbstack-helper-spaces.txt');
    const { run } = runnerFrom({
      'netstat -anvb -p tcp': corpusText('macos-netstat/macos-sonoma-netstat-anv-ptcp-egrep-orbstack.txt'),
      'netstat -anvb -p udp': NO_UDP,
      ps,
    });
    const adapter = createDarwinAdapter({ run, elevated: false });
    const snap = await new SocketSnapshotter(adapter).take();
    expect(snap.rows.map((r) => [r.localAddress, r.localPort, r.state, r.pid])).toEqual([
      ['0.0.0.0', 80, 'LISTEN', 10521],
      ['0.0.0.0', 443, 'LISTEN', 10521],
    ]);
    const helper = snap.processes.get(10521)!;
    expect(helper).toEqual(
      expect.objectContaining({ pid: 10521, ppid: 1, uid: 501, commandLine: expect.stringContaining('OrbStack Helper vmgr -build-id 339077377 -handoff') }),
    );
    expect(snap.rows[0]!.processName).toBe(helper.name);
  });

  it('10.14-era netstat -anv: pids from the pid column, never from epid', async () => {
    const { run } = runnerFrom({
      'netstat -anvb -p tcp': corpusText('macos-netstat/netstat-anv-pid-epid-find-process-doc.txt'),
      'netstat -anvb -p udp': NO_UDP,
      ps: { code: 1, stderr: '' },
    });
    const snap = await new SocketSnapshotter(createDarwinAdapter({ run })).take();
    expect(snap.rows.find((r) => r.localPort === 55669)).toEqual(expect.objectContaining({ remoteAddress: '10.20.13.51', remotePort: 8000, state: 'ESTABLISHED', pid: 422 }));
    expect(snap.rows.find((r) => r.localPort === 55663)).toEqual(expect.objectContaining({ state: 'CLOSE_WAIT', pid: 36843 }));
    expect(snap.rows.filter((r) => r.localPort === 443)).toEqual([expect.objectContaining({ localAddress: '::', dualStack: true, pid: 61044 })]);
  });

  it('without netstat, falls back to lsof and says that without sudo it sees only this user', async () => {
    const { run, asked } = runnerFrom({
      netstat: enoent(),
      lsof: corpusText('macos-lsof/lsof-i-port-names-irdmi-clashx.txt'),
      ps: { code: 1, stderr: '' },
    });
    const engine = new Engine({ adapter: createDarwinAdapter({ run, elevated: false }) });
    const snap = await engine.handlers['sockets.snapshot']({});
    expect(asked.map((a) => a.line)).toContain('lsof -nP -iTCP -iUDP -F pcuLRftPnT');
    expect(snap.warnings.join('\n')).toMatch(/lsof, which without sudo lists only this user's sockets/);
    // Port names (irdmi = 8000) resolved, as lsof without -P printed them.
    expect(snap.rows.filter((r) => r.state === 'LISTEN')).toEqual([expect.objectContaining({ family: 6, localPort: 8000, pid: 2268, processName: 'node' })]);
    expect(snap.rows.filter((r) => r.state === 'ESTABLISHED').map((r) => [r.localPort, r.remotePort, r.pid])).toEqual([
      [49626, 8000, 717],
      [49529, 8000, 717],
    ]);
    const hello = await engine.handlers['contract.hello']({ version: '1.0.0' });
    expect(hello.capabilities?.processDetails).toMatchObject({ available: false, note: expect.stringMatching(/sudo/) });
    engine.dispose();
  });
});

if (!corpusPresent) console.log(`darwin adapter: skipped: ${corpusMissingReason}`);
