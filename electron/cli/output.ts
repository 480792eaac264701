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
