import iconv from 'iconv-lite';

/**
 * The encodings a Windows (or any) capture arrives in. `cmd.exe` writes in the console's OEM code
 * page (cp850 Western Europe, cp437 US, cp866 Cyrillic, GBK/cp936 Chinese); PowerShell 5's `>`
 * writes UTF-16LE with a BOM; PowerShell 7 and most tools write UTF-8.
 */
export type CaptureEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'cp850' | 'cp437' | 'cp866' | 'gbk';

export interface Decoded {
  text: string;
  encoding: CaptureEncoding;
  /** Why this encoding was chosen, for the import's notes. */
  reason: string;
  /** A UTF-16 file with an odd number of bytes was cut mid-character. */
  truncated: boolean;
}

const OEM: CaptureEncoding[] = ['cp850', 'cp437', 'cp866', 'gbk'];

/**
 * Words a netstat or tasklist capture holds in the languages whose console code pages we read.
 * Decoding with the right code page makes them appear; a wrong one turns them into other letters.
 */
const KNOWN_WORDS = [
  'ABHÖREN', 'Aktive Verbindungen', 'Lokale Adresse', 'SCHLIESSEN_WARTEN', 'Abbildname', 'Speichernutzung',
  'État', 'Connexions actives', 'Adresse locale', 'Nom de l’image', 'Utilisation',
  'Dirección', 'Conexiones activas', 'Nombre de imagen', 'Uso de memoria',
  'Активные подключения', 'Локальный адрес', 'Внешний адрес', 'Состояние', 'Имя образа',
  '活动连接', '协议', '本地地址', '外部地址', '状态', '映像名称', '会话名', '内存使用',
];

function scriptScore(text: string, encoding: CaptureEncoding): number {
  let score = 0;
  for (const w of KNOWN_WORDS) score += 50 * (text.split(w).length - 1);
  let prev = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const before = prev;
    prev = c;
    if (c < 0x80) {
      // An ideograph inside a Latin word ("ABH一EN") is a Latin letter misread as half of a GBK pair.
      if (isAsciiLetter(c) && before >= 0x4e00 && before <= 0x9fff && encoding === 'gbk') score -= 5;
      continue;
    }
    if (c === 0xfffd) score -= 20; // not a character in this code page
    else if (c >= 0x2500 && c <= 0x25ff) score -= 3; // box drawing and blocks: never in netstat text
    else if (c >= 0x4e00 && c <= 0x9fff) score += encoding === 'gbk' ? 2 : 0; // CJK ideographs
    else if (c >= 0x0400 && c <= 0x04ff) score += 1; // Cyrillic letters
    else if ((c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7) || c === 0x2019) score += 1; // Latin letters with accents
    else score -= 1; // symbols, Greek, math: unlikely in a capture
  }
  return score;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function looksLikeUtf16(bytes: Uint8Array, evenOrOdd: 0 | 1): boolean {
  // ASCII text in UTF-16 has a NUL in every other byte.
  const n = Math.min(bytes.length, 4096);
  if (n < 4) return false;
  let zeros = 0;
  for (let i = evenOrOdd; i < n; i += 2) if (bytes[i] === 0) zeros++;
  return zeros > n / 2 / 2;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

/**
 * Bytes to text. A byte-order mark decides; else NUL patterns tell UTF-16; else valid UTF-8 is
 * UTF-8 (pure ASCII included); else the OEM code page whose decoding yields the most plausible
 * text (known netstat/tasklist words first, then letters of one script, no unmapped bytes).
 */
export function decodeCapture(input: Uint8Array): Decoded {
  const bytes = input;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le', 'UTF-16LE byte-order mark (PowerShell redirect)');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be', 'UTF-16BE byte-order mark');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', reason: 'UTF-8 byte-order mark', truncated: false };
  }
  if (looksLikeUtf16(bytes, 1)) return utf16(bytes, 'utf-16le', 'UTF-16LE without a byte-order mark (NUL in every other byte)');
  if (looksLikeUtf16(bytes, 0)) return utf16(bytes, 'utf-16be', 'UTF-16BE without a byte-order mark');
  if (!hasHighBytes(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', reason: 'ASCII', truncated: false };
  if (isValidUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', reason: 'valid UTF-8', truncated: false };
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let best: { text: string; encoding: CaptureEncoding; score: number } | null = null;
  for (const encoding of OEM) {
    const text = iconv.decode(buf, encoding);
    const score = scriptScore(text, encoding);
    // Ties go to the earlier code page: cp850 before cp437 (they agree on every letter a
    // netstat prints; cp437 has box drawing where cp850 has the accented capitals).
    if (!best || score > best.score) best = { text, encoding, score };
  }
  return { text: best!.text, encoding: best!.encoding, reason: `not UTF-8; ${best!.encoding} gave the most plausible text (console OEM code page)`, truncated: false };
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', reason: string): Decoded {
  const truncated = bytes.length % 2 === 1;
  const even = truncated ? bytes.subarray(0, bytes.length - 1) : bytes;
  return { text: new TextDecoder(encoding).decode(even), encoding, reason, truncated };
}

/** Text to bytes in one of these encodings (tests re-encode real captures to exercise decoding). */
export function encodeCapture(text: string, encoding: CaptureEncoding, bom = false): Buffer {
  const body = iconv.encode(text, encoding === 'utf-16le' ? 'utf16le' : encoding === 'utf-16be' ? 'utf16be' : encoding);
  if (!bom) return body;
  const mark = encoding === 'utf-16le' ? [0xff, 0xfe] : encoding === 'utf-16be' ? [0xfe, 0xff] : encoding === 'utf-8' ? [0xef, 0xbb, 0xbf] : [];
  return Buffer.concat([Buffer.from(mark), body]);
}
