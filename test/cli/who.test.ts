import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portscope } from '../support/cli';

// A real process whose executable name and command line are hostile text: HTML, quotes, ampersands.
const NAME = `<img src=x onerror="a('&')">`;
const ARG = `<script>alert("x'y")</script> & echo pwned`;
let dir: string;
let child: ChildProcess;
let port: number;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portscope-who-'));
  const exe = path.join(dir, NAME);
  try {
    fs.linkSync(fs.realpathSync(process.execPath), exe);
  } catch {
    fs.copyFileSync(fs.realpathSync(process.execPath), exe);
    fs.chmodSync(exe, 0o755);
  }
  const script = `const s = require('net').createServer().listen(0, '127.0.0.1', () => console.log(s.address().port)); setInterval(() => {}, 1000);`;
  child = spawn(exe, ['-e', script, ARG], { stdio: ['ignore', 'pipe', 'inherit'] });
  port = await new Promise<number>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
});

afterAll(() => {
  child?.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('portscope who', () => {
  it('names the process behind a port with every owner detail, byte for byte', () => {
    const r = portscope(['who', String(port), '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { owners: Array<{ process: Record<string, unknown>; parent: { pid: number } | null; sockets: Array<{ localPort: number }> }> };
    expect(out.owners).toHaveLength(1);
    const p = out.owners[0]!.process;
    expect(p.pid).toBe(child.pid);
    expect(p.name).toBe(NAME);
    expect(p.exe).toBe(path.join(dir, NAME));
    expect(p.args).toEqual([path.join(dir, NAME), '-e', expect.any(String), ARG]);
    expect(p.ppid).toBe(process.pid);
    expect(p.user).toBe(os.userInfo().username);
    expect(Date.now() - Date.parse(String(p.startTime))).toBeLessThan(5 * 60_000);
    expect(out.owners[0]!.parent?.pid).toBe(process.pid);
    expect(out.owners[0]!.sockets.map((s) => s.localPort)).toEqual([port]);
  });

  it('keeps hostile names exact in list --json', () => {
    const r = portscope(['list', '--json', '--port', String(port)]);
    const rows = JSON.parse(r.stdout) as Array<{ processName: string }>;
    expect(rows.map((x) => x.processName)).toEqual([NAME]);
  });

  it('prints a readable block on a terminal', () => {
    const r = portscope(['who', String(port)]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${NAME} (pid ${child.pid})`);
    expect(r.stdout).toMatch(/Executable\s+\S+/);
    expect(r.stdout).toContain(ARG.replace(/'/g, `'\\''`));
    expect(r.stdout).toMatch(new RegExp(`tcp\\s+127\\.0\\.0\\.1:${port}\\s+LISTEN`));
  });

  it('says so, with exit code 1, when nothing uses the port', () => {
    // A port that was free a moment ago: bind and release it.
    const r = portscope(['who', '1', '--udp']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('Nothing on this machine uses port 1/udp.\n');
  });
});
