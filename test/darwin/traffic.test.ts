// macOS byte counters: the rxbytes/txbytes columns netstat prints per socket, read from real
// captures (../shared/corpus) through the macOS adapter and the snapshotter, as on a Mac. The
// expected figures are read from the capture's raw text here, independently of the parser.
import { describe, expect, it } from 'vitest';
import { createDarwinAdapter, NETSTAT_ARGS } from '../../electron/engine/platform/darwin/adapter';
import { parseDarwinNetstat } from '../../electron/engine/platform/darwin/netstat';
import type { CommandRunner, RawSocket } from '../../electron/engine/platform/types';
import { SocketSnapshotter } from '../../electron/engine/sockets/snapshotter';
import { rowTraffic } from '../../electron/engine/sockets/traffic';
import { corpusMissingReason, corpusPresent, corpusText } from '../capture/corpus';

const TCP = `netstat ${NETSTAT_ARGS.tcp.join(' ')}`;
const UDP = `netstat ${NETSTAT_ARGS.udp.join(' ')}`;
/** netstat's answer on a Mac with no UDP socket (the corpus has no UDP -anv capture). */
const NO_UDP = 'Active Internet connections (including servers)\n';

/** Answers netstat from these texts (changeable between reads); ps is refused. Records when netstat ran. */
function runner(texts: { tcp: string; udp: string }) {
  const readAt: number[] = [];
  const run: CommandRunner = async (command, args) => {
    const line = [command, ...args].join(' ');
    if (line === TCP) readAt.push(performance.now());
    if (line === TCP) return { code: 0, stdout: texts.tcp, stderr: '' };
    if (line === UDP) return { code: 0, stdout: texts.udp, stderr: '' };
    return { code: 1, stdout: '', stderr: `${command}: not here` };
  };
  return { run, readAt };
}

/** The one ESTABLISHED line of the macOS 26 capture, split by whitespace: rxbytes and txbytes follow the state. */
function establishedLine(text: string): { line: string; rx: number; tx: number; localPort: number; remotePort: number } {
  const line = text.split('\n').find((l) => /\sESTABLISHED\s/.test(l))!;
  const t = line.trim().split(/\s+/);
  const at = t.indexOf('ESTABLISHED');
  return { line, rx: Number(t[at + 1]), tx: Number(t[at + 2]), localPort: Number(t[3]!.split('.').pop()), remotePort: Number(t[4]!.split('.').pop()) };
}

describe.skipIf(!corpusPresent)('macOS traffic counters from netstat rxbytes/txbytes', () => {
  it('macOS 26: an established connection carries its bytes (txbytes sent, rxbytes received), listeners none, no RTT', async () => {
    const tcp = corpusText('macos-netstat/macos26-netstat-anv-ptcp-process-pid.txt');
    const est = establishedLine(tcp);
    const adapter = createDarwinAdapter({ run: runner({ tcp, udp: NO_UDP }).run, elevated: false });
    const snap = await new SocketSnapshotter(adapter).take();
    const row = snap.rows.find((r) => r.state === 'ESTABLISHED' && r.localPort === est.localPort && r.remotePort === est.remotePort)!;
    expect(row).toEqual(
      expect.objectContaining({ bytesSent: est.tx, bytesReceived: est.rx, sendRate: null, receiveRate: null, rttMs: null, trafficUnavailable: null }),
    );
    for (const r of snap.rows.filter((x) => x.state === 'LISTEN')) expect(r).toEqual(expect.objectContaining({ bytesSent: null, trafficUnavailable: 'listener' }));
    // The process that holds it sums its sockets; the machine total is that connection alone.
    expect(snap.traffic.machine).toEqual({ bytesSent: est.tx, bytesReceived: est.rx, sendRate: 0, receiveRate: 0 });
    expect(snap.traffic.processes).toEqual([expect.objectContaining({ pid: row.pid, bytesSent: est.tx, bytesReceived: est.rx, connections: 1 })]);
    expect(adapter.capabilities().trafficCounters).toMatchObject({ available: true, note: expect.stringContaining('netstat -anvb') });
  });

  it('rates come from the shared rate code: bytes moved between two reads over the time between them', async () => {
    const tcp = corpusText('macos-netstat/macos26-netstat-anv-ptcp-process-pid.txt');
    const est = establishedLine(tcp);
    const texts = { tcp, udp: NO_UDP };
    const { run, readAt } = runner(texts);
    const snapshotter = new SocketSnapshotter(createDarwinAdapter({ run, elevated: false }));
    await snapshotter.take();
    await new Promise((r) => setTimeout(r, 400));
    // The same socket later: its counters grew by known amounts, the rest of the capture as it was.
    const moreRx = 40_000;
    const moreTx = 12_000;
    const grown = est.line.replace(/ESTABLISHED(\s+)(\d+)(\s+)(\d+)/, (_m, a: string, rx: string, b: string, tx: string) => {
      const r = String(Number(rx) + moreRx);
      const t = String(Number(tx) + moreTx);
      return `ESTABLISHED${a.slice(0, Math.max(1, a.length - (r.length - rx.length)))}${r}${b.slice(0, Math.max(1, b.length - (t.length - tx.length)))}${t}`;
    });
    expect(grown).not.toBe(est.line);
    texts.tcp = tcp.replace(est.line, grown);
    const snap = await snapshotter.take();
    const seconds = (readAt[1]! - readAt[0]!) / 1000;
    const row = snap.rows.find((r) => r.state === 'ESTABLISHED' && r.localPort === est.localPort)!;
    expect(row.bytesReceived).toBe(est.rx + moreRx);
    expect(row.bytesSent).toBe(est.tx + moreTx);
    // The snapshotter times the read itself, a few ms from when netstat was asked.
    expect(row.receiveRate! / (moreRx / seconds)).toBeGreaterThan(0.9);
    expect(row.receiveRate! / (moreRx / seconds)).toBeLessThan(1.1);
    expect(row.sendRate! / (moreTx / seconds)).toBeGreaterThan(0.9);
    expect(row.sendRate! / (moreTx / seconds)).toBeLessThan(1.1);
    expect(snap.traffic.processes[0]).toEqual(expect.objectContaining({ pid: row.pid, receiveRate: row.receiveRate, sendRate: row.sendRate }));
  });

  it('a netstat without the byte columns (the pre-15 -anv captures): connections say not-supported, and so does the capability', async () => {
    // This capture is `netstat -anv` without -b: what any netstat that prints no rxbytes/txbytes looks like.
    const tcp = corpusText('macos-netstat/netstat-anv-pid-epid-find-process-doc.txt');
    const adapter = createDarwinAdapter({ run: runner({ tcp, udp: NO_UDP }).run, elevated: false });
    const snap = await new SocketSnapshotter(adapter).take();
    const connections = snap.rows.filter((r) => r.state !== 'LISTEN');
    expect(connections.map((r) => r.state).sort()).toEqual(['CLOSE_WAIT', 'ESTABLISHED', 'ESTABLISHED']);
    for (const r of connections) expect(r).toEqual(expect.objectContaining({ bytesSent: null, bytesReceived: null, trafficUnavailable: 'not-supported' }));
    expect(adapter.capabilities().trafficCounters).toMatchObject({ available: false, note: expect.stringContaining('no rxbytes/txbytes columns') });
  });

  it('macOS counts UDP sockets too (10.14 netstat -Abn): UDP rows keep their bytes instead of "udp-not-counted"', () => {
    const text = corpusText('macos-netstat/macos10146-netstat-Abn-rxbytes.txt');
    // Independently from the raw lines: a udp row ends with its rxbytes and txbytes (`*.*`: no port yet, 0).
    const raw = text
      .split('\n')
      .filter((l) => /^\S+\s+\S+\s+udp/.test(l))
      .map((l) => l.trim().split(/\s+/))
      .map((t) => ({ port: Number(t[5]!.split('.').pop()!.replace('*', '0')), rx: Number(t[t.length - 2]), tx: Number(t[t.length - 1]) }));
    expect(raw.some((r) => r.rx > 0 && r.tx > 0)).toBe(true);
    const udp = parseDarwinNetstat(text).sockets.filter((s) => s.protocol === 'udp');
    expect(udp.map((s) => ({ port: s.localPort, rx: s.rxBytes, tx: s.txBytes }))).toEqual(raw);
    // Into a row through the shared code: counted, with the reason null.
    const s = udp.find((x) => (x.rxBytes ?? 0) > 0)!;
    const socket: RawSocket = { ...s, uid: null, inode: 0, traffic: { bytesSent: s.txBytes!, bytesReceived: s.rxBytes!, rttMs: null, tcpInfo: null } };
    expect(rowTraffic(socket, undefined, 0, 'not-supported')).toEqual(expect.objectContaining({ bytesSent: s.txBytes, bytesReceived: s.rxBytes, trafficUnavailable: null }));
    // Linux and Windows UDP sockets carry no counters: still the UDP reason.
    expect(rowTraffic({ ...socket, traffic: null }, undefined, 0, 'not-collected').trafficUnavailable).toBe('udp-not-counted');
  });

  it('with netstat gone, the lsof fallback has no counters: not-collected, and the capability says why', async () => {
    const run: CommandRunner = async (command) => {
      if (command === 'netstat') throw Object.assign(new Error('spawn netstat ENOENT'), { code: 'ENOENT' });
      if (command === 'lsof') return { code: 0, stdout: corpusText('macos-lsof/lsof-i-port-names-irdmi-clashx.txt'), stderr: '' };
      return { code: 1, stdout: '', stderr: '' };
    };
    const adapter = createDarwinAdapter({ run, elevated: false });
    const snap = await new SocketSnapshotter(adapter).take();
    const established = snap.rows.filter((r) => r.state === 'ESTABLISHED');
    expect(established.length).toBeGreaterThan(0);
    for (const r of established) expect(r).toEqual(expect.objectContaining({ bytesSent: null, trafficUnavailable: 'not-collected' }));
    expect(adapter.capabilities().trafficCounters).toMatchObject({ available: false, note: expect.stringContaining('lsof has none') });
  });
});

if (!corpusPresent) console.log(`darwin traffic: skipped: ${corpusMissingReason}`);
