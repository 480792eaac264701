import { describe, expect, it } from 'vitest';
import { parseWindowsNetstat } from '../../electron/engine/platform/windows/netstat';
import type { CapturedSocket } from '../../electron/engine/capture/types';
import { corpusFiles, corpusPresent, corpusText, countLines } from './corpus';

const files = corpusFiles('windows-netstat');
const find = (rows: CapturedSocket[], p: Partial<CapturedSocket>) =>
  rows.filter((r) => Object.entries(p).every(([k, v]) => (r as unknown as Record<string, unknown>)[k] === v));

describe.skipIf(!corpusPresent)('Windows netstat on every real capture', () => {
  it.each(files)('%s: one socket per TCP/UDP row, none dropped, ports and states valid', (rel) => {
    const text = corpusText(rel);
    const r = parseWindowsNetstat(text);
    const rows = countLines(text, /^\s*(TCP|UDP)\s+\S+\s+\S+/);
    expect(r.sockets.length).toBe(rows);
    expect(r.stoppedAt).toBeUndefined();
    for (const s of r.sockets) {
      expect(s.localPort).toBeGreaterThanOrEqual(0);
      expect(s.localPort).toBeLessThanOrEqual(65535);
      if (s.protocol === 'udp') expect(['UNCONN', 'ESTABLISHED']).toContain(s.state);
      // A listener is whatever has no remote end, whatever the state word said.
      if (s.protocol === 'tcp' && s.remotePort === 0) expect(s.state).toBe('LISTEN');
    }
    // Every row whose remote end is 0.0.0.0:0 or [::]:0 is a listener: count them in the raw text.
    const listeners = countLines(text, /^\s*TCP\s+\S+\s+(0\.0\.0\.0:0|\[::\]:0)\s/);
    expect(r.sockets.filter((s) => s.state === 'LISTEN').length).toBe(listeners);
  });

  it('German (ABHÖREN, HERGESTELLT, WARTEND, SYN_GESENDET, SCHLIESSEN_WARTEN) from a UTF-16 PowerShell redirect', () => {
    const r = parseWindowsNetstat(corpusText('windows-netstat/de-DE-netstat-ano-utf16le-bom-full.txt'));
    const by = (state: string) => r.sockets.filter((s) => s.protocol === 'tcp' && s.state === state).length;
    // Counts of each word in the file (PROVENANCE: ABHÖREN 72, HERGESTELLT 118, WARTEND 122, SYN_GESENDET 3, SCHLIESSEN_WARTEN 1).
    expect(by('LISTEN')).toBe(72);
    expect(by('ESTABLISHED')).toBe(118);
    expect(by('TIME_WAIT')).toBe(122);
    expect(by('SYN_SENT')).toBe(3);
    expect(by('CLOSE_WAIT')).toBe(1);
    expect(r.sockets.filter((s) => s.protocol === 'udp').length).toBe(104);
    expect(find(r.sockets, { localPort: 3000, state: 'LISTEN' })[0]).toMatchObject({ localAddress: '0.0.0.0', pid: 36352, family: 4 });
    expect(r.warnings).toEqual([]);
  });

  it('German Windows 11: TIME_WAIT (WARTEND) with pid 0 has no owner; pid 4 is System', () => {
    const r = parseWindowsNetstat(corpusText('windows-netstat/de-DE-win11-netstat-ano-qontinui.txt'));
    expect(find(r.sockets, { localPort: 57700 })[0]).toMatchObject({ state: 'TIME_WAIT', pid: null, remotePort: 9876 });
    expect(find(r.sockets, { localPort: 445, family: 6 })[0]).toMatchObject({ localAddress: '::', state: 'LISTEN', pid: 4, processName: 'System' });
    expect(find(r.sockets, { localPort: 5353 })[0]).toMatchObject({ protocol: 'udp', state: 'UNCONN', pid: 3120 });
  });

  it('IPv6 link-local rows keep their scope id; UDP [::]:port is an IPv6 any-address', () => {
    const r = parseWindowsNetstat(corpusText('windows-netstat/en-win10-netstat-aon-ipv6-udp.txt'));
    const scoped = r.sockets.filter((s) => s.scopeId !== null);
    expect(scoped.length).toBe(countLines(corpusText('windows-netstat/en-win10-netstat-aon-ipv6-udp.txt'), /^\s*(TCP|UDP)\s+\[[^\]]*%\d+\]/));
    expect(scoped.length).toBeGreaterThan(0);
    for (const s of scoped) {
      expect(s.family).toBe(6);
      expect(s.localAddress).not.toContain('%');
      expect(s.scopeId).toMatch(/^\d+$/);
    }
  });

  it('-b: the [exe] line names the owner, a service line above it is added, "Can not obtain" leaves it unknown', () => {
    const r = parseWindowsNetstat(corpusText('windows-netstat/en-win10-netstat-aonb.txt'));
    expect(find(r.sockets, { localPort: 135, family: 4 })[0]).toMatchObject({ pid: 1712, processName: 'svchost.exe (RpcSs)' });
    expect(find(r.sockets, { localPort: 443, family: 4, state: 'LISTEN' })[0]).toMatchObject({ pid: 9396, processName: 'vmware-hostd.exe' });
    expect(find(r.sockets, { localPort: 445, family: 4 })[0]).toMatchObject({ pid: 4, processName: 'System' });
  });

  it('French -anb (no pid column): owners come from the [exe] lines; the French "Impossible d’obtenir" line leaves none', () => {
    const r = parseWindowsNetstat(corpusText('windows-netstat/fr-FR-netstat-anb-ipv6-udp.txt'));
    expect(r.sockets.every((s) => s.pid === null)).toBe(true);
    expect(find(r.sockets, { localPort: 135, family: 4 })[0]!.processName).toBe('svchost.exe (RpcSs)');
    expect(find(r.sockets, { localPort: 445, family: 4 })[0]!.processName).toBeNull();
    expect(find(r.sockets, { localPort: 902, family: 4 })[0]!.processName).toBe('vmware-authd.exe');
  });

  it('French UTF-16 capture whose header has no PID heading still yields pids', () => {
    const r = parseWindowsNetstat(corpusText('windows-netstat/fr-FR-netstat-ano-utf16le-bom-no-pid-header.txt'));
    expect(find(r.sockets, { localPort: 21, state: 'LISTEN' })[0]).toMatchObject({ pid: 4900, localAddress: '0.0.0.0' });
    expect(find(r.sockets, { localPort: 1521 })[0]!.pid).toBe(5296);
  });

  it('Russian: the connected UDP row 127.0.0.1:53523 -> 127.0.0.1:53523 is ESTABLISHED, %9 scope kept', () => {
    const text = corpusText('windows-netstat/ru-RU-netstat-ano-utf8-lf.txt');
    const r = parseWindowsNetstat(text);
    const connected = find(r.sockets, { protocol: 'udp', localPort: 53523, localAddress: '127.0.0.1' });
    expect(connected[0]).toMatchObject({ state: 'ESTABLISHED', remoteAddress: '127.0.0.1', remotePort: 53523 });
    expect(r.sockets.some((s) => s.scopeId === '9')).toBe(true);
  });

  it('Spanish UTF-16 (headers misaligned with data), Chinese headers, headerless findstr output', () => {
    const es = parseWindowsNetstat(corpusText('windows-netstat/es-ES-netstat-ano-utf16le-bom.txt'));
    expect(find(es.sockets, { localPort: 3306, state: 'LISTEN' })[0]).toMatchObject({ pid: 6676 });
    const zh = parseWindowsNetstat(corpusText('windows-netstat/zh-CN-netstat-ano-find-process-doc.txt'));
    expect(find(zh.sockets, { localPort: 80 })[0]).toMatchObject({ pid: 2288, state: 'LISTEN' });
    const three = parseWindowsNetstat(corpusText('windows-netstat/en-netstat-aon-findstr-listening-3rows.txt'));
    expect(three.sockets.map((s) => `${s.localAddress}:${s.localPort}/${s.pid}`)).toEqual(['127.0.0.1:80/5760', '127.0.0.1:8025/5760', '127.0.0.1:8036/5760']);
  });

  it('plain netstat with resolved names: ports from service names, names kept, and a warning says so', () => {
    const r = parseWindowsNetstat(corpusText('windows-netstat/en-corp-netstat-b-resolved-names.txt'));
    const gc = r.sockets.find((s) => s.remoteAddress === 'chi02legaldc01');
    expect(gc).toMatchObject({ remotePort: 3268, localAddress: '10.46.88.66', localPort: 50111, processName: 'CiscoJabber.exe' });
    expect(r.sockets.find((s) => s.remoteAddress === 'access429')!.remotePort).toBe(443);
    expect(r.warnings.join(' ')).toMatch(/names instead of numbers/);
  });
});

describe('Windows netstat edge cases (built from the documented row format)', () => {
  it('a capture cut off mid-row shows what was read and where it stopped', () => {
    const text = '\r\nActive Connections\r\n\r\n  Proto  Local Address          Foreign Address        State           PID\r\n  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1712\r\n  TCP    10.0.0.5:50000         10.0.0';
    const r = parseWindowsNetstat(text);
    expect(r.sockets).toHaveLength(1);
    expect(r.stoppedAt).toEqual({ line: 6, reason: expect.stringMatching(/incomplete/) });
  });

  it('a localized state word it does not know on a listener still gives LISTEN (told by the remote end)', () => {
    const r = parseWindowsNetstat('  TCP    0.0.0.0:8080           0.0.0.0:0              NASŁUCHUJE      100\n  TCP    10.0.0.1:1             10.0.0.2:2             ZZZ             5\n');
    expect(r.sockets[0]!.state).toBe('LISTEN');
    expect(r.sockets[1]!.state).toBe('ESTABLISHED');
    expect(r.warnings.join(' ')).toMatch(/unknown state word "ZZZ"/);
  });
});
