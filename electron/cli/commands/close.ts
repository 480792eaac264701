import readline from 'node:readline/promises';
import type { Command } from 'commander';
import type { CloseResult } from '../../../shared/contract/connection';
import { formatEndpoint } from '../../../shared/net/address';
import type { Engine } from '../../engine/service';
import { sameAddress } from '../../engine/connections/close';
import { EXIT_FAILURE, EXIT_NOTHING, EXIT_OK, UsageError } from '../errors';
import type { SafeOutput } from '../output';
import { addCommandRegistrar, type CommandContext } from '../registry';

export interface CloseOptions {
  yes?: boolean;
  json?: boolean;
  /** Asks the question on a terminal; passed in so tests can answer it. */
  ask?: (question: string) => Promise<string>;
}

/** `127.0.0.1:8080`, `[::1]:8080`, `[fe80::1%eth0]:22`: an endpoint as the socket table prints it. */
export function parseEndpoint(text: string, which: string): { address: string; port: number } {
  const m = /^\[([^\]]+)\]:(\d{1,5})$/.exec(text.trim()) ?? /^([^:\s]+):(\d{1,5})$/.exec(text.trim());
  const port = m ? Number(m[2]) : NaN;
  if (!m || port < 1 || port > 65535) {
    throw new UsageError(`the ${which} end must be ADDRESS:PORT (IPv6 in brackets: [::1]:8080), not '${text}'`);
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
    if (!ask) throw new UsageError('closing a connection needs a yes: add --yes (there is no terminal to ask on)');
    const snap = await engine.handlers['sockets.snapshot']({});
    const row = snap.rows.find(
      (r) => r.protocol === 'tcp' && r.localPort === local.port && r.remotePort === remote.port && sameAddress(r.localAddress, local.address) && sameAddress(r.remoteAddress, remote.address),
    );
    const who = row?.processName ? `${row.processName} (pid ${row.pid}, user ${row.user ?? '?'})` : 'an owner Portscope cannot see';
    const state = row ? row.state : 'not open now';
    const answer = await ask(
      `Close TCP ${formatEndpoint(local.address, local.port)} -> ${formatEndpoint(remote.address, remote.port)} (${state}) of ${who}? Both ends see it aborted. [y/N] `,
    );
    if (!/^y(es)?$/i.test(answer.trim())) {
      out.stderr('portscope: nothing was closed\n');
      return EXIT_NOTHING;
    }
  }
  const result = await engine.handlers['connection.close'](request);
  if (o.json) out.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else if (result.ok) out.stdout(`${result.message}\n`);
  else out.stderr(`portscope: ${result.message}\n`);
  return EXIT_BY_OUTCOME[result.outcome];
}

addCommandRegistrar((program: Command, ctx: CommandContext) => {
  program
    .command('close')
    .description('close (abort) one established TCP connection, as TCPView does; never a listener (Linux: root)')
    .argument('<local>', 'the local end, ADDRESS:PORT as `portscope list --all` shows it')
    .argument('<remote>', 'the remote end, ADDRESS:PORT')
    .option('-y, --yes', 'do not ask first')
    .option('--json', 'print the outcome as JSON')
    .action(async (local: string, remote: string, opts: CloseOptions) => {
      ctx.exit.code = await closeCommand(ctx.getEngine(), local, remote, opts, ctx.out);
    });
});
