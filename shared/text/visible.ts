/**
 * Characters that change how text around them is shown without being seen themselves: C0 and
 * C1 controls (terminal escapes, NUL, CR), DEL, bidi embeddings, overrides and isolates (U+202E
 * makes "(pid 24389)" read as ")98342 dip("), zero-width characters, line and paragraph
 * separators, the byte-order mark and Unicode tag characters (invisible "ASCII smuggling").
 * Text from other processes and from imported files may hold any of them, so every front end
 * shows them as visible escapes instead: `\x1b`, `\u202e`.
 */
const INVISIBLE_SOURCE = '[\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb]|\\udb40[\\udc00-\\udc7f]';

/** A fresh global regex each call: a shared /g regex carries `lastIndex` between callers. */
export function invisiblePattern(): RegExp {
  return new RegExp(INVISIBLE_SOURCE, 'g');
}

/**
 * The same set less tab and line feed, for whole lines of output that keep them: a CLI's JSON
 * has a line feed every few dozen characters, and matching each one only to put it back made
 * the sanitizer cost more than printing.
 */
const INVISIBLE_BUT_LINES_SOURCE = INVISIBLE_SOURCE.replace('\\u0000-\\u001f', '\\u0000-\\u0008\\u000b-\\u001f');

/**
 * The visible form of one invisible character: `\xHH` for C0 controls, `\uhhhh` for the rest
 * (per UTF-16 unit for a tag character). `\uhhhh` is also a JSON escape, so JSON output run through
 * this stays valid JSON and decodes to the original text.
 */
export function escapeInvisible(char: string): string {
  const units = [...Array(char.length).keys()].map((i) => char.charCodeAt(i));
  if (units.length === 1 && units[0]! < 0x20) return `\\x${units[0]!.toString(16).padStart(2, '0')}`;
  return units.map((u) => `\\u${u.toString(16).padStart(4, '0')}`).join('');
}

export interface VisibleOptions {
  /** Keep tab, line feed and CR LF as they are (whole lines of output, not single fields). */
  keepLineBreaks?: boolean;
}

/** `evil\u202eexe` -> the text with every invisible character shown as its escape. */
export function visibleControls(text: string, { keepLineBreaks = false }: VisibleOptions = {}): string {
  const pattern = keepLineBreaks ? new RegExp(INVISIBLE_BUT_LINES_SOURCE, 'g') : invisiblePattern();
  return text.replace(pattern, (c, offset: number, whole: string) => {
    if (keepLineBreaks && c === '\r' && whole[offset + 1] === '\n') return c;
    return escapeInvisible(c);
  });
}

export interface VisiblePart {
  text: string;
  /** True for an escape standing for an invisible character (a UI shows it in its own style). */
  escaped: boolean;
  /** For an escape: the code point, `U+202E`, for a tooltip. */
  codePoint?: string;
}

/** The text split into plain runs and escapes, for a UI that styles the escapes apart. */
export function visibleParts(text: string): VisiblePart[] {
  const parts: VisiblePart[] = [];
  let last = 0;
  for (const m of text.matchAll(invisiblePattern())) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index), escaped: false });
    const cp = m[0].codePointAt(0)!;
    parts.push({ text: escapeInvisible(m[0]), escaped: true, codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), escaped: false });
  return parts;
}

export function hasInvisible(text: string): boolean {
  return invisiblePattern().test(text);
}
