import { describe, expect, it } from 'vitest';
import { parseLsofFields, parseLsofText } from '../../electron/engine/platform/darwin/lsof';
import { mergePs, parseLstart, parsePs, PS_COMMAND_ARGS, PS_DETAILS_ARGS } from '../../electron/engine/platform/darwin/ps';
import { corpusFiles, corpusPresent, corpusText, countLines } from './corpus';

describe.skipIf(!corpusPresent)('lsof text on every real capture', () => {
  it.each(corpusFiles('macos-lsof'))('%s: one socket per TCP/UDP line', (rel) => {
    const text = corpusText(rel);
    const r = parseLsofText(text);
    expect(r.sockets.length).toBe(countLines(text, /\s(TCP|UDP)\s/));
    expect(r.sockets.every((s) => s.pid !== null && s.processName)).toBe(true);
  });

  it('names without -n -P: localhost becomes loopback, irdmi becomes 8000, with a warning', () => {
    const r = parseLsofText(corpusText('macos-lsof/lsof-i-port-names-irdmi-clashx.txt'));
    expect(r.sockets[0]).toMatchObject({ processName: 'ClashX', pid: 717, localAddress: '127.0.0.1', localPort: 49626, remotePort: 8000, state: 'ESTABLISHED' });
    expect(r.sockets[2]).toMatchObject({ processName: 'node', pid: 2268, family: 6, localAddress: '::', localPort: 8000, state: 'LISTEN' });
    expect(r.processes!.find((p) => p.pid === 717)!.user).toBe('debugger');
    expect(r.warnings.join(' ')).toMatch(/names/);
  });

  it('headerless lines: TCP listener and an unconnected UDP socket', () => {
    const r = parseLsofText(corpusText('macos-lsof/lsof-node-tcp-listen-udp-2lines.txt'));
    expect(r.sockets.map((s) => [s.protocol, s.localAddress, s.localPort, s.state, s.pid])).toEqual([
      ['tcp', '0.0.0.0', 20559, 'LISTEN', 31833],
      ['udp', '0.0.0.0', 20560, 'UNCONN', 31833],
    ]);
  });
});

describe('lsof -F (no capture in the corpus: built from lsof(8) "OUTPUT FOR OTHER PROGRAMS")', () => {
  // What `lsof -nP -iTCP -iUDP -F pcuLRftdPnT` prints: a process set, then one set per file.
  const fields = [
    'p812', 'cnginx', 'u0', 'Lroot', 'R1',
    'f6', 'tIPv4', 'd0x1e3974784243b283', 'PTCP', 'n*:80', 'TST=LISTEN', 'TQR=0', 'TQS=0',
    'f7', 'tIPv6', 'd0x1e3974784243b284', 'PTCP', 'n[::1]:8080->[::1]:50000', 'TST=ESTABLISHED',
    'p813', 'cnginx', 'u33', 'Lwww-data', 'R812',
    'f6', 'tIPv4', 'd0x1e3974784243b283', 'PTCP', 'n*:80', 'TST=LISTEN',
    'p90', 'cmDNSResponder', 'u65', 'L_mdnsresponder',
    'f8', 'tIPv4', 'd0xabc', 'PUDP', 'n*:5353',
    'f9', 'tIPv6', 'd0xabd', 'PUDP', 'n[fe80:4::1]:5353',
  ];

  it('reads processes and sockets; a listener shared by forks is one socket with both pids', () => {
    const r = parseLsofFields(`${fields.join('\n')}\n`);
    expect(r.sockets.map((s) => [s.protocol, s.family, s.localAddress, s.localPort, s.remotePort, s.state, s.pid])).toEqual([
      ['tcp', 4, '0.0.0.0', 80, 0, 'LISTEN', 812],
      ['tcp', 6, '::1', 8080, 50000, 'ESTABLISHED', 812],
      ['udp', 4, '0.0.0.0', 5353, 0, 'UNCONN', 90],
      ['udp', 6, 'fe80:4::1', 5353, 0, 'UNCONN', 90],
    ]);
    expect(r.sockets[0]!.otherPids).toEqual([813]);
    expect(r.sockets[0]!.uid).toBe(0);
    expect(r.processes!.find((p) => p.pid === 813)).toMatchObject({ name: 'nginx', user: 'www-data', uid: 33, ppid: 812 });
  });

  it('NUL-terminated fields (-F0) read the same', () => {
    const nul = parseLsofFields(`${fields.join('\0\n')}\0\n`);
    expect(nul.sockets).toEqual(parseLsofFields(fields.join('\n')).sockets);
  });
});

describe.skipIf(!corpusPresent)('ps on every real capture', () => {
  it.each(corpusFiles('macos-netstat', (f) => f.includes('-ps-')))('%s: one process per row, command lines whole', (rel) => {
    const text = corpusText(rel);
    const r = parsePs(text);
    expect(r.processes!.length).toBe(countLines(text, /^\s*\S+\s+\d+\s/) );
    for (const p of r.processes!) expect(p.commandLine && p.commandLine.length > 0).toBe(true);
  });

  it('ps -fp: the command line with spaces in the path stays whole', () => {
    const r = parsePs(corpusText('macos-netstat/macos-ps-fp-orbstack-helper-spaces.txt'));
    expect(r.processes![0]).toMatchObject({ pid: 10521, ppid: 1, uid: 501 });
    expect(r.processes![0]!.commandLine).toBe('/Applications/OrbStack.app/Contents/MacOS/../Frameworks/OrbStack Helper.app/Contents/MacOS/OrbStack Helper vmgr -build-id 339077377 -handoff');
  });

  it('ps axu: user names, one-word START', () => {
    const r = parsePs(corpusText('macos-netstat/macos10116-ps-axu.txt'));
    expect(r.processes![0]).toMatchObject({ pid: 568, user: 'kelly', name: 'codesign', commandLine: '/usr/bin/codesign --verify --deep /Applications/Microsoft PowerPoint.app' });
  });
});

describe('the ps runs the macOS adapter makes (LC_ALL=C; layout from ps(1), values made up)', () => {
  it('lstart as five words, comm as a path with spaces, merged with the command run', () => {
    expect(PS_DETAILS_ARGS.join(' ')).toBe('-axww -o pid,ppid,uid,user,lstart,comm');
    expect(PS_COMMAND_ARGS.join(' ')).toBe('-axww -o pid,command');
    const details = parsePs(
      '  PID  PPID   UID USER             STARTED                      COMM\n' +
        '    1     0     0 root             Mon Dec  1 09:02:11 2025     /sbin/launchd\n' +
        '10521     1   501 kelly            Tue Dec  2 12:35:00 2025     /Applications/OrbStack.app/Contents/Frameworks/OrbStack Helper.app/Contents/MacOS/OrbStack Helper\n',
    ).processes!;
    const commands = parsePs('  PID COMMAND\n    1 /sbin/launchd\n10521 /Applications/OrbStack.app/Contents/Frameworks/OrbStack Helper.app/Contents/MacOS/OrbStack Helper vmgr -handoff\n').processes!;
    const merged = mergePs(details, commands);
    expect(merged[1]).toMatchObject({
      pid: 10521,
      ppid: 1,
      uid: 501,
      user: 'kelly',
      name: 'OrbStack Helper',
      exe: '/Applications/OrbStack.app/Contents/Frameworks/OrbStack Helper.app/Contents/MacOS/OrbStack Helper',
      startTime: '2025-12-02T12:35:00',
      commandLine: '/Applications/OrbStack.app/Contents/Frameworks/OrbStack Helper.app/Contents/MacOS/OrbStack Helper vmgr -handoff',
    });
    expect(merged[0]!.startTime).toBe('2025-12-01T09:02:11');
    expect(parseLstart(['Mon', 'Foo', '1', '09:02:11', '2025'])).toBeNull();
  });
});
