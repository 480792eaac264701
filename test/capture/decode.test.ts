import { describe, expect, it } from 'vitest';
import { decodeCapture, encodeCapture } from '../../electron/engine/platform/windows/decode';
import { parseWindowsNetstat } from '../../electron/engine/platform/windows/netstat';
import { parseTasklist } from '../../electron/engine/platform/windows/tasklist';
import { corpusBytes, corpusFiles, corpusPresent } from './corpus';

describe.skipIf(!corpusPresent)('decoding real captures', () => {
  const utf16 = [...corpusFiles('windows-netstat'), ...corpusFiles('windows-powershell')].filter((f) => {
    const b = corpusBytes(f);
    return b[0] === 0xff && b[1] === 0xfe;
  });

  it('finds the UTF-16LE PowerShell redirects by their byte-order mark', () => {
    expect(utf16.length).toBeGreaterThanOrEqual(6);
    for (const f of utf16) {
      const d = decodeCapture(corpusBytes(f));
      expect(d.encoding, f).toBe('utf-16le');
      expect(d.text.charCodeAt(0), f).not.toBe(0xfeff);
      expect(d.text, f).toContain('\r\n'); // CRLF kept for the parsers, which drop the CR
      expect(d.text, f).not.toContain('\0');
    }
  });

  it('reads the raw GBK tasklist as GBK (映像名称 heading)', () => {
    const d = decodeCapture(corpusBytes('windows-powershell/zh-CN-tasklist-table-gbk.txt'));
    expect(d.encoding).toBe('gbk');
    expect(d.text).toContain('映像名称');
    expect(d.text).toContain('内存使用');
  });

  it('UTF-8 with and without BOM stays UTF-8', () => {
    const bom = decodeCapture(corpusBytes('windows-powershell/tasklist-filtered-vi-locale-dot-thousands-utf8bom.txt'));
    expect(bom).toMatchObject({ encoding: 'utf-8' });
    expect(bom.text.startsWith('\uFEFF')).toBe(false);
    const ru = decodeCapture(corpusBytes('windows-netstat/ru-RU-netstat-ano-utf8-lf.txt'));
    expect(ru.encoding).toBe('utf-8');
    expect(ru.text).toContain('Активные подключения');
  });

  // The OEM path: cmd.exe writes netstat in the console code page. Re-encode real captures the way
  // a German (cp850), US (cp437), Russian (cp866) or Chinese (GBK) console would have written them.
  it.each([
    ['windows-netstat/de-DE-netstat-ano-utf16le-bom-full.txt', 'cp850', 'ABHÖREN'],
    ['windows-netstat/de-DE-netstat-ano-utf16le-bom-full.txt', 'cp437', 'ABHÖREN'],
    ['windows-netstat/ru-RU-netstat-ano-utf8-lf.txt', 'cp866', 'Активные подключения'],
    ['windows-netstat/zh-CN-netstat-ano-find-process-doc.txt', 'gbk', '活动连接'],
    ['windows-netstat/es-ES-netstat-ano-utf16le-bom.txt', 'cp850', 'Dirección local'],
  ] as const)('%s re-encoded to %s decodes back to the same text and rows', (rel, enc, word) => {
    const original = decodeCapture(corpusBytes(rel)).text;
    const oem = encodeCapture(original, enc);
    expect(oem.includes(0)).toBe(false);
    const back = decodeCapture(oem);
    // cp850 and cp437 agree on every letter these captures hold; either reading is the same text.
    if (enc === 'cp437' || enc === 'cp850') expect(['cp850', 'cp437']).toContain(back.encoding);
    else expect(back.encoding).toBe(enc);
    expect(back.text).toBe(original);
    expect(back.text).toContain(word);
    expect(parseWindowsNetstat(back.text).sockets).toEqual(parseWindowsNetstat(original).sockets);
  });

  it('the GBK tasklist re-encoded to UTF-16 with a BOM reads the same processes', () => {
    const gbk = decodeCapture(corpusBytes('windows-powershell/zh-CN-tasklist-table-gbk.txt')).text;
    const u16 = decodeCapture(encodeCapture(gbk, 'utf-16le', true));
    expect(u16.encoding).toBe('utf-16le');
    expect(parseTasklist(u16.text).processes).toEqual(parseTasklist(gbk).processes);
  });
});

describe('decoding edge cases', () => {
  it('a UTF-16 file cut mid-character says so', () => {
    const b = encodeCapture('  TCP    0.0.0.0:135   0.0.0.0:0   LISTENING   1\r\n', 'utf-16le', true);
    const d = decodeCapture(b.subarray(0, b.length - 1));
    expect(d.truncated).toBe(true);
    expect(d.text).toContain('LISTENING');
  });

  it('UTF-16LE without a BOM is recognised by its NUL bytes', () => {
    const d = decodeCapture(encodeCapture('  TCP    0.0.0.0:135   0.0.0.0:0   LISTENING   1\r\n', 'utf-16le'));
    expect(d.encoding).toBe('utf-16le');
    expect(d.text).toContain('0.0.0.0:135');
  });
});
