import { type Command } from 'commander';
import { DiagnoseRequestSchema, type DiagnoseResult, type DiagnoseStep } from '../../../shared/contract/scan';
import type { Engine } from '../../engine/service';
import { EXIT_NOTHING, EXIT_OK, UsageError } from '../errors';
import { parsePort } from '../options';
import type { SafeOutput } from '../output';
import { addCommandRegistrar, type CommandContext } from '../registry';
import { terminalSafe } from '../table';

export interface DiagnoseCliOptions {
  udp?: boolean;
  loopbackOnly?: boolean;
  json?: boolean;
  timeout: number;
}

const MARK: Record<DiagnoseStep['status'], string> = { ok: '[ ok ]', warn: '[warn]', fail: '[FAIL]', skip: '[skip]' };

function stepLines(index: number, s: DiagnoseStep): string {
  const head = `${index + 1}. ${MARK[s.status]} ${s.name}  (${Math.round(s.durationMs)} ms)`;
  const body = [`          ${terminalSafe(s.message)}`, ...s.details.map((d) => `            ${terminalSafe(d)}`)];
  return [head, ...body].join('\n');
}

export function diagnoseText(r: DiagnoseResult): string {
  const lines = r.steps.map((s, i) => stepLines(i, s));
  lines.push('', `Verdict: ${r.verdict}: ${terminalSafe(r.summary)}`, `Next step: ${terminalSafe(r.nextStep)}`);
  return `${lines.join('\n')}\n`;
}

export async function diagnoseCommand(engine: Engine, port: number, o: DiagnoseCliOptions, out: SafeOutput): Promise<number> {
  const parsed = DiagnoseRequestSchema.safeParse({ port, protocol: o.udp ? 'udp' : 'tcp', timeoutMs: o.timeout, loopbackOnly: o.loopbackOnly ?? false });
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]!.message);
  if (!o.json) out.stdout(`Diagnosing port ${port}/${parsed.data.protocol} on this machine\n\n`);
  // Steps print as they finish: the reachability and firewall checks can take a moment.
  const off = o.json ? () => {} : engine.on('diagnose.step', (e) => e.port === port && out.stdout(`${stepLines(e.index, e.step)}\n`));
  let result: DiagnoseResult;
  try {
    result = await engine.handlers['diagnose.run'](parsed.data);
  } finally {
    off();
  }
  if (o.json) out.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else out.stdout(`\nVerdict: ${result.verdict}: ${terminalSafe(result.summary)}\nNext step: ${terminalSafe(result.nextStep)}\n`);
  return result.verdict === 'ok' ? EXIT_OK : EXIT_NOTHING;
}

addCommandRegistrar((program: Command, ctx: CommandContext) => {
  program
    .command('diagnose')
    .description('why can clients not reach my server? a checklist for a port on this machine')
    .argument('<port>', 'local port number', (v) => parsePort(v))
    .option('--udp', 'a UDP service')
    .option('--loopback-only', "connect to 127.0.0.1 and ::1 only, not to this machine's other addresses")
    .option('--json', 'print the result as JSON')
    .option(
      '-w, --timeout <ms>',
      'milliseconds to wait for each local connection',
      (v: string) => {
        if (!/^\d+$/.test(v) || Number(v) < 50 || Number(v) > 10_000) throw new UsageError(`--timeout must be a whole number from 50 to 10000, not '${v}'`);
        return Number(v);
      },
      1500,
    )
    .action(async (port: number, opts: DiagnoseCliOptions) => {
      ctx.exit.code = await diagnoseCommand(ctx.getEngine(), port, opts, ctx.out);
    });
});
