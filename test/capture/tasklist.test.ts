import { describe, expect, it } from 'vitest';
import { parseCsvLine, parseMemKiB, parseTasklist } from '../../electron/engine/platform/windows/tasklist';
import { corpusFiles, corpusPresent, corpusText, countLines } from './corpus';

const files = corpusFiles('windows-powershell', (f) => f.startsWith('tasklist') || f.includes('tasklist'));

describe.skipIf(!corpusPresent)('tasklist on every real capture', () => {
  it.each(files)('%s: one process per row, pids and names present', (rel) => {
    const text = corpusText(rel);
    const r = parseTasklist(text);
    // Rows are lines ending in a memory figure ("1,704 K", "N/A") or quoted CSV records with a numeric pid.
    const rows = countLines(text, /(["\s]\d[\d.,]*\s?K"?\s*$|"N\/A"\s*$)/);
    expect(r.processes!.length).toBe(rows);
    expect(r.stoppedAt).toBeUndefined();
    for (const p of r.processes!) {
      expect(p.name.length).toBeGreaterThan(0);
      expect(Number.isInteger(p.pid)).toBe(true);
    }
  });

  it('CSV from PowerShell (UTF-16): pseudo-processes, thousands separators, N/A', () => {
    const r = parseTasklist(corpusText('windows-powershell/tasklist-fo-csv-utf16le-bom.csv'));
    const by = new Map(r.processes!.map((p) => [p.pid, p]));
    expect(by.get(4)).toMatchObject({ name: 'System', memoryKiB: 1704, session: 'Services' });
    expect(by.get(188)!.name).toBe('Secure System');
    expect(by.get(704)).toMatchObject({ name: 'smss.exe', memoryKiB: null });
    expect(by.has(0)).toBe(true); // System Idle Process
  });

  it('GBK Chinese table: columns from the ==== line, truncated image names kept as printed', () => {
    const r = parseTasklist(corpusText('windows-powershell/zh-CN-tasklist-table-gbk.txt'));
    const by = new Map(r.processes!.map((p) => [p.pid, p]));
    expect(by.get(272)).toMatchObject({ name: 'Registry', memoryKiB: 55988 });
    expect(r.processes!.some((p) => p.name === 'StartMenuExperienceHost.e')).toBe(true);
  });

  it('Vietnamese regional format: "27.296 K" is 27296 KiB; a lone findstr row is read from its right end', () => {
    const vi = parseTasklist(corpusText('windows-powershell/tasklist-filtered-vi-locale-dot-thousands-utf8bom.txt'));
    expect(vi.processes!.map((p) => [p.pid, p.memoryKiB])).toEqual([
      [5376, 1420],
      [5052, 27296],
    ]);
    const one = parseTasklist(corpusText('windows-powershell/tasklist-table-findstr-one-row.txt'));
    expect(one.processes).toEqual([{ pid: 5760, name: 'com.docker.backend.exe', session: 'Services', memoryKiB: 9536 }]);
  });
});

describe('tasklist pieces', () => {
  it('CSV quoting and a cut-off last record', () => {
    expect(parseCsvLine('"a ""b""","4","x"')).toEqual(['a "b"', '4', 'x']);
    expect(parseCsvLine('"unterminated,"4"')).toBeNull();
    const r = parseTasklist('"System","4","Services","0","1,704 K"\r\n"chrome.exe","12');
    expect(r.processes).toHaveLength(1);
    expect(r.stoppedAt?.line).toBe(2);
  });

  it('memory with space or no-break-space grouping (fr-FR)', () => {
    expect(parseMemKiB('1 704 K')).toBe(1704);
    expect(parseMemKiB('1\u00a0704 K')).toBe(1704);
    expect(parseMemKiB('N/A')).toBeNull();
  });
});
