import { describe, expect, it } from 'vitest';
import { Control, safeOutput, type Output } from '../../electron/cli/output';

function sink() {
  const written = { stdout: '', stderr: '' };
  const out: Output = { stdout: (t) => void (written.stdout += t), stderr: (t) => void (written.stderr += t), isTTY: true, columns: 80 };
  return { written, out: safeOutput(out) };
}

describe('the CLI output layer', () => {
  it('sanitizes every string and lets only Control values through raw', () => {
    const { written, out } = sink();
    out.stdout('a\x1b[2Jb\u202ec\td\r\ne\rf\n');
    out.styled('stdout', Control.green, 'x\x1b[31m', Control.reset, '\n');
    out.stderr('\u009b\u2066\u200b\ufeff\n');
    expect(written.stdout).toBe('a\\x1b[2Jb\\u202ec\td\r\ne\\x0df\n\x1b[32mx\\x1b[31m\x1b[0m\n');
    expect(written.stderr).toBe('\\u009b\\u2066\\u200b\\ufeff\n');
  });

  it('keeps JSON exact: the escapes it adds are JSON escapes of the same text', () => {
    const { written, out } = sink();
    const value = { name: 'a\u202eb\x7f\u0085\u{e0041}' };
    out.stdout(`${JSON.stringify(value)}\n`);
    expect(JSON.parse(written.stdout)).toEqual(value);
  });

  it('ends an open last line of standard output when the command finishes', () => {
    const { written, out } = sink();
    out.stdout('Next step: run it again.');
    out.finish();
    expect(written.stdout).toBe('Next step: run it again.\n');
    out.finish();
    expect(written.stdout).toBe('Next step: run it again.\n');
    const closed = sink();
    closed.out.stdout('done\n');
    closed.out.styled('stdout', Control.reset);
    closed.out.finish();
    expect(closed.written.stdout).toBe('done\n\x1b[0m');
  });
});
