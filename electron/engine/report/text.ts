/**
 * Control characters (terminal escapes, NUL, bidi overrides) in hostile text are shown as visible
 * escapes in human-facing formats (HTML, Markdown), so a name cannot hide or reorder what follows.
 * JSON and CSV keep the exact text instead.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function visibleControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
