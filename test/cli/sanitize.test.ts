import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portscope } from '../support/cli';

// Raw ESC, CSI (C1), DEL, bidi overrides and isolates, zero-width and tag characters.
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]|\udb40[\udc00-\udc7f]/;

let dir: string;
let child: ChildProcess;
let port: number;
const HOSTILE_ARG = 'pid\u202e(evil)\u2066x\u2069 \x1b]0;title\x07 \u009b2J';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portscope-sanitize-'));
  const script = `const s = require('net').createServer().listen(0, '127.0.0.1', () => console.log(s.address().port)); setInterval(() => {}, 1000);`;
  child = spawn(process.execPath, ['-e', script, HOSTILE_ARG], { stdio: ['ignore', 'pipe', 'inherit'] });
  port = await new Promise<number>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
});

afterAll(() => {
  child?.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

function expectOneCleanLine(r: { status: number | null; stdout: string; stderr: string }): string {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(RAW);
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  return r.stderr;
}

describe('every line the CLI prints goes through one sanitizer', () => {
  it('shows the escape in an XML entity name from `import` as \\x1b', () => {
    const file = write('entity.xml', '<nmaprun>&\x1b[31mred\u202e;</nmaprun>');
    const err = expectOneCleanLine(portscope(['import', file]));
    expect(err).toContain('the entity &\\x1b[31mred\\u202e;');
  });

  it('shows the JSON parse snippet of a broken file without raw escapes', () => {
    const file = write('broken.json', '{"a": \x1b[2J\x1b[31m}');
    const err = expectOneCleanLine(portscope(['import', file]));
    expect(err).toMatch(/is not valid JSON: .*\\x1b\[2J/);
  });

  it('shows an unknown option name (commander error) without raw escapes', () => {
    const err = expectOneCleanLine(portscope(['list', '--\x1b[31mevil\u202e']));
    expect(err).toContain("unknown option '--\\x1b[31mevil\\u202e'");
  });

  it('shows an unknown command and a bad argument without raw escapes', () => {
    expectOneCleanLine(portscope(['\x1b[2Jnope']));
    expectOneCleanLine(portscope(['who', '\u202e22']));
  });

  it("shows a report's hostile host name with visible escapes, and --json stays exact JSON", () => {
    const saved = path.join(dir, 'r.json');
    expect(portscope(['report', '-o', saved]).status).toBe(0);
    const report = JSON.parse(fs.readFileSync(saved, 'utf8')) as { machine: { hostname: string } };
    const hostname = 'host\u202eexe.\x7f\u009b31m\u200b';
    report.machine.hostname = hostname;
    const file = write('hostile-host.json', JSON.stringify(report));
    const shown = portscope(['import', '--no-diff', file]);
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).not.toMatch(RAW);
    expect(shown.stdout).toContain('Host: host\\u202eexe.\\u007f\\u009b31m\\u200b');
    const json = portscope(['import', '--no-diff', '--json', file]);
    expect(json.status).toBe(0);
    expect(json.stdout).not.toMatch(RAW);
    expect((JSON.parse(json.stdout) as { report: { machine: { hostname: string } } }).report.machine.hostname).toBe(hostname);
  });

  it("shows a live process's bidi and escape characters visibly in list and who", () => {
    const list = portscope(['list', '--pid', String(child.pid), '--json']);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).not.toMatch(RAW);
    const who = portscope(['who', String(port)]);
    expect(who.status, who.stderr).toBe(0);
    expect(who.stdout).not.toMatch(RAW);
    expect(who.stdout).toContain('pid\\u202e(evil)\\u2066x\\u2069 \\x1b]0;title\\x07 \\u009b2J');
  });
});
