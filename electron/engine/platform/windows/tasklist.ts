import type { CaptureParse, CapturedProcess } from '../../capture/types';
import { splitLines, WarningTally } from '../../capture/text';

/** One CSV record's fields; tasklist quotes every field and doubles embedded quotes. */
export function parseCsvLine(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= line.length) return null; // unterminated quote: a cut-off line
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += line[i++];
      }
      out.push(value);
      if (i < line.length && line[i] !== ',') return null;
      i++;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

/** `1,704 K`, `27.296 K` (dot grouping), `1 704 K` (space grouping), `N/A`. */
export function parseMemKiB(raw: string): number | null {
  const digits = raw.replace(/[^\d]/g, '');
  return digits === '' ? null : Number(digits);
}

/**
 * `tasklist /fo csv [/nh]` and the default table (`tasklist`, `tasklist /fi …`, `| findstr`), in
 * any display language: the CSV columns are in a fixed order (image, PID, session, session#,
 * memory) whatever their headings say; the table's `====` line gives the column widths, and a
 * headerless table row is read from its right end (an image name may hold spaces).
 */
export function parseTasklist(text: string): CaptureParse {
  const processes: CapturedProcess[] = [];
  const tally = new WarningTally();
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  let widths: Array<[number, number]> | null = null;
  let stoppedAt: CaptureParse['stoppedAt'];
  const lastContent = lastNonEmpty(lines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    if (/^=+( +=+)+\s*$/.test(line)) {
      widths = [];
      const re = /=+/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(line))) widths.push([m.index, m.index + m[0].length]);
      continue;
    }
    let p: CapturedProcess | null;
    if (line.startsWith('"')) {
      const f = parseCsvLine(line);
      if (!f) {
        if (i === lastContent) stoppedAt = { line: i + 1, reason: 'the last CSV line is cut off' };
        else tally.add('skipped a malformed CSV line', String(i + 1));
        continue;
      }
      if (f.length >= 2 && !/^\d+$/.test(f[1]!)) continue; // the heading line, in any language
      p = fromFields(f[0], f[1], f[2], f[4]);
    } else if (widths) {
      const cut = (k: number) => (widths![k] ? line.slice(widths![k]![0], k === widths!.length - 1 ? undefined : widths![k]![1]).trim() : '');
      // The PID column is right-aligned under its `====`: digits may start left of it when a long name is truncated.
      p = fromFields(cut(0), cut(1), cut(2), cut(4));
      if (!p) p = fromRightEnd(line);
    } else {
      p = fromRightEnd(line);
      if (!p) continue; // a title or heading line above the ==== line
    }
    if (p) processes.push(p);
    else if (i === lastContent) stoppedAt = { line: i + 1, reason: 'the last row is incomplete' };
    else tally.add('skipped a line that is not a tasklist row', String(i + 1));
  }
  const out: CaptureParse = { sockets: [], processes, warnings: tally.lines() };
  if (stoppedAt) out.stoppedAt = stoppedAt;
  return out;
}

function lastNonEmpty(lines: string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.trim() !== '') return i;
  return -1;
}

function fromFields(name: string | undefined, pid: string | undefined, session: string | undefined, mem: string | undefined): CapturedProcess | null {
  if (!name || !pid || !/^\d+$/.test(pid)) return null;
  return { pid: Number(pid), name, session: session || null, memoryKiB: mem ? parseMemKiB(mem) : null };
}

/** `com.docker.backend.exe        5760 Services                   0      9,536 K` */
function fromRightEnd(line: string): CapturedProcess | null {
  const m = /^(.+?)\s+(\d+)\s+(\S+)\s+(\d+)\s+([\d.,\u00a0\u202f ]+\s*K|N\/A)\s*$/.exec(line);
  if (!m) return null;
  return { pid: Number(m[2]), name: m[1]!.trim(), session: m[3]!, memoryKiB: parseMemKiB(m[5]!) };
}
