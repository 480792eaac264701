import { describe, expect, it } from 'vitest';
import {
  completeName,
  joinCommandLine,
  parseBootTime,
  parseCgroup,
  parsePasswd,
  parseStat,
  parseStatusUid,
  socketInode,
  splitCmdline,
} from '../../electron/engine/platform/linux/procParsers';
import { parseSsV6Only } from '../../electron/engine/platform/linux/dualStack';

describe('parseStat', () => {
  it('takes the name between the first ( and the last ), whatever it contains', () => {
    const line = '4356 (my (odd) name) S 4300 4356 4300 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 7 0 123456 1000 100 18446744073709551615';
    expect(parseStat(line)).toEqual({ comm: 'my (odd) name', state: 'S', ppid: 4300, startTicks: 123456 });
  });
  it('returns null for truncated input', () => {
    expect(parseStat('12 (x')).toBeNull();
    expect(parseStat('12 (x) S')).toBeNull();
  });
});

describe('small procfs files', () => {
  it('reads the real uid, boot time, cmdline and socket links', () => {
    expect(parseStatusUid('Name:\tx\nUid:\t1000\t0\t0\t0\nGid:\t0\n')).toBe(1000);
    expect(parseStatusUid('Name:\tx\n')).toBeNull();
    expect(parseBootTime('cpu 1 2\nbtime 1763683200\n')).toBe(1763683200);
    expect(splitCmdline(Buffer.from('node\0-e\0a b\0'))).toEqual(['node', '-e', 'a b']);
    expect(splitCmdline(Buffer.alloc(0))).toEqual([]);
    expect(socketInode('socket:[12345]')).toBe(12345);
    expect(socketInode('pipe:[12345]')).toBe(-1);
    expect(socketInode('socket:[abc]')).toBe(-1);
  });

  it('quotes command-line arguments only where a shell would need it', () => {
    expect(joinCommandLine(['nginx', '-g', 'daemon off;'])).toBe("nginx -g 'daemon off;'");
    expect(joinCommandLine(['x', "it's"])).toBe(`x 'it'\\''s'`);
    expect(joinCommandLine(['a', ''])).toBe("a ''");
  });

  it('maps uids to names from passwd', () => {
    const users = parsePasswd('root:x:0:0:root:/root:/bin/bash\n# comment\nbad\nnobody:x:65534:65534::/:/usr/sbin/nologin\n');
    expect(users.get(0)).toBe('root');
    expect(users.get(65534)).toBe('nobody');
    expect(users.size).toBe(2);
  });
});

describe('parseCgroup', () => {
  it('finds the systemd unit on cgroup v2', () => {
    expect(parseCgroup('0::/system.slice/ssh.service\n')).toEqual({ unit: 'ssh.service', container: null });
    expect(parseCgroup('0::/user.slice/user-1000.slice/user@1000.service/app.slice/app-gnome-firefox-1234.scope\n')).toEqual({
      unit: 'user@1000.service',
      container: null,
    });
  });
  it('finds docker and podman containers', () => {
    const id = '4f1c2a9b8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3';
    expect(parseCgroup(`0::/system.slice/docker-${id}.scope\n`)).toEqual({ unit: null, container: 'docker:4f1c2a9b8e7d' });
    expect(parseCgroup(`12:cpu,cpuacct:/docker/${id}\n1:name=systemd:/docker/${id}\n`).container).toBe('docker:4f1c2a9b8e7d');
    expect(parseCgroup(`0::/machine.slice/libpod-${id}.scope/container\n`).container).toBe('podman:4f1c2a9b8e7d');
  });
  it('says nothing for the root cgroup or garbage', () => {
    expect(parseCgroup('0::/\n')).toEqual({ unit: null, container: null });
    expect(parseCgroup('garbage')).toEqual({ unit: null, container: null });
  });
});

describe('completeName', () => {
  it('restores names the kernel cut at 15 bytes', () => {
    expect(completeName('grafana-server-', '/usr/sbin/grafana-server-bin', [])).toBe('grafana-server-bin');
    expect(completeName('systemd-resolve', '/usr/lib/systemd/systemd-resolved', [])).toBe('systemd-resolved');
    expect(completeName('short', '/usr/bin/other', [])).toBe('short');
    expect(completeName('abcdefghijklmno', null, ['/x/abcdefghijklmnopq'])).toBe('abcdefghijklmnopq');
    expect(completeName('abcdefghijklmno', '/x/unrelated', ['zzz'])).toBe('abcdefghijklmno');
  });
});

describe('parseSsV6Only', () => {
  it('reads v6only per inode from ss -e output', () => {
    const text =
      'udp UNCONN 0 0 *:41003 *:* ino:8033 sk:1 cgroup:/ v6only:0 <->\n' +
      'tcp LISTEN 0 511 [::]:41002 [::]:* ino:8032 sk:3 cgroup:/ v6only:1 <->\n' +
      'tcp LISTEN 0 511 [::]:41009 [::]:* ino:8039 sk:3\n';
    expect([...parseSsV6Only(text)]).toEqual([
      [8033, true],
      [8032, false],
    ]);
  });
});
