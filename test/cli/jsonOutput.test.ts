import { describe, expect, it } from 'vitest';
import { jsonLine, safeOutput, terminalText, type Output } from '../../electron/cli/output';

function capture() {
  const writes: string[] = [];
  const sink: Output = { stdout: (t) => void writes.push(t), stderr: () => {}, isTTY: false, columns: 80 };
  return { writes, out: safeOutput(sink) };
}

/** What `list --json` printed before it wrote in pieces: the whole text through the sanitizer. */
const reference = (value: unknown) => terminalText(`${JSON.stringify(value)}\n`);

const HOSTILE = ['"quoted"', 'back\\slash', 'nul\0bell\x07esc\x1b[2J', 'cr\r\nlf\ttab', 'del\x7f', 'c1\u0085\u009b', 'bidi\u202eexe', 'zw\u200b\ufeff', 'lone \ud800 high', 'lone \udc00 low', 'tag \u{e0041}', 'emoji \u{1f600}', 'é ü ß', '\u2028\u2029'];

function rows(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    id: `tcp4|127.0.0.1|${i}`,
    processName: i % 7 === 3 ? HOSTILE[i % HOSTILE.length] : 'node',
    pids: i % 2 ? [i] : [],
    rttMs: i / 1000,
    tcpInfo: i % 3 ? null : { segsIn: i, cwnd: 10 },
    dualStack: i % 5 === 0 ? undefined : null,
  }));
}

describe('SafeOutput.json', () => {
  it('writes exactly the sanitized JSON.stringify line, for arrays of every piece boundary and other values', () => {
    for (const value of [[], [1], rows(1), rows(255), rows(256), rows(257), rows(700), { rows: rows(300), n: 1 }, 'x\u202e', 42, null, [undefined, () => 1]]) {
      const { writes, out } = capture();
      out.json(value);
      expect(writes.join('')).toBe(reference(value));
    }
  });

  it('escapes every hostile string as JSON.stringify and the sanitizer together do, and stays valid JSON', () => {
    const value = HOSTILE.map((s, i) => ({ i, s }));
    const { writes, out } = capture();
    out.json(value);
    const text = writes.join('');
    expect(text).toBe(reference(value));
    expect([...text].filter((c) => (c < ' ' && c !== '\n') || c === '\x7f' || c === '\u202e' || c === '\u200b')).toEqual([]);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it('writes a long array in several pieces, each ending on an element', () => {
    const { writes, out } = capture();
    out.json(rows(1000));
    expect(writes.length).toBe([...jsonLine(rows(1000))].length);
    expect(writes.length).toBeGreaterThan(1);
    for (const [i, w] of writes.entries()) {
      expect(w[0]).toBe(i === 0 ? '[' : ',');
      expect(w.endsWith(i === writes.length - 1 ? '}]\n' : '}')).toBe(true);
    }
  });
});
