import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ReportError } from './errors';

/** The file operations the writer uses; tests pass a copy with one operation failing. */
export interface AtomicIo {
  open: typeof fs.open;
  rename: typeof fs.rename;
  unlink: typeof fs.unlink;
  stat: typeof fs.stat;
}

const realIo: AtomicIo = { open: fs.open, rename: fs.rename, unlink: fs.unlink, stat: fs.stat };

/** Text (written as UTF-8) or bytes (a PDF from printToPDF), whole or in chunks. */
export type Chunk = string | Uint8Array;
export type Content = Chunk | Iterable<Chunk> | AsyncIterable<Chunk>;

/** What went wrong, in words a person can act on, with the contract code a front end can use. */
export function describeWriteError(err: unknown, target: string): ReportError {
  if (err instanceof ReportError) return err;
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  const dir = path.dirname(target);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return new ReportError('denied', `cannot write ${target}: permission denied`);
    case 'ENOENT':
      return new ReportError('bad-request', `cannot write ${target}: the folder ${dir} does not exist`);
    case 'ENOTDIR':
      return new ReportError('bad-request', `cannot write ${target}: part of ${dir} is a file, not a folder`);
    case 'EISDIR':
      return new ReportError('bad-request', `cannot write ${target}: it is a folder`);
    case 'EROFS':
      return new ReportError('denied', `cannot write ${target}: the file system is read-only`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new ReportError('unavailable', `cannot write ${target}: no space left on the device`);
    case 'ENAMETOOLONG':
      return new ReportError('bad-request', `cannot write ${target}: the file name is too long`);
    default:
      return new ReportError('internal', `cannot write ${target}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Writes a file so that readers only ever see the old content or the whole new content:
 * the text goes to a temporary file in the same folder (same file system, so the rename is
 * atomic), is flushed to disk (fsync, so a power cut after the rename cannot leave an empty
 * file), then renamed over the target. Any failure before the rename removes the temporary file
 * and leaves the previous report untouched. A replaced file keeps its permission bits.
 */
export async function writeFileAtomic(target: string, content: Content, io: AtomicIo = realIo): Promise<number> {
  const asked = path.resolve(target);
  // A symlink to a report is followed, so the link survives and its target is replaced in
  // its own folder (a rename over the link would turn it into a plain file).
  const file = await fs.realpath(asked).catch(() => asked);
  const dir = path.dirname(file);
  const existing = await io.stat(file).catch(() => null);
  if (existing?.isDirectory()) throw new ReportError('bad-request', `cannot write ${asked}: it is a folder`);
  if (existing && !existing.isFile()) {
    // A device, pipe or socket (/dev/stdout, a FIFO): renaming over it would replace the node.
    throw new ReportError('bad-request', `cannot write ${asked}: it is not a regular file (use '-' for standard output)`);
  }
  const mode = existing ? existing.mode & 0o777 : 0o644;
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: Awaited<ReturnType<typeof fs.open>> | null = null;
  let bytes = 0;
  try {
    handle = await io.open(temp, 'wx', mode);
    const chunks = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
    for await (const chunk of chunks) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      let off = 0;
      while (off < buf.length) off += (await handle.write(buf, off, buf.length - off)).bytesWritten;
      bytes += buf.length;
    }
    await handle.sync();
    await handle.close();
    handle = null;
    await io.rename(temp, file);
  } catch (err) {
    if (handle) await handle.close().catch(() => undefined);
    await io.unlink(temp).catch(() => undefined);
    throw describeWriteError(err, file);
  }
  // Make the rename itself durable; some file systems cannot fsync a folder, which is fine.
  await syncDir(dir, io);
  await removeStaleTemps(dir, path.basename(file), io);
  return bytes;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A writer killed mid-write (power cut, SIGKILL) leaves its temporary file behind; the next
 * successful write of the same report removes those whose process is gone.
 */
async function removeStaleTemps(dir: string, base: string, io: AtomicIo): Promise<void> {
  const prefix = `.${base}.`;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length));
    if (!m || Number(m[1]) === process.pid || isAlive(Number(m[1]))) continue;
    await io.unlink(path.join(dir, name)).catch(() => undefined);
  }
}

async function syncDir(dir: string, io: AtomicIo): Promise<void> {
  try {
    const d = await io.open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    // best effort
  }
}
