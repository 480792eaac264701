import { describe, expect, it } from 'vitest';
import { parseSs, parseSsUsers } from '../../electron/engine/capture/ss';
import { parseProcNetCapture } from '../../electron/engine/capture/procNet';
import { parseProcPid } from '../../electron/engine/capture/procPid';
import { corpusFiles, corpusPresent, corpusText, countLines } from './corpus';

describe.skipIf(!corpusPresent)('ss on every real capture', () => {
  it.each(corpusFiles('ss'))('%s: one socket per tcp/udp row', (rel) => {
    const text = corpusText(rel);
    const r = parseSs(text);
    const netid = /^Netid/m.test(text);
    const rows = netid ? countLines(text, /^(tcp|udp)\s/) : countLines(text, /^(LISTEN|ESTAB|UNCONN|TIME-WAIT|SYN-SENT|CLOSE-WAIT)\s/);
    const skipped = r.warnings.filter((w) => w.startsWith('skipped')).reduce((n, w) => n + Number(/\((\d+) lines\)/.exec(w)?.[1] ?? 1), 0);
    expect(r.sockets.length + skipped).toBe(rows);
    expect(skipped).toBe(0);
  });

  it('new users:(("name",pid=,fd=)) form, uid: and ino: extras', () => {
    const r = parseSs(corpusText('ss/ubuntu1804-ss-tulpen-sudo.txt'));
    expect(r.sockets.find((s) => s.localPort === 5353 && s.family === 4)).toMatchObject({ protocol: 'udp', state: 'UNCONN', pid: 1510, processName: 'avahi-daemon', uid: 112, inode: 25147 });
    // A kernel socket (VXLAN 4789) has no users: no pid, but its inode.
    expect(r.sockets.find((s) => s.localPort === 4789)).toMatchObject({ pid: null, inode: 58296 });
    const one = parseSs(corpusText('ss/ss-tlnp-single-sshd-newer-header.txt'));
    expect(one.sockets).toEqual([
      { protocol: 'tcp', family: 4, localAddress: '0.0.0.0', localPort: 22, remoteAddress: '0.0.0.0', remotePort: 0, state: 'LISTEN', scopeId: null, pid: 1124, processName: 'sshd' },
    ]);
  });

  it('old users:(("sshd",1231,3)) form and :::111 addresses (RHEL 6)', () => {
    const r = parseSs(corpusText('ss/rhel6-ss-tupna-old-users-format.txt'));
    expect(r.sockets.find((s) => s.localPort === 111 && s.family === 6)).toMatchObject({ localAddress: '::', pid: 483, processName: 'rpcbind' });
    expect(r.sockets.find((s) => s.processName === 'sshd')!.pid).toBe(1231);
  });

  it('bracketed IPv6 with the scope outside ([fe80::…]%eth0:123), %virbr0 on IPv4, service names (ss without -n)', () => {
    const wide = parseSs(corpusText('ss/generic-ss-wide-cgroup.txt'));
    expect(wide.sockets.find((s) => s.scopeId === 'eth0' && s.localPort === 123)).toMatchObject({ family: 6, localAddress: 'fe80::9cc5:aeff:fec5:34ae', processName: 'ntpd' });
    const virbr = parseSs(corpusText('ss/rhel8-ss-tulpn-nonroot-virbr0-scope.txt'));
    expect(virbr.sockets.find((s) => s.localPort === 67)).toMatchObject({ localAddress: '0.0.0.0', scopeId: 'virbr0', pid: null });
    const names = parseSs(corpusText('ss/centos77-ss-a-sudo.txt'));
    expect(names.sockets.find((s) => s.localPort === 22 && s.family === 4)).toMatchObject({ state: 'LISTEN', localAddress: '0.0.0.0' });
    expect(names.sockets.find((s) => s.localPort === 68)).toMatchObject({ protocol: 'udp' });
    expect(names.sockets.filter((s) => s.state === 'ESTABLISHED').map((s) => [s.localPort, s.remotePort])).toContainEqual([22, 38134]);
  });

  it('several holders of one socket', () => {
    expect(parseSsUsers('users:(("nginx",pid=812,fd=6),("nginx",pid=813,fd=6))').map((u) => u.pid)).toEqual([812, 813]);
    const r = parseSs('State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\nLISTEN 0      511          0.0.0.0:80        0.0.0.0:*    users:(("nginx",pid=812,fd=6),("nginx",pid=813,fd=6))\n');
    expect(r.sockets[0]).toMatchObject({ pid: 812, otherPids: [813] });
  });
});

describe.skipIf(!corpusPresent)('/proc/net tables on every real capture', () => {
  const files = corpusFiles('linux-procnet', (f) => f.includes('proc-net'));
  it.each(files)('%s: every row read, or counted as broken', (rel) => {
    const text = corpusText(rel);
    const r = parseProcNetCapture(text, rel);
    const rows = countLines(text, /^\s*\d+:\s/);
    const broken = r.warnings.filter((w) => /could not be read/.test(w)).reduce((n, w) => n + Number(/^(\d+) row/.exec(w)?.[1] ?? 0), 0);
    expect(r.sockets.length + broken + (r.stoppedAt ? 1 : 0)).toBe(rows);
    for (const s of r.sockets) expect(s.inode).toBeGreaterThanOrEqual(0);
  });

  it('decodes real rows: jc tcp LISTEN and ESTABLISHED, RHEL 5 v4-mapped tcp6, udp from the file name', () => {
    const tcp = parseProcNetCapture(corpusText('linux-procnet/jc-proc-net-tcp.txt'), 'net_tcp');
    expect(tcp.sockets[0]).toMatchObject({ protocol: 'tcp', family: 4, state: 'LISTEN' });
    expect(tcp.sockets.some((s) => s.state === 'ESTABLISHED')).toBe(true);
    const udp = parseProcNetCapture(corpusText('linux-procnet/rhel5-server-proc-net-udp.txt'), 'udp');
    expect(udp.sockets.every((s) => s.protocol === 'udp')).toBe(true);
    const t6 = parseProcNetCapture(corpusText('linux-procnet/rhel5-server-proc-net-tcp6.txt'), 'tcp6');
    expect(t6.sockets.every((s) => s.family === 6)).toBe(true);
  });

  it('the deliberately broken udp fixture stops at its cut-off row', () => {
    const r = parseProcNetCapture(corpusText('linux-procnet/procfs-proc-net-udp-broken.txt'), 'udp_broken');
    expect(r.sockets).toHaveLength(0);
    expect(r.stoppedAt).toEqual({ line: 2, reason: expect.stringMatching(/cut off/) });
  });

  it('a table of TCP states named udp is read as TCP, with a warning', () => {
    const r = parseProcNetCapture(corpusText('linux-procnet/procfs-proc-net-udp.txt'), 'procfs-proc-net-udp.txt');
    expect(r.sockets.every((s) => s.protocol === 'tcp' && s.state === 'LISTEN')).toBe(true);
    expect(r.warnings.join(' ')).toMatch(/file name says UDP/);
  });
});

describe('/proc/net from this machine (real procfs)', () => {
  it('cat /proc/net/tcp /proc/net/tcp6 concatenated reads both tables', async () => {
    const fs = await import('node:fs');
    const text = fs.readFileSync('/proc/net/tcp', 'utf8') + fs.readFileSync('/proc/net/tcp6', 'utf8');
    const r = parseProcNetCapture(text);
    expect(r.sockets.length).toBe(countLines(text, /^\s*\d+:\s/));
    expect(r.sockets.every((s) => s.protocol === 'tcp')).toBe(true);
  });
});

describe.skipIf(!corpusPresent)('/proc/<pid>/stat and status on every real capture', () => {
  it.each(corpusFiles('linux-procnet', (f) => /-(stat|status)\.txt$/.test(f)))('%s: one process', (rel) => {
    const r = parseProcPid(corpusText(rel));
    expect(r.processes).toHaveLength(1);
    expect(r.stoppedAt).toBeUndefined();
  });

  it('names with spaces, newlines and a fake ") S 1 2 3" stay whole; status gives uid and ppid', () => {
    expect(parseProcPid(corpusText('linux-procnet/jc-proc-pid-stat-systemd.txt')).processes).toEqual([{ pid: 1, name: 'systemd', ppid: 0 }]);
    expect(parseProcPid(corpusText('linux-procnet/jc-proc-pid-stat-comm-paren-hack.txt')).processes![0]!.name).toContain(') S 1 2 3 4 5');
    expect(parseProcPid(corpusText('linux-procnet/jc-proc-pid-stat-comm-space-newline.txt')).processes![0]!.name).toMatch(/ |\n/);
    expect(parseProcPid(corpusText('linux-procnet/jc-proc-pid-status-systemd.txt')).processes).toEqual([{ pid: 1, name: 'systemd', ppid: 0, uid: 0 }]);
    expect(parseProcPid(corpusText('linux-procnet/procfs-proc-26231-status.txt')).processes![0]).toMatchObject({ pid: 26231, name: 'prometheus', ppid: 1 });
  });
});
