import readline from 'node:readline/promises';
import type { Command } from 'commander';
import type { CloseResult } from '../../../shared/contract/connection';
import { formatEndpoint } from '../../../shared/net/address';
import type { Engine } from '../../engine/service';
import { sameAddress } from '../../engine/connections/close';
import { EXIT_FAILURE, EXIT_NOTHING, EXIT_OK, UsageError } from '../errors';
import type { SafeOutput } from '../output';
import { addCommandRegistrar, type CommandContext } from '../registry';
import { t, tEngine } from '../i18n';

export interface CloseOptions {
  yes?: boolean;
  json?: boolean;
  /** Asks the question on a terminal; passed in so tests can answer it. */
  ask?: (question: string) => Promise<string>;
}

/** `127.0.0.1:8080`, `[::1]:8080`, `[fe80::1%eth0]:22`: an endpoint as the socket table prints it. */
export function parseEndpoint(text: string, which: 'local' | 'remote'): { address: string; port: number } {
  const m = /^\[([^\]]+)\]:(\d{1,5})$/.exec(text.trim()) ?? /^([^:\s]+):(\d{1,5})$/.exec(text.trim());
  const port = m ? Number(m[2]) : NaN;
  if (!m || port < 1 || port > 65535) {
    throw new UsageError(t('cli.close.error.endpoint', { which, value: text }));
  }
  return { address: m[1]!, port };
}

const EXIT_BY_OUTCOME: Record<CloseResult['outcome'], number> = {
  closed: EXIT_OK,
  'not-found': EXIT_NOTHING,
  'not-established': EXIT_NOTHING,
  'still-open': EXIT_NOTHING,
  denied: EXIT_FAILURE,
  unsupported: EXIT_FAILURE,
};

async function askOnTerminal(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

/**
 * `portscope close LOCAL REMOTE`: aborts one established TCP connection, after saying which
 * process holds it and asking (unless --yes). Without a terminal to ask on, --yes is required.
 */
export async function closeCommand(engine: Engine, localText: string, remoteText: string, o: CloseOptions, out: SafeOutput): Promise<number> {
  const local = parseEndpoint(localText, 'local');
  const remote = parseEndpoint(remoteText, 'remote');
  const request = { protocol: 'tcp' as const, localAddress: local.address, localPort: local.port, remoteAddress: remote.address, remotePort: remote.port };
  if (!o.yes) {
    const ask = o.ask ?? (process.stdin.isTTY ? askOnTerminal : null);
    if (!ask) throw new UsageError(t('cli.close.error.needsYes'));
    const snap = await engine.handlers['sockets.snapshot']({});
    const row = snap.rows.find(
      (r) => r.protocol === 'tcp' && r.localPort === local.port && r.remotePort === remote.port && sameAddress(r.localAddress, local.address) && sameAddress(r.remoteAddress, remote.address),
    );
    const connection = `${formatEndpoint(local.address, local.port)} -> ${formatEndpoint(remote.address, remote.port)}`;
    const answer = await ask(
      `${t('cli.close.question', {
        connection,
        state: row ? row.state : 'none',
        owner: row?.processName ? 'known' : 'unknown',
        process: row?.processName ?? '',
        pid: String(row?.pid ?? ''),
        user: row?.user ?? '?',
      })} `,
    );
    // "y"/"yes" in every language, and the language's own yes (j/ja in German and Dutch).
    if (!/^(y(es)?|j(a)?)$/i.test(answer.trim())) {
      out.stderr(`portscope: ${t('cli.close.nothingClosed')}\n`);
      return EXIT_NOTHING;
    }
  }
  const result = await engine.handlers['connection.close'](request);
  if (o.json) out.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else if (result.ok) out.stdout(`${tEngine(result.messageKey, result.values, result.message)}\n`);
  else out.stderr(`portscope: ${tEngine(result.messageKey, result.values, result.message)}\n`);
  return EXIT_BY_OUTCOME[result.outcome];
}

addCommandRegistrar((program: Command, ctx: CommandContext) => {
  program
    .command('close')
    .description(t('cli.close.description'))
    .argument('<local>', t('cli.close.local'))
    .argument('<remote>', t('cli.close.remote'))
    .option('-y, --yes', t('cli.close.yes'))
    .option('--json', t('cli.close.json'))
    .action(async (local: string, remote: string, opts: CloseOptions) => {
      ctx.exit.code = await closeCommand(ctx.getEngine(), local, remote, opts, ctx.out);
    });
});
