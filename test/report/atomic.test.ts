import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, type AtomicIo } from '../../electron/engine/report/atomicWrite';
import { resolveFormat } from '../../electron/engine/report/formats';

let dir: string;
const OLD = 'previous report, complete\n';

beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'portscope-atomic-'));
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

const entries = () => fs.readdirSync(dir).sort();

describe('atomic report writes', () => {
  it('replaces the file whole and keeps its permission bits', async () => {
    const file = path.join(dir, 'r.html');
    fs.writeFileSync(file, OLD, { mode: 0o600 });
    fs.chmodSync(file, 0o600);
    const bytes = await writeFileAtomic(file, 'new ✓');
    expect(bytes).toBe(Buffer.byteLength('new ✓'));
    expect(fs.readFileSync(file, 'utf8')).toBe('new ✓');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(entries()).toEqual(['r.html']);
  });

  it('leaves the previous file untouched and no temporary file when the content fails mid-write', async () => {
    const file = path.join(dir, 'r.json');
    fs.writeFileSync(file, OLD);
    function* failing(): Generator<string> {
      yield '{"half": "written';
      throw new Error('renderer crashed');
    }
    await expect(writeFileAtomic(file, failing())).rejects.toThrow(/cannot write .*r\.json: renderer crashed/);
    expect(fs.readFileSync(file, 'utf8')).toBe(OLD);
    expect(entries()).toEqual(['r.json']);
  });

  it('leaves the previous file untouched when fsync or rename fail (disk full, lost device)', async () => {
    const file = path.join(dir, 'r.csv');
    fs.writeFileSync(file, OLD);
    const enospc = Object.assign(new Error('no space'), { code: 'ENOSPC' });
    const failingSync: AtomicIo = {
      ...{ open: fsp.open, rename: fsp.rename, unlink: fsp.unlink, stat: fsp.stat },
      open: (async (p: string, flags: string, mode?: number) => {
        const handle = await fsp.open(p, flags, mode);
        if (flags === 'wx') handle.sync = async () => Promise.reject(enospc);
        return handle;
      }) as AtomicIo['open'],
    };
    await expect(writeFileAtomic(file, 'x'.repeat(100_000), failingSync)).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/no space left on the device/),
    });
    expect(fs.readFileSync(file, 'utf8')).toBe(OLD);
    expect(entries()).toEqual(['r.csv']);

    const failingRename: AtomicIo = { open: fsp.open, unlink: fsp.unlink, stat: fsp.stat, rename: async () => Promise.reject(Object.assign(new Error('io'), { code: 'EIO' })) };
    await expect(writeFileAtomic(file, 'y', failingRename)).rejects.toThrow(/cannot write/);
    expect(fs.readFileSync(file, 'utf8')).toBe(OLD);
    expect(entries()).toEqual(['r.csv']);
  });

  it('keeps the previous file when the writing process is killed mid-write', async () => {
    const file = path.join(dir, 'killed.md');
    fs.writeFileSync(file, OLD);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'support/slowWriter.ts'), file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    const first = await new Promise<string>((resolve) => readline.createInterface({ input: child.stdout! }).once('line', resolve));
    expect(first).toBe('writing');
    // The temporary file holds the half-written report next to the old one.
    const temp = entries().find((e) => e.startsWith('.killed.md.') && e.endsWith('.tmp'));
    expect(temp).toBeDefined();
    expect(fs.statSync(path.join(dir, temp!)).size).toBeGreaterThan(0);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(fs.readFileSync(file, 'utf8')).toBe(OLD);
    // The dead writer's temporary file stays until the next successful write cleans it up.
    expect(entries()).toEqual([temp!, 'killed.md'].sort());
    await writeFileAtomic(file, 'next');
    expect(entries()).toEqual(['killed.md']);
  });

  it('follows a symlink to the report and refuses devices and pipes', async () => {
    const real = path.join(dir, 'real.html');
    const link = path.join(dir, 'link.html');
    fs.writeFileSync(real, OLD);
    fs.symlinkSync(real, link);
    await writeFileAtomic(link, 'through the link');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe('through the link');
    await expect(writeFileAtomic('/dev/null', 'x')).rejects.toThrow("cannot write /dev/null: it is not a regular file (use '-' for standard output)");
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('says clearly why a path cannot be written', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'r.html'), 'x')).rejects.toMatchObject({
      code: 'bad-request',
      message: `cannot write ${path.join(dir, 'missing', 'r.html')}: the folder ${path.join(dir, 'missing')} does not exist`,
    });
    await expect(writeFileAtomic(dir, 'x')).rejects.toThrow(`cannot write ${dir}: it is a folder`);
    fs.writeFileSync(path.join(dir, 'file'), '');
    await expect(writeFileAtomic(path.join(dir, 'file', 'r.html'), 'x')).rejects.toThrow(/part of .* is a file, not a folder/);
    // /sys refuses new files even to root: a real permission error.
    await expect(writeFileAtomic('/sys/portscope-report.html', 'x')).rejects.toMatchObject({
      code: 'denied',
      message: 'cannot write /sys/portscope-report.html: permission denied',
    });
  });

  it('takes the format from the extension or the flag, and refuses unknown or contradicting ones', () => {
    expect(resolveFormat('a/report.HTML', undefined)).toBe('html');
    expect(resolveFormat('r.markdown', undefined)).toBe('md');
    expect(resolveFormat('r.txt', 'md')).toBe('md');
    expect(resolveFormat(null, 'JSON')).toBe('json');
    expect(() => resolveFormat('r.xlsx', undefined)).toThrow("unknown report format '.xlsx': name the file .json, .csv, .html or .md, or pass --format");
    expect(() => resolveFormat('r.pdf', undefined)).toThrow(/PDF is made by the desktop app/);
    expect(() => resolveFormat('report', undefined)).toThrow("cannot tell the format of 'report'");
    expect(() => resolveFormat('r.csv', 'xml')).toThrow("unknown report format 'xml': use one of json, csv, html, md");
    expect(() => resolveFormat('r.csv', 'html')).toThrow('--format html does not match the file name r.csv');
    expect(() => resolveFormat('-', undefined)).toThrow(/say which format/);
  });
});
