import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Issue 13: a word a user reads must come from a catalog. Each sample is linted as if it sat in a
// renderer component; the rule (formatjs/no-literal-string-in-jsx, eslint.config.mjs) must bite.
const eslint = new ESLint({ cwd: process.cwd() });
const FILE = 'renderer/components/Sample.tsx';

async function problems(code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: FILE });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'i18n/no-literal-string-in-jsx').length;
}

describe('no user-visible literal in JSX', () => {
  it.each([
    ['JSX text', 'export const A = () => <p>Listening ports</p>;'],
    ['a string in braces', "export const A = () => <p>{'Connections'}</p>;"],
    ['a template literal', 'export const A = ({ n }: { n: number }) => <p>{`${n} sockets`}</p>;'],
    ['title', 'export const A = () => <span title="Bound to loopback" />;'],
    ['aria-label', 'export const A = () => <nav aria-label="Pages" />;'],
    ['placeholder', 'export const A = () => <input placeholder="Search" />;'],
    ['alt', 'export const A = () => <img alt="Program icon" />;'],
    ['label of a component', 'const C = (_: { label: string }) => null;\nexport const A = () => <C label="Close" />;'],
    ['a chart series name', "import { Bar } from 'recharts';\nexport const A = () => <Bar dataKey=\"n\" name=\"sockets\" />;"],
    ["a table's title and empty text", 'const SocketTablePanel = (_: { title: string; empty: string }) => null;\nexport const A = () => <SocketTablePanel title="Connections" empty="No connections." />;'],
  ])('fails on %s', async (_what, code) => {
    expect(await problems(code)).toBeGreaterThan(0);
  });

  it.each([
    ['a translated text', "declare const t: (k: string) => string;\nexport const A = () => <p title={t('ui.x.title')}>{t('ui.x.text')}</p>;"],
    ["a layout space {' '}", "declare const t: (k: string) => string;\nexport const A = () => (\n  <p>\n    {t('ui.x.a')}{' '}\n    <b>{t('ui.x.b')}</b>\n  </p>\n);"],
    ['data from a named constant', "const PROTO = 'TCP';\nexport const A = () => <option>{PROTO}</option>;"],
    ['attributes nobody reads', 'export const A = () => <div className="panel" role="group" data-key="x" />;'],
  ])('lets %s through', async (_what, code) => {
    expect(await problems(code)).toBe(0);
  });
});
