import { describe, expect, it } from 'vitest';
import { parseDarwinNetstat } from '../../electron/engine/platform/darwin/netstat';
import { corpusFiles, corpusPresent, corpusText, countLines } from './corpus';

const files = corpusFiles('macos-netstat', (f) => f.includes('netstat'));

describe.skipIf(!corpusPresent)('macOS netstat on every real capture', () => {
  it.each(files)('%s: every tcp/udp row read or accounted for in a warning', (rel) => {
    const text = corpusText(rel);
    const r = parseDarwinNetstat(text);
    const rows = countLines(text, /^(\S+\s+\S+\s+)?(tcp|udp)(4|6|46)\s/);
    const skipped = r.warnings.filter((w) => w.startsWith('skipped a row')).reduce((n, w) => n + Number(/\((\d+) lines\)/.exec(w)?.[1] ?? 1), 0);
    expect(r.sockets.length + skipped).toBe(rows);
    expect(r.sockets.length).toBeGreaterThan(0);
    for (const s of r.sockets) {
      if (s.protocol === 'udp') expect(['UNCONN', 'ESTABLISHED']).toContain(s.state);
      if (s.pid !== null) expect(s.pid).toBeGreaterThan(0);
    }
  });

  it('macOS 26 process:pid column: names with spaces and dots stay whole, pids are right', () => {
    const r = parseDarwinNetstat(corpusText('macos-netstat/macos26-netstat-anv-ptcp-process-pid.txt'));
    const at = (port: number, family: 4 | 6) => r.sockets.find((s) => s.localPort === port && s.family === family)!;
    expect(at(7679, 6)).toMatchObject({ localAddress: '::1', pid: 1341, processName: 'Google Drive', state: 'LISTEN' });
    expect(at(43257, 6)).toMatchObject({ localAddress: '::', pid: 1233, processName: 'io.tailscale.ipn' });
    expect(at(58400, 4)).toMatchObject({ pid: 57295, processName: 'ASOctaneSupportX', localAddress: '127.0.0.1' });
    expect(at(8021, 4)).toMatchObject({ pid: 1, processName: 'launchd' });
    const mysql = r.sockets.find((s) => s.state === 'ESTABLISHED')!;
    expect(mysql).toMatchObject({ localPort: 3306, remotePort: 52011, pid: 1441, processName: 'mysqld', rxBytes: 1024, txBytes: 2048 });
    expect(at(38123, 6)).toMatchObject({ dualStack: true, localAddress: '::' });
  });

  it('10.14–14 layout: pid from the pid column (not epid, not a counted position)', () => {
    const r = parseDarwinNetstat(corpusText('macos-netstat/netstat-anv-pid-epid-find-process-doc.txt'));
    expect(r.sockets.map((s) => s.pid)).toEqual([422, 36843, 40517, 61044, 61044]);
    expect(r.sockets[1]).toMatchObject({ state: 'CLOSE_WAIT', remoteAddress: '140.205.133.118', remotePort: 80 });
    const orb = parseDarwinNetstat(corpusText('macos-netstat/macos-sonoma-netstat-anv-ptcp-egrep-orbstack.txt'));
    expect(orb.sockets.map((s) => [s.localPort, s.pid])).toEqual([
      [80, 10521],
      [443, 10521],
    ]);
  });

  it('-A / -b layouts (Socket, Flowhash, rxbytes): no pid column means no pid; cut-short addresses are flagged', () => {
    const r = parseDarwinNetstat(corpusText('macos-netstat/macos10146-netstat-Abn-rxbytes.txt'));
    expect(r.sockets.every((s) => s.pid === null)).toBe(true);
    expect(r.sockets[0]).toMatchObject({ localAddress: '192.168.1.221', localPort: 5486, remoteAddress: '140.82.113.26', remotePort: 443, rxBytes: 4958, txBytes: 3996 });
    expect(r.warnings.join(' ')).toMatch(/cut short by netstat's column width/);
  });
});

describe('macOS netstat layouts without a capture in the corpus (from the documented header lines)', () => {
  // macOS 15 (Sequoia) inserted rxbytes/txbytes after (state) and kept pid/epid; the header
  // below is netstat -anv's, the values are made up to show the parser reads by name.
  const sequoia = [
    'Active Internet connections (including servers)',
    'Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)          rxbytes      txbytes  rhiwat  shiwat    pid   epid state  options           gencnt    flags   flags1 usscnt rtncnt fltrs',
    'tcp4       0      0  127.0.0.1.8080         127.0.0.1.50123        ESTABLISHED         1200          3400  408300  146988    812      0 00102 00000106 0000000000003d01 00000000 00000800      1      0 000000',
    'tcp6       0      0  *.5000                 *.*                    LISTEN                 0             0  131072  131072    724      0 00100 00000006 0000000000001616 00000001 00000800      1      0 000000',
    'udp4       0      0  *.5353                 *.*                                     77000          8000  786896    9216    401      0 00000 00000000 0000000000000a2b 00000000 00000000      1      0 000000',
    'udp6       0      0  fe80::1%lo0.123        *.*                                         0             0  786896    9216     90      0 00000 00000000 0000000000000a2c 00000000 00000000      1      0 000000',
    '',
    'Active LOCAL (UNIX) domain sockets',
    'Address          Type   Recv-Q Send-Q            Inode             Conn             Refs          Nextref Addr',
    'a1b2c3d4e5f60708 stream      0      0                0 a1b2c3d4e5f60709                0                0 /var/run/mDNSResponder',
  ].join('\n');

  it('macOS 15: rxbytes/txbytes inserted, pid still read from the pid column; UDP rows without a state', () => {
    const r = parseDarwinNetstat(sequoia);
    expect(r.sockets.map((s) => [s.protocol, s.localPort, s.pid, s.state])).toEqual([
      ['tcp', 8080, 812, 'ESTABLISHED'],
      ['tcp', 5000, 724, 'LISTEN'],
      ['udp', 5353, 401, 'UNCONN'],
      ['udp', 123, 90, 'UNCONN'],
    ]);
    expect(r.sockets[0]).toMatchObject({ rxBytes: 1200, txBytes: 3400 });
    expect(r.sockets[2]).toMatchObject({ rxBytes: 77000, txBytes: 8000 });
    expect(r.sockets[3]).toMatchObject({ localAddress: 'fe80::1', scopeId: 'lo0', family: 6 });
    expect(r.warnings).toEqual([]); // the unix-socket section is not read as internet rows
  });

  it('a row cut off at the end of the file is reported where it stopped', () => {
    const cut = `${sequoia.split('\n').slice(0, 4).join('\n')}\ntcp4       0      0  127.0.0.1.8081`;
    const r = parseDarwinNetstat(cut);
    expect(r.sockets).toHaveLength(2);
    expect(r.stoppedAt?.line).toBe(5);
  });
});
