import fs from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import { DEFAULT_AGENT_PORT } from '../../../shared/contract/machines';
import { agentTls, type AgentTls } from '../../engine/remote/agent-identity';
import type { Engine } from '../../engine/service';
import { agentLink } from '../../host/agent-link';
import { inProcessLink } from '../../host/engine-link';
import { isLoopbackHost } from '../../host/security';
import { startHost, type HostHandle } from '../../host/server';
import { UsageError } from '../errors';
import { parseListenAddress } from './agentMetrics';
import { t } from '../i18n';

export const DEFAULT_LISTEN_ADDRESS = `127.0.0.1:${DEFAULT_AGENT_PORT}`;

export interface AgentListenFlags {
  listen?: string | true;
  listenToken?: string;
  listenTokenFile?: string;
  listenTlsCert?: string;
  listenTlsKey?: string;
  allowControl?: boolean;
  showFingerprint?: boolean;
}

/** The options for the app's view of this machine, added to `portscope agent`. */
export function addListenOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--listen [address:port]', t('cli.agent.listen', { address: DEFAULT_LISTEN_ADDRESS })))
    .option('--listen-token <token>', t('cli.agent.listenToken'))
    .option('--listen-token-file <file>', t('cli.agent.listenTokenFile'))
    .option('--listen-tls-cert <file>', t('cli.agent.listenTlsCert'))
    .option('--listen-tls-key <file>', t('cli.agent.listenTlsKey'))
    .option('--allow-control', t('cli.agent.allowControl'))
    .option('--show-fingerprint', t('cli.agent.showFingerprint'));
}

function readToken(flags: AgentListenFlags): string | undefined {
  if (flags.listenToken !== undefined) return flags.listenToken;
  if (flags.listenTokenFile) {
    try {
      return fs.readFileSync(flags.listenTokenFile, 'utf8').trim();
    } catch (err) {
      throw new UsageError(t('cli.agent.error.readFile', { what: 'token', file: flags.listenTokenFile, reason: (err as NodeJS.ErrnoException).code ?? String(err) }));
    }
  }
  return process.env.PORTSCOPE_AGENT_TOKEN || undefined;
}

/** The certificate --listen presents (made now if the data folder has none yet). */
export function listenTls(flags: AgentListenFlags, dataDir: string): AgentTls {
  if (Boolean(flags.listenTlsCert) !== Boolean(flags.listenTlsKey)) throw new UsageError(t('cli.agent.error.certAndKey', { cert: '--listen-tls-cert', key: '--listen-tls-key' }));
  try {
    return agentTls(dataDir, flags.listenTlsCert ? { certFile: flags.listenTlsCert, keyFile: flags.listenTlsKey! } : undefined);
  } catch (err) {
    throw new UsageError(t('cli.agent.error.badCert', { error: err instanceof Error ? err.message : String(err) }));
  }
}

/** Checks the flags without starting anything: a mistake is one line and exit 2. */
export function checkListenFlags(flags: AgentListenFlags): { host: string; port: number; token: string } | null {
  if (flags.listen === undefined) {
    if (flags.listenToken || flags.listenTokenFile || flags.listenTlsCert || flags.allowControl) {
      throw new UsageError(t('cli.agent.error.listenNeeded'));
    }
    return null;
  }
  const { host, port } = parseListenAddress(flags.listen === true ? DEFAULT_LISTEN_ADDRESS : flags.listen, '--listen', DEFAULT_LISTEN_ADDRESS);
  const token = readToken(flags);
  if (token === undefined) {
    throw new UsageError(
      isLoopbackHost(host) ? t('cli.agent.error.listenToken') : t('cli.agent.error.listenTokenBeyond', { host }),
    );
  }
  if (token.length < 16) throw new UsageError(t('cli.agent.error.shortToken', { flag: '--listen' }));
  return { host, port, token };
}

export interface AgentListenHandle {
  url: string;
  fingerprint: string;
  close(): Promise<void>;
}

/**
 * Serves the contract to the Portscope app over browser mode's host, in machine-client mode:
 * TLS, a bearer token, read-only unless --allow-control (see host/agent-link.ts).
 */
export async function startAgentListen(engine: Engine, flags: AgentListenFlags, dataDir: string, log: (m: string) => void): Promise<AgentListenHandle | null> {
  const checked = checkListenFlags(flags);
  if (!checked) return null;
  const tls = listenTls(flags, dataDir);
  const local = inProcessLink(engine);
  let host: HostHandle;
  try {
    host = await startHost({
      link: agentLink({ ...local, close: async () => {} }, flags.allowControl === true),
      rendererDir: '',
      host: checked.host,
      port: checked.port,
      tls: { cert: tls.cert, key: tls.key },
      bearerToken: checked.token,
      log,
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const values = { flag: '--listen', host: checked.host, port: String(checked.port) };
    if (code === 'EADDRINUSE') throw new UsageError(t('cli.agent.error.inUse', values));
    if (code === 'EADDRNOTAVAIL') throw new UsageError(t('cli.agent.error.notLocal', values));
    if (code === 'EACCES') throw new UsageError(t('cli.agent.error.denied', values));
    throw err;
  }
  const how = tls.source === 'given' ? `certificate ${tls.certFile}` : `self-signed certificate ${tls.certFile}${tls.source === 'generated' ? ' (made now)' : ''}`;
  log(`the app can connect at ${host.url} (${flags.allowControl ? 'control allowed' : 'read-only'}, bearer token required, ${how})`);
  log(`certificate fingerprint (SHA-256): ${tls.fingerprint}`);
  return { url: host.url, fingerprint: tls.fingerprint, close: () => host.close() };
}
