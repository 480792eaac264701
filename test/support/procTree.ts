import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Builds a fake procfs tree on disk, so the real Linux adapter can be pointed at it. */
export class ProcTree {
  readonly root: string;
  readonly etc: string;

  constructor() {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'portscope-proc-'));
    this.root = path.join(base, 'proc');
    this.etc = path.join(base, 'etc');
    fs.mkdirSync(path.join(this.root, 'net'), { recursive: true });
    fs.mkdirSync(this.etc);
    fs.writeFileSync(path.join(this.etc, 'passwd'), 'root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/sh\n');
    fs.writeFileSync(path.join(this.root, 'stat'), 'cpu 0 0 0 0\nbtime 1700000000\n');
    for (const t of ['tcp', 'tcp6', 'udp', 'udp6']) this.table(t, []);
  }

  table(name: string, lines: string[]): this {
    const header = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
    fs.writeFileSync(path.join(this.root, 'net', name), header + lines.map((l, i) => `  ${i}: ${l}\n`).join(''));
    return this;
  }

  process(pid: number, p: { comm: string; ppid?: number; uid?: number; args?: string[]; exe?: string; cgroup?: string; sockets?: number[]; startTicks?: number }): this {
    const dir = path.join(this.root, String(pid));
    fs.mkdirSync(path.join(dir, 'fd'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'stat'), `${pid} (${p.comm}) S ${p.ppid ?? 1} ${pid} ${pid} 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 ${p.startTicks ?? 500} 0 0\n`);
    fs.writeFileSync(path.join(dir, 'status'), `Name:\t${p.comm}\nUid:\t${p.uid ?? 0}\t${p.uid ?? 0}\t0\t0\n`);
    fs.writeFileSync(path.join(dir, 'cmdline'), (p.args ?? []).map((a) => `${a}\0`).join(''));
    fs.writeFileSync(path.join(dir, 'cgroup'), p.cgroup ?? '0::/\n');
    if (p.exe) fs.symlinkSync(p.exe, path.join(dir, 'exe'));
    (p.sockets ?? []).forEach((inode, i) => fs.symlinkSync(`socket:[${inode}]`, path.join(dir, 'fd', String(i + 3))));
    fs.symlinkSync('/dev/null', path.join(dir, 'fd', '0'));
    return this;
  }

  /** A pid folder whose fd table is gone (the process exited mid-walk). */
  vanished(pid: number): this {
    fs.mkdirSync(path.join(this.root, String(pid)), { recursive: true });
    return this;
  }

  remove(): void {
    fs.rmSync(path.dirname(this.root), { recursive: true, force: true });
  }
}

/** An IPv4 endpoint as /proc/net/tcp prints it on little-endian machines. */
export function hex4(address: string, port: number): string {
  const b = address.split('.').map(Number);
  const word = [b[3], b[2], b[1], b[0]].map((x) => x!.toString(16).padStart(2, '0')).join('').toUpperCase();
  return `${word}:${port.toString(16).padStart(4, '0').toUpperCase()}`;
}

export function tcpLine(local: string, remote: string, state: string, uid: number, inode: number): string {
  return `${local} ${remote} ${state} 00000000:00000000 00:00000000 00000000 ${uid} 0 ${inode} 1 0000000000000000 100 0 0 10 0`;
}
