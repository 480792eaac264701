import { type Command } from 'commander';
import { DiagnoseRequestSchema, type DiagnoseResult, type DiagnoseStep } from '../../../shared/contract/scan';
import type { Engine } from '../../engine/service';
import { EXIT_NOTHING, EXIT_OK, UsageError } from '../errors';
import { parsePort } from '../options';
import type { SafeOutput } from '../output';
import { addCommandRegistrar, type CommandContext } from '../registry';
import { terminalSafe } from '../table';
import { fmt, t, tEngine } from '../i18n';

export interface DiagnoseCliOptions {
  udp?: boolean;
  loopbackOnly?: boolean;
  json?: boolean;
  timeout: number;
}

const MARK_KEYS = {
  ok: 'cli.diagnose.mark.ok',
  warn: 'cli.diagnose.mark.warn',
  fail: 'cli.diagnose.mark.fail',
  skip: 'cli.diagnose.mark.skip',
} as const satisfies Record<DiagnoseStep['status'], string>;

/** "[ ok ]", "[warn]": the status words centred in brackets as wide as the language's longest, so the step names line up. */
function mark(status: DiagnoseStep['status']): string {
  const width = Math.max(4, ...Object.values(MARK_KEYS).map((k) => t(k).length));
  const word = t(MARK_KEYS[status]);
  const left = Math.floor((width - word.length) / 2);
  return `[${' '.repeat(left)}${word}${' '.repeat(width - word.length - left)}]`;
}

/** The engine's texts in the CLI's language, by their keys; the English the engine sent where a key is unknown. */
function stepLines(index: number, s: DiagnoseStep): string {
  const lead = `${index + 1}. ${mark(s.status)} `;
  const head = `${lead}${tEngine(s.nameKey, undefined, s.name)}  (${fmt().number(Math.round(s.durationMs), 0)} ms)`;
  const details = s.details.map((d, i) => {
    const text = s.detailTexts?.[i];
    return text ? tEngine(text.key, text.values, d) : d;
  });
  // The message starts under the step's name; its details two further in.
  const indent = ' '.repeat(Math.max(10, lead.length));
  const body = [`${indent}${terminalSafe(tEngine(s.messageKey, s.values, s.message))}`, ...details.map((d) => `${indent}  ${terminalSafe(d)}`)];
  return [head, ...body].join('\n');
}

/** ICU select keys are identifiers: the JSON's hyphenated verdict codes by another name. */
const VERDICT_SELECTOR: Record<DiagnoseResult['verdict'], string> = { ok: 'ok', 'not-listening': 'notListening', 'local-only': 'localOnly', blocked: 'blocked', unknown: 'unknown' };

/** "Verdict: …" and "Next step: …"; English keeps the JSON's verdict codes (ok, local-only), German and Dutch word them. */
function verdictLines(r: DiagnoseResult): string[] {
  const summary = tEngine(r.summaryText?.key, r.summaryText?.values, r.summary);
  const next = tEngine(r.nextStepText?.key, r.nextStepText?.values, r.nextStep);
  return [t('cli.diagnose.verdict', { verdict: VERDICT_SELECTOR[r.verdict], summary: terminalSafe(summary) }), t('cli.diagnose.nextStep', { next: terminalSafe(next) })];
}

export function diagnoseText(r: DiagnoseResult): string {
  const lines = r.steps.map((s, i) => stepLines(i, s));
  lines.push('', ...verdictLines(r));
  return `${lines.join('\n')}\n`;
}

export async function diagnoseCommand(engine: Engine, port: number, o: DiagnoseCliOptions, out: SafeOutput): Promise<number> {
  const parsed = DiagnoseRequestSchema.safeParse({ port, protocol: o.udp ? 'udp' : 'tcp', timeoutMs: o.timeout, loopbackOnly: o.loopbackOnly ?? false });
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]!.message);
  if (!o.json) out.stdout(`${t('cli.diagnose.start', { label: `${port}/${parsed.data.protocol}` })}\n\n`);
  // Steps print as they finish: the reachability and firewall checks can take a moment.
  const off = o.json ? () => {} : engine.on('diagnose.step', (e) => e.port === port && out.stdout(`${stepLines(e.index, e.step)}\n`));
  let result: DiagnoseResult;
  try {
    result = await engine.handlers['diagnose.run'](parsed.data);
  } finally {
    off();
  }
  if (o.json) out.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else out.stdout(`\n${verdictLines(result).join('\n')}\n`);
  return result.verdict === 'ok' ? EXIT_OK : EXIT_NOTHING;
}

addCommandRegistrar((program: Command, ctx: CommandContext) => {
  program
    .command('diagnose')
    .description(t('cli.diagnose.description'))
    .argument('<port>', t('cli.arg.localPort'), (v) => parsePort(v))
    .option('--udp', t('cli.diagnose.udp'))
    .option('--loopback-only', t('cli.diagnose.loopbackOnly'))
    .option('--json', t('cli.option.json'))
    .option(
      '-w, --timeout <ms>',
      t('cli.diagnose.timeout'),
      (v: string) => {
        if (!/^\d+$/.test(v) || Number(v) < 50 || Number(v) > 10_000) throw new UsageError(t('cli.error.wholeRange', { flag: '--timeout', min: '50', max: '10000', value: v }));
        return Number(v);
      },
      1500,
    )
    .action(async (port: number, opts: DiagnoseCliOptions) => {
      ctx.exit.code = await diagnoseCommand(ctx.getEngine(), port, opts, ctx.out);
    });
});
