import fs from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { ScanRequestSchema, TIMING_PROFILES, type TimingProfile } from '../../../shared/contract/scan';
import { startMetricsEndpoint, type EndpointHandle } from '../../engine/metrics/endpoint';
import { PortscopeMetrics } from '../../engine/metrics/registry';
import { ScanScheduler, type ScheduledScan } from '../../engine/metrics/scheduledScans';
import type { Engine } from '../../engine/service';
import { UsageError } from '../errors';
import { runScan, scanRequest } from './scan';
import { t } from '../i18n';
import { localizeCommanderError } from '../help';

/** Prometheus' default port range for exporters is 9100+; 9479 is free in its allocation list. */
export const DEFAULT_METRICS_ADDRESS = '127.0.0.1:9479';

export interface AgentMetricsFlags {
  metrics?: string | true;
  metricsToken?: string;
  metricsTokenFile?: string;
  metricsTlsCert?: string;
  metricsTlsKey?: string;
  metricsTlsClientCa?: string;
  metricsRemoteLabels?: boolean;
  scan?: string[];
  every?: number;
}

/** `ADDR:PORT`, `[v6]:PORT` or `:PORT` (loopback). */
export function parseListenAddress(value: string, flag = '--metrics', example = DEFAULT_METRICS_ADDRESS): { host: string; port: number } {
  const m = /^\[([0-9a-fA-F:.]+)\]:(\d{1,5})$/.exec(value.trim()) ?? /^([\w.-]*):(\d{1,5})$/.exec(value.trim());
  if (!m) throw new UsageError(t('cli.agent.error.address', { flag, example, example6: `[::1]:${example.split(':').pop()}`, value }));
  const port = Number(m[2]);
  if (port > 65535) throw new UsageError(t('cli.agent.error.portRange', { flag, port: String(port) }));
  return { host: m[1] || '127.0.0.1', port };
}

/** `90s`, `5m`, `1h`, `1d`: at least 10 seconds, at most a week. */
export function parseEvery(value: string): number {
  const m = /^(\d+(?:\.\d+)?)(s|m|h|d)$/.exec(value.trim());
  if (!m) throw new UsageError(t('cli.agent.error.every', { value }));
  const ms = Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's' | 'm' | 'h' | 'd'];
  if (ms < 10_000 || ms > 7 * 86_400_000) throw new UsageError(t('cli.agent.error.everyRange', { value }));
  return ms;
}

/** One `--scan "TARGETS --ports P [--udp] [--timing T] [--i-am-authorized]"` spec, checked like `portscope scan`. */
export function parseScanSpec(spec: string, everyMs: number): ScheduledScan {
  const words = spec.trim().split(/\s+/).filter(Boolean);
  const parser = new Command('scan')
    .exitOverride()
    .configureOutput({ writeErr: () => {}, writeOut: () => {} })
    .argument('<targets...>')
    .requiredOption('-p, --ports <ports>')
    .option('--udp')
    .addOption(new Option('--timing <profile>').choices(TIMING_PROFILES).default('normal'))
    .option('--i-am-authorized');
  let targets: string[] = [];
  try {
    parser.action((t: string[]) => {
      targets = t;
    });
    parser.parse(words, { from: 'user' });
  } catch (err) {
    const why = err instanceof CommanderError ? localizeCommanderError(err.message) : String(err);
    throw new UsageError(t('cli.agent.error.scanSpec', { spec, why }));
  }
  const o = parser.opts<{ ports: string; udp?: boolean; timing: TimingProfile; iAmAuthorized?: boolean }>();
  const request = ScanRequestSchema.parse(scanRequest(targets, { ports: o.ports, udp: o.udp, timing: o.timing, iAmAuthorized: o.iAmAuthorized }));
  return { name: words.join(' '), request, everyMs };
}

/** The agent's metrics options, added to whichever command runs the agent. */
export function addMetricsOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--metrics [address:port]', t('cli.agent.metrics', { address: DEFAULT_METRICS_ADDRESS })))
    .option('--metrics-token <token>', t('cli.agent.metricsToken'))
    .option('--metrics-token-file <file>', t('cli.agent.metricsTokenFile'))
    .option('--metrics-tls-cert <file>', t('cli.agent.metricsTlsCert'))
    .option('--metrics-tls-key <file>', t('cli.agent.metricsTlsKey'))
    .option('--metrics-tls-client-ca <file>', t('cli.agent.metricsTlsClientCa'))
    .option('--metrics-remote-labels', t('cli.agent.metricsRemoteLabels'))
    .option('--scan <spec>', t('cli.agent.scan'), (v: string, acc: string[] = []) => [...acc, v])
    .addOption(new Option('--every <duration>', t('cli.agent.every')).default(3_600_000, '1h').argParser(parseEvery));
}

/** `what`: which file it is, for the message (token, cert, key, clientCa). */
function readFileOption(file: string, what: 'token' | 'cert' | 'key' | 'clientCa'): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new UsageError(t('cli.agent.error.readFile', { what, file, reason: (err as NodeJS.ErrnoException).code ?? String(err) }));
  }
}

export interface AgentMetricsHandle {
  url: string | null;
  scheduler: ScanScheduler | null;
  /** Rejects when the engine refuses a scheduled scan (e.g. a public target without --i-am-authorized). */
  refused: Promise<never>;
  close(): Promise<void>;
}

declare const PORTSCOPE_VERSION: string | undefined;

/**
 * Starts what the metrics flags ask for: the /metrics endpoint (kept fed by the engine's monitor)
 * and the scheduled scans. Flags are checked before anything listens, so a mistake is one line
 * and exit 2, never a half-started agent.
 */
export async function startAgentMetrics(engine: Engine, flags: AgentMetricsFlags, log: (m: string) => void): Promise<AgentMetricsHandle> {
  const scans = (flags.scan ?? []).map((s) => parseScanSpec(s, flags.every ?? 3_600_000));
  if (flags.metrics === undefined) {
    if (flags.metricsToken || flags.metricsTokenFile || flags.metricsTlsCert || flags.metricsRemoteLabels) {
      throw new UsageError(t('cli.agent.error.metricsNeeded'));
    }
  }
  const token = flags.metricsToken ?? (flags.metricsTokenFile ? readFileOption(flags.metricsTokenFile, 'token').toString('utf8').trim() : process.env.PORTSCOPE_METRICS_TOKEN);
  if (token !== undefined && token.length < 16) throw new UsageError(t('cli.agent.error.shortToken', { flag: '--metrics' }));
  if (Boolean(flags.metricsTlsCert) !== Boolean(flags.metricsTlsKey)) throw new UsageError(t('cli.agent.error.certAndKey', { cert: '--metrics-tls-cert', key: '--metrics-tls-key' }));
  if (flags.metricsTlsClientCa && !flags.metricsTlsCert) throw new UsageError(t('cli.agent.error.clientCa'));
  const tls = flags.metricsTlsCert
    ? {
        cert: readFileOption(flags.metricsTlsCert, 'cert'),
        key: readFileOption(flags.metricsTlsKey!, 'key'),
        clientCa: flags.metricsTlsClientCa ? readFileOption(flags.metricsTlsClientCa, 'clientCa') : undefined,
      }
    : undefined;

  let refuse: (err: Error) => void = () => {};
  const refused = new Promise<never>((_, reject) => {
    refuse = reject;
  });
  refused.catch(() => {}); // observed by the agent; never an unhandled rejection
  const scheduler =
    scans.length > 0
      ? new ScanScheduler(scans, (request) => runScan(engine, request, () => {}), log, (scan, err) =>
          refuse(new UsageError(`--scan "${scan.name}": ${err instanceof Error ? err.message : String(err)}`)),
        )
      : null;
  const metrics = new PortscopeMetrics(
    { snapshot: () => engine.monitor.snapshot(), scans: scheduler ? () => scheduler.series() : undefined },
    { remoteLabels: flags.metricsRemoteLabels, version: typeof PORTSCOPE_VERSION === 'string' ? PORTSCOPE_VERSION : '0.0.0-dev', platform: process.platform },
  );
  const offs = [
    engine.on('sockets.delta', (d) => metrics.observeRefresh(d.durationMs)),
    engine.on('monitor.error', () => metrics.refreshErrors.inc()),
  ];
  let endpoint: EndpointHandle | null = null;
  if (flags.metrics !== undefined) {
    const { host, port } = parseListenAddress(flags.metrics === true ? DEFAULT_METRICS_ADDRESS : flags.metrics);
    try {
      endpoint = await startMetricsEndpoint({
        host,
        port,
        token,
        tls,
        log,
        metrics: async () => ({ body: await metrics.text(), contentType: metrics.contentType }),
      });
    } catch (err) {
      for (const off of offs) off();
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EPORTSCOPE_INSECURE') throw new UsageError((err as Error).message);
      const values = { flag: '--metrics', host, port: String(port) };
      if (code === 'EADDRINUSE') throw new UsageError(t('cli.agent.error.inUse', values));
      if (code === 'EADDRNOTAVAIL') throw new UsageError(t('cli.agent.error.notLocal', values));
      if (code === 'EACCES') throw new UsageError(t('cli.agent.error.denied', values));
      throw err;
    }
    log(`metrics at ${endpoint.url}${token ? ' (bearer token required)' : ''}${tls?.clientCa ? ' (client certificate required)' : ''}`);
  }
  scheduler?.start();
  return {
    url: endpoint?.url ?? null,
    scheduler,
    refused,
    async close() {
      scheduler?.stop();
      for (const off of offs) off();
      await endpoint?.close();
    },
  };
}
