import { visibleControls } from '../../shared/text/visible';

/** Where commands write; tests capture it, the real CLI writes to the process streams. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly isTTY: boolean;
  readonly columns: number;
}

/**
 * A terminal control sequence that the CLI itself emits (colours, clear screen, erase line).
 * Only code can make one, from the constants below; text from a process, a file or an error
 * message is always a plain string and so always goes through the sanitizer.
 */
export class Control {
  private constructor(readonly sequence: string) {}
  static readonly green = new Control('\x1b[32m');
  static readonly red = new Control('\x1b[31m');
  static readonly yellow = new Control('\x1b[33m');
  static readonly reset = new Control('\x1b[0m');
  static readonly home = new Control('\x1b[H\x1b[2J');
  static readonly carriageReturn = new Control('\r');
  static readonly eraseLine = new Control('\x1b[K');
}

export type Styled = string | Control;

/** What commands write through: every string is sanitized; `styled` also passes Controls. */
export interface SafeOutput extends Output {
  styled(stream: 'stdout' | 'stderr', ...parts: Styled[]): void;
  /** Ends standard output with a line break if a command left its last line open, so the shell prompt starts on its own line. */
  finish(): void;
  /**
   * `value` as one line of JSON on standard output: the very text of
   * `stdout(JSON.stringify(value) + '\n')`, written in pieces (an array element by element, see
   * jsonLine) so a 10,000-row listing never becomes one 10 MB string to scan and copy.
   */
  json(value: unknown): void;
}

/**
 * The CLI's one sanitizer for everything it prints, on both streams and errors included:
 * escape sequences, other control characters, bidi controls and invisible characters become
 * visible escapes (`\x1b`, `\u202e`); tab, line feed and CR LF stay. JSON stays valid JSON
 * (it already escapes C0 controls; the rest become `\uhhhh`, a JSON escape of the same text).
 */
export function terminalText(text: string): string {
  return visibleControls(text, { keepLineBreaks: true });
}

export function safeOutput(sink: Output): SafeOutput {
  if (isSafe(sink)) return sink;
  // Whether standard output's last text ended its line (nothing written counts as ended).
  let lineOpen = false;
  const toStdout = (text: string, ended: boolean | null) => {
    if (text === '') return;
    sink.stdout(text);
    if (ended !== null) lineOpen = !ended;
  };
  const safe: SafeOutput = {
    stdout: (text) => toStdout(terminalText(text), text.endsWith('\n')),
    stderr: (text) => sink.stderr(terminalText(text)),
    styled: (stream, ...parts) => {
      const text = parts.map((p) => (p instanceof Control ? p.sequence : terminalText(p))).join('');
      const lastText = parts.filter((p): p is string => typeof p === 'string' && p !== '').at(-1);
      if (stream === 'stdout') toStdout(text, lastText === undefined ? null : lastText.endsWith('\n'));
      else sink.stderr(text);
    },
    finish: () => {
      if (lineOpen) toStdout('\n', true);
    },
    json: (value) => {
      for (const piece of jsonLine(value)) toStdout(jsonText(piece), piece.endsWith('\n'));
    },
    get isTTY() {
      return sink.isTTY;
    },
    get columns() {
      return sink.columns;
    },
  };
  SAFE.add(safe);
  return safe;
}

/** Elements per piece of a JSON array: big enough that per-write costs vanish, small enough to stay out of the old generation. */
const JSON_PIECE = 256;

/**
 * JSON.stringify(value) + '\n' in pieces that join to exactly that text: an array is `[`, its
 * elements' JSON (as JSON.stringify writes an element: undefined and functions as null) and `]`.
 */
export function* jsonLine(value: unknown): Generator<string> {
  if (!Array.isArray(value) || value.length === 0 || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield `${JSON.stringify(value) ?? 'undefined'}\n`;
    return;
  }
  for (let at = 0; at < value.length; at += JSON_PIECE) {
    // A slice of an array stringifies to `[` + those elements joined by `,` + `]`: strip the brackets.
    const inner = JSON.stringify(value.slice(at, at + JSON_PIECE)).slice(1, -1);
    const end = at + JSON_PIECE >= value.length;
    yield `${at === 0 ? '[' : ','}${inner}${end ? ']\n' : ''}`;
  }
}

/**
 * terminalText for JSON.stringify's output, with a fast way through: JSON.stringify escapes every
 * C0 control, so its text can hold an invisible character only at U+007F or above; text that is
 * pure ASCII (UTF-8 length = length) without DEL has none and is passed on as it is.
 */
function jsonText(json: string): string {
  if (Buffer.byteLength(json, 'utf8') === json.length && !json.includes('\x7f')) return json;
  return terminalText(json);
}

const SAFE = new WeakSet<object>();
function isSafe(o: Output): o is SafeOutput {
  return SAFE.has(o);
}

export const processOutput: Output = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  get isTTY() {
    return Boolean(process.stdout.isTTY);
  },
  /** The terminal's width; piped, $COLUMNS if set (as ls and git honour it), else 200. */
  get columns() {
    const env = Number(process.env.COLUMNS);
    return process.stdout.columns || (Number.isInteger(env) && env > 0 ? env : 200);
  },
};
