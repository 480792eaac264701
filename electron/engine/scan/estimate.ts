import { LARGE_SCAN_HOSTS, LARGE_SCAN_PROBES, LARGE_SCAN_REFUSAL, type ScanOptions } from '../../../shared/contract/scan';
import type { HostSet } from './hostSet';
import { runIsLoopback } from './safety';
import { TIMING } from './timing';
import type { ErrorText } from '../../../shared/contract/errors';
import { localizedMessage } from '../localizedText';

/**
 * Probes per second a connect scan reaches when hosts answer: loopback is CPU-bound (measured on
 * a 2-core machine: about 20,000/s), a network is bounded by the connects in flight over a
 * round trip (assumed 10 ms here). Rough on purpose: it answers "seconds, minutes or hours?".
 */
const LOOPBACK_RATE = 20_000;
const ASSUMED_RTT_S = 0.01;

export interface DurationEstimate {
  /** When hosts answer (open or closed ports). */
  fastMs: number;
  /** When nothing answers: every probe waits out its timeout and its retries. */
  slowMs: number;
}

export function estimateDuration(options: ScanOptions, hosts: HostSet, portCount: number): DurationEstimate {
  const timing = TIMING[options.timing];
  const probes = hosts.count * portCount;
  const udp = options.protocol === 'udp';
  const limit = options.maxRate ?? (udp ? timing.udpRate : timing.defaultMaxRate) ?? Infinity;
  const parallelism = udp ? timing.udpParallelism : timing.parallelism;
  const loopback = hosts.runs.every((r) => runIsLoopback(r.family, r.start, r.count));
  const answered = Math.min(limit, loopback ? LOOPBACK_RATE : parallelism / ASSUMED_RTT_S, LOOPBACK_RATE * 2);
  const silent = Math.min(limit, parallelism / (timing.initialRtoMs / 1000));
  const retries = options.retries ?? timing.retries;
  return { fastMs: (probes / answered) * 1000, slowMs: loopback ? (probes / answered) * 1000 : ((probes * (retries + 1)) / silent) * 1000 };
}

export function roughDuration(ms: number): string {
  const s = ms / 1000;
  if (s < 90) return `${Math.max(1, Math.round(s))} s`;
  if (s < 90 * 60) return `${Math.round(s / 60)} min`;
  if (s < 48 * 3600) return `${(s / 3600).toFixed(1)} h`;
  return `${Math.round(s / 86400)} days`;
}

const n = (x: number) => x.toLocaleString('en-US');

/** roughDuration's parts, for a message to word in any language: the number and its unit. */
function roughParts(ms: number): { value: string; unit: 's' | 'min' | 'h' | 'days' } {
  const s = ms / 1000;
  if (s < 90) return { value: String(Math.max(1, Math.round(s))), unit: 's' };
  if (s < 90 * 60) return { value: String(Math.round(s / 60)), unit: 'min' };
  if (s < 48 * 3600) return { value: (s / 3600).toFixed(1), unit: 'h' };
  return { value: String(Math.round(s / 86400)), unit: 'days' };
}

/**
 * The refusal of an unconfirmed large scan: how large, how long, and how to confirm. The English
 * message starts with LARGE_SCAN_REFUSAL (front ends recognise the refusal by it); the key and
 * values let them word it in the user's language.
 */
export function largeScanText(options: ScanOptions, hosts: HostSet, portCount: number): ErrorText & { message: string } {
  const e = estimateDuration(options, hosts, portCount);
  const probes = hosts.count * portCount;
  const fast = roughParts(e.fastMs);
  const slow = roughParts(e.slowMs);
  // Numbers as numbers: each language groups and punctuates them its own way.
  const { message: _english, ...text } = localizedMessage('engine.scan.large', {
    probes,
    hosts: hosts.count,
    fast: Number(fast.value),
    fastUnit: fast.unit,
    slow: Number(slow.value),
    slowUnit: slow.unit,
    silent: Math.round(e.slowMs / 1000) <= Math.round(e.fastMs / 1000) * 1.5 ? 'same' : 'longer',
    maxHosts: LARGE_SCAN_HOSTS,
    maxProbes: LARGE_SCAN_PROBES,
  });
  void _english;
  return { message: largeScanMessage(options, hosts, portCount), ...text };
}

export function largeScanMessage(options: ScanOptions, hosts: HostSet, portCount: number): string {
  const e = estimateDuration(options, hosts, portCount);
  const probes = hosts.count * portCount;
  const time =
    Math.round(e.slowMs / 1000) <= Math.round(e.fastMs / 1000) * 1.5
      ? `about ${roughDuration(e.fastMs)}`
      : `about ${roughDuration(e.fastMs)} if the hosts answer, up to ${roughDuration(e.slowMs)} if they stay silent`;
  return (
    `${LARGE_SCAN_REFUSAL} ${n(probes)} probes to ${n(hosts.count)} host${hosts.count === 1 ? '' : 's'} would take ${time}. ` +
    `Scans of more than ${n(LARGE_SCAN_HOSTS)} hosts or ${n(LARGE_SCAN_PROBES)} probes need confirmation: narrow it, or confirm it (--force on the command line).`
  );
}
