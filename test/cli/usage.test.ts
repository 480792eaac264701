import { describe, expect, it } from 'vitest';
import { portscope } from '../support/cli';

/** Bad input always gets one line on stderr, nothing on stdout, and exit 2. */
function expectUsage(args: string[], pattern?: RegExp): void {
  const r = portscope(args, { timeoutMs: 30_000 });
  const shown = `portscope ${args.join(' ')} -> ${r.status}: ${r.stderr}`;
  expect(r.status, shown).toBe(2);
  expect(r.stdout, shown).toBe('');
  expect(r.stderr.endsWith('\n'), shown).toBe(true);
  expect(r.stderr.trimEnd().split('\n'), shown).toHaveLength(1);
  expect(r.stderr, shown).toMatch(/^portscope: /);
  expect(r.stderr, shown).not.toMatch(/unexpected failure/);
  if (pattern) expect(r.stderr, shown).toMatch(pattern);
}

describe('bad input: one line, exit 2', () => {
  it('serve --host with an address that cannot be one, or a name that does not resolve', () => {
    expectUsage(['serve', '--host', '999.1.1.1'], /^portscope: --host 999\.1\.1\.1 is not a valid IPv4 address\n$/);
    expectUsage(['serve', '--host', '1.2.3'], /not a valid IPv4 address/);
    expectUsage(['serve', '--host', '::zz'], /not a valid IPv6 address/);
    expectUsage(['serve', '--host', 'no-such-host.invalid'], /no such host name/);
    // A valid address this machine does not have (TEST-NET-1): the bind fails, still one line.
    expectUsage(['serve', '--host', '192.0.2.99'], /is not an address of this machine/);
  });

  it('an empty option value (an unset shell variable) is refused, never silently ignored', () => {
    expectUsage(['scan', '127.0.0.1', '-p', '1', '--report', ''], /^portscope: --report needs a value, not an empty string\n$/);
    expectUsage(['report', '--title', ''], /--title needs a value/);
    expectUsage(['report', '-o', ''], /--output needs a value/);
  });

  it('a sweep of mistakes across the commands', () => {
    const cases: string[][] = [
      ['nope'],
      ['list', '--port', 'x'],
      ['list', '--port', '0'],
      ['list', '--port', '65536'],
      ['list', '--pid', '-1'],
      ['list', '--state', 'sleeping'],
      ['list', '--bogus'],
      ['who'],
      ['who', 'http'],
      ['who', '70000'],
      ['watch', '--interval', '1ms'],
      ['watch', '--interval', 'soon'],
      ['watch', '--count', '0'],
      ['report', '--what', 'everything'],
      ['report', '--table', 'hosts'],
      ['report', '--format', 'pdf'],
      ['report', '--format', 'json', '--table', 'listeners'],
      ['import'],
      ['import', '/nonexistent/file.json'],
      ['diagnose'],
      ['diagnose', '0'],
      ['diagnose', '22', '--timeout', '5'],
      ['probe', '127.0.0.1'],
      ['probe', '127.0.0.1', 'x'],
      ['scan'],
      ['scan', '127.0.0.1', '-p', '99999'],
      ['scan', '127.0.0.1', '-T', 'warp'],
      ['serve', '--port', '70000'],
      ['serve', '--port', '-1'],
      ['serve', '--host', 'a b'],
    ];
    for (const args of cases) expectUsage(args);
  }, 120_000);
});
