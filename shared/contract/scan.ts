import { z } from 'zod';
import { ProtocolSchema } from './sockets';
import { localizedFields, LocalizedTextSchema } from './localized';

/**
 * Scanner, reachability probe and port diagnosis: the calls the CLI and the desktop app's scan,
 * probe and diagnose pages drive, and the events they listen to.
 *
 * Flow of a scan: `scan.start` validates targets and ports (a `bad-request` error names the
 * culprit; a `denied` error means a public target needs `authorized: true`), resolves names and
 * answers at once with an id and the probe count. The work runs in worker threads and reports
 * `scan.progress` (about ten times a second), `scan.found` (each open port as soon as it is seen)
 * and finally one `scan.done` carrying the whole result, also when cancelled (`scan.cancel`).
 */

// ---------------------------------------------------------------------------------------------
// Scan

export const TIMING_PROFILES = ['polite', 'normal', 'aggressive', 'insane'] as const;
export const TimingProfileSchema = z.enum(TIMING_PROFILES);
export type TimingProfile = z.infer<typeof TimingProfileSchema>;

/** nmap's port states. A UDP port that stayed silent is `open|filtered`. */
export const PortStateSchema = z.enum(['open', 'closed', 'filtered', 'open|filtered']);
export type PortState = z.infer<typeof PortStateSchema>;

/**
 * Why a port got its state, in nmap's words: `syn-ack` (connected), `conn-refused`, `reset`,
 * `no-response`, `host-unreach`, `net-unreach`, `admin-prohibited`, `host-down`, `udp-response`,
 * `port-unreach`; other socket errors appear as their lower-case errno name.
 */
export const PortReasonSchema = z.string();

export const ScanRequestSchema = z
  .object({
    /**
     * Target specs: IPv4/IPv6 literals, host names, CIDR blocks (`10.0.0.0/24`, `fd00::/120`),
     * ranges (`192.168.1.10-20`), or comma-separated lists of these. At least one.
     */
    targets: z.array(z.string().max(4096)).min(1).max(10_000),
    /**
     * Port spec: `22,80,443,8000-8100`, `-` for 1–65535, `1024-`, and presets (`well-known`,
     * `basic`, `web`, `games`, `malicious`, `top100`), mixable: `basic,8080`.
     */
    ports: z.string().max(100_000),
    protocol: ProtocolSchema.default('tcp'),
    timing: TimingProfileSchema.default('normal'),
    /** Probes per second across all workers; null = as fast as the timing profile allows. */
    maxRate: z.number().positive().max(1_000_000).nullable().default(null),
    /** Unanswered probes are sent again this many times; null = the profile's value. */
    retries: z.number().int().min(0).max(10).nullable().default(null),
    /** A host name gives its first address (like nmap) or every address it resolves to. */
    resolveAll: z.boolean().default(false),
    /** Confirms the user may scan targets outside loopback, private, link-local and unique-local ranges. */
    authorized: z.boolean().default(false),
    /**
     * Confirms a large scan: more than LARGE_SCAN_HOSTS hosts or LARGE_SCAN_PROBES probes. Without
     * it such a scan is refused (`denied`, message starting with LARGE_SCAN_REFUSAL) with an
     * estimate of its duration, so nobody starts a /8 by a typo.
     */
    force: z.boolean().default(false),
    /** Banner, HTTP and TLS hints for open TCP ports (a few seconds at most per port). */
    serviceHints: z.boolean().default(false),
    /**
     * Closed ports in `results`: `always`, `never`, or `auto` (listed while there are at most
     * 1,000 per host, else only counted, like nmap's "Not shown: 65530 closed tcp ports").
     */
    includeClosed: z.enum(['auto', 'always', 'never']).default('auto'),
    /** Worker threads; null = chosen from the CPU count and the scan size. */
    workers: z.number().int().min(1).max(16).nullable().default(null),
  })
  .strict();
export type ScanRequest = z.input<typeof ScanRequestSchema>;
export type ScanOptions = z.output<typeof ScanRequestSchema>;

export const ScanTargetSchema = z.object({
  /** What the user wrote that produced this address (a name, a CIDR block, a literal). */
  spec: z.string(),
  address: z.string(),
  family: z.union([z.literal(4), z.literal(6)]),
  /** The host name when the target was a name, else null. */
  name: z.string().nullable(),
});
export type ScanTarget = z.infer<typeof ScanTargetSchema>;

/** Above these sizes a scan needs `force` (see ScanRequest.force). */
export const LARGE_SCAN_HOSTS = 65_536;
export const LARGE_SCAN_PROBES = 1_000_000;
/** How the refusal of an unconfirmed large scan begins, so a front end can ask the right question. */
export const LARGE_SCAN_REFUSAL = 'Large scan:';
export const isLargeScanRefusal = (message: string): boolean => message.startsWith(LARGE_SCAN_REFUSAL);

export const ScanStartResponseSchema = z.object({
  scanId: z.string(),
  /** Probes to send (hosts × ports), retries not counted. */
  total: z.number().int().nonnegative(),
  /** The first hosts (at most 100): a /8 is not spelled out. */
  hosts: z.array(ScanTargetSchema),
  /** How many hosts the scan covers. */
  hostCount: z.number().int().nonnegative(),
  portCount: z.number().int().nonnegative(),
  workers: z.number().int().positive(),
  /** Notes about the request, e.g. a name that resolved to several addresses. */
  warnings: z.array(z.string()),
});
export type ScanStartResponse = z.infer<typeof ScanStartResponseSchema>;

/** Strictly limited, sanitised text from an open port. All of it is hostile: show as text only. */
export const ServiceHintSchema = z.object({
  /** The first bytes the service sent unprompted, control characters escaped (`\x1b`). */
  banner: z.string().nullable(),
  /** HTTP status line and Server header when the port speaks HTTP. */
  http: z.object({ status: z.number().int(), statusLine: z.string(), server: z.string().nullable() }).nullable(),
  /** TLS handshake facts when the port speaks TLS. */
  tls: z
    .object({
      protocol: z.string().nullable(),
      cipher: z.string().nullable(),
      subject: z.string().nullable(),
      issuer: z.string().nullable(),
      validTo: z.string().nullable(),
      selfSigned: z.boolean(),
    })
    .nullable(),
  /** One short guess, e.g. `ssh`, `http`, `https`, `smtp`, or null. */
  guess: z.string().nullable(),
});
export type ServiceHint = z.infer<typeof ServiceHintSchema>;

export const PortResultSchema = z.object({
  host: z.string(),
  port: z.number().int().min(1).max(65535),
  protocol: ProtocolSchema,
  state: PortStateSchema,
  reason: PortReasonSchema,
  /** Round-trip time of the deciding answer; null when nothing answered. */
  rttMs: z.number().nonnegative().nullable(),
  /** IANA service name for the port, when registered. */
  service: z.string().nullable(),
  hint: ServiceHintSchema.nullable(),
});
export type PortResult = z.infer<typeof PortResultSchema>;

export const StateCountsSchema = z.object({
  open: z.number().int().nonnegative(),
  closed: z.number().int().nonnegative(),
  filtered: z.number().int().nonnegative(),
  'open|filtered': z.number().int().nonnegative(),
});
export type StateCounts = z.infer<typeof StateCountsSchema>;

export const HostResultSchema = z.object({
  address: z.string(),
  name: z.string().nullable(),
  /** up: something answered (open, closed, or a reply); down: nothing did. */
  state: z.enum(['up', 'down']),
  reason: z.string(),
  counts: StateCountsSchema,
  /** Closed ports counted but left out of `results` (includeClosed = auto/never). */
  closedOmitted: z.number().int().nonnegative(),
  /**
   * Every closed port of this host as a compact list (`1-21,23-79`), listed or not, so a
   * comparison knows what was probed. Absent in older results and imports: their omitted closed
   * ports are "not recorded".
   */
  closedPorts: z.string().nullable().optional(),
  /** Smoothed round-trip time to this host, from the probes' answers. */
  srttMs: z.number().nonnegative().nullable(),
});
export type HostResult = z.infer<typeof HostResultSchema>;

export const ScanSummarySchema = z.object({
  probes: z.number().int().nonnegative(),
  /** Probes sent again: timeouts, self-connections on loopback, resource back-offs. */
  retransmissions: z.number().int().nonnegative(),
  /** Times the scan backed off for lack of file descriptors or local ports (EMFILE, ENFILE, EADDRNOTAVAIL). */
  resourceBackoffs: z.number().int().nonnegative(),
  /** Loopback connections a probe made to itself (not open ports; probed again). */
  selfConnects: z.number().int().nonnegative(),
  counts: StateCountsSchema,
  hostsUp: z.number().int().nonnegative(),
  hostsDown: z.number().int().nonnegative(),
  /** Every phase: probing and service hints. */
  durationMs: z.number().nonnegative(),
  /** Probes per second while probing (service hints are not probes). */
  ratePerSec: z.number().nonnegative(),
  /** The probing phase, and the service-hint phase after it (0 without hints); absent in older results. */
  probingMs: z.number().nonnegative().optional(),
  hintsMs: z.number().nonnegative().optional(),
});
export type ScanSummary = z.infer<typeof ScanSummarySchema>;

export const ScanResultSchema = z.object({
  scanId: z.string(),
  protocol: ProtocolSchema,
  timing: TimingProfileSchema,
  startedAt: z.string(),
  finishedAt: z.string(),
  /** True when cancelled: results hold what was learned before. */
  cancelled: z.boolean(),
  hosts: z.array(HostResultSchema),
  /** Sorted by host (as given), then port. Closed ports per `includeClosed`. */
  results: z.array(PortResultSchema),
  /** The ports asked for, as a compact list (`1-300`); absent in older results. */
  ports: z.string().optional(),
  /**
   * Hosts left out of `hosts` (counted in the summary): a scan of more than LARGE_SCAN_HOSTS hosts
   * lists only those with an open port, as nmap lists only hosts that are up.
   */
  hostsOmitted: z.number().int().nonnegative().optional(),
  summary: ScanSummarySchema,
  warnings: z.array(z.string()),
});
export type ScanResult = z.infer<typeof ScanResultSchema>;

export const ScanProgressSchema = z.object({
  scanId: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  open: z.number().int().nonnegative(),
  /** Probes finished per second over the last second or so. */
  ratePerSec: z.number().nonnegative(),
  /** Estimated time left, service hints included; null until there is a rate to go by. */
  etaMs: z.number().nonnegative().nullable(),
  /** `probing`, then `hints` (banners, HTTP, TLS of open ports) when asked for. */
  phase: z.enum(['probing', 'hints']).optional(),
  elapsedMs: z.number().nonnegative(),
  /** Current parallel probes (shrinks when the scan backs off from resource errors). */
  concurrency: z.number().int().nonnegative(),
});
export type ScanProgress = z.infer<typeof ScanProgressSchema>;

export const ScanFoundSchema = z.object({ scanId: z.string(), result: PortResultSchema });
export type ScanFound = z.infer<typeof ScanFoundSchema>;

export const ScanDoneSchema = z.object({ scanId: z.string(), result: ScanResultSchema.nullable(), error: z.string().nullable() });
export type ScanDone = z.infer<typeof ScanDoneSchema>;

/** Sorted, distinct ports as `1-21,23,25-30`. */
export function compactPortList(sorted: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** Calls `each` for every port of a compact list (the inverse of compactPortList). */
export function forEachPort(list: string, each: (port: number) => void): void {
  if (list === '') return;
  for (const part of list.split(',')) {
    const [a, b] = part.split('-').map(Number);
    for (let p = a!; p <= (b ?? a!); p++) each(p);
  }
}

// ---------------------------------------------------------------------------------------------
// Probe (telnet/nc-style reachability of one host:port, repeated)

export const ProbeRequestSchema = z
  .object({
    host: z.string().min(1).max(255),
    port: z.number().int().min(1).max(65535),
    protocol: ProtocolSchema.default('tcp'),
    count: z.number().int().min(1).max(10_000).default(4),
    intervalMs: z.number().int().min(0).max(60_000).default(1000),
    timeoutMs: z.number().int().min(50).max(60_000).default(3000),
    /** Read what a TCP service says first (at most 512 bytes, 2 s), on the first connection. */
    banner: z.boolean().default(false),
    /** Needed for hosts outside loopback, private, link-local and unique-local ranges. */
    authorized: z.boolean().default(false),
  })
  .strict();
export type ProbeRequest = z.input<typeof ProbeRequestSchema>;
export type ProbeOptions = z.output<typeof ProbeRequestSchema>;

/**
 * One attempt's outcome in plain words: `connected`; `refused` (port closed); `timeout` (filtered
 * or host down); `no-route` (host or network unreachable); `prohibited` (a firewall answered);
 * `reply` / `no-reply` for UDP; `unresolved` (name not resolved); `error` (anything else).
 */
export const ProbeOutcomeSchema = z.enum(['connected', 'refused', 'timeout', 'no-route', 'prohibited', 'reply', 'no-reply', 'unresolved', 'error']);
export type ProbeOutcome = z.infer<typeof ProbeOutcomeSchema>;

export const ProbeAttemptSchema = z.object({
  probeId: z.string(),
  seq: z.number().int().positive(),
  address: z.string().nullable(),
  outcome: ProbeOutcomeSchema,
  /** A counted success: connected (TCP) or a reply (UDP). */
  ok: z.boolean(),
  rttMs: z.number().nonnegative().nullable(),
  /** One sentence, e.g. "Connection refused: nothing listens on 127.0.0.1:81." */
  message: z.string(),
  /** The message's catalog key and values (optional: older peers). */
  ...localizedFields,
  at: z.string(),
});
export type ProbeAttempt = z.infer<typeof ProbeAttemptSchema>;

export const ProbeResultSchema = z.object({
  probeId: z.string(),
  host: z.string(),
  address: z.string().nullable(),
  port: z.number().int(),
  protocol: ProtocolSchema,
  attempts: z.array(ProbeAttemptSchema),
  sent: z.number().int().nonnegative(),
  received: z.number().int().nonnegative(),
  /** Share of attempts without success, 0..1. */
  loss: z.number().min(0).max(1),
  rtt: z.object({ minMs: z.number(), avgMs: z.number(), maxMs: z.number() }).nullable(),
  banner: z.string().nullable(),
  /** Plain-language summary of all attempts. */
  verdict: z.string(),
  /** The verdict as a catalog key and values, without the "Cancelled after …" that `verdict` starts with when cancelled. */
  verdictText: LocalizedTextSchema.optional(),
  /** That "Cancelled after 3 of 10 attempts." as a key and values, when cancelled. */
  cancelledText: LocalizedTextSchema.optional(),
  cancelled: z.boolean(),
});
export type ProbeResult = z.infer<typeof ProbeResultSchema>;

export const ProbeDoneSchema = z.object({ probeId: z.string(), result: ProbeResultSchema });

// ---------------------------------------------------------------------------------------------
// Diagnose ("clients cannot reach my server", on this machine)

export const DiagnoseRequestSchema = z
  .object({
    port: z.number().int().min(1).max(65535),
    protocol: ProtocolSchema.default('tcp'),
    /** Per-address connection timeout for the reachability step. */
    timeoutMs: z.number().int().min(50).max(10_000).default(1500),
    /** Connect to 127.0.0.1 and ::1 only, not to this machine's other addresses. */
    loopbackOnly: z.boolean().default(false),
  })
  .strict();
export type DiagnoseRequest = z.input<typeof DiagnoseRequestSchema>;

/** `ok` passed, `warn` works but deserves a look, `fail` explains a problem, `skip` could not be checked. */
export const StepStatusSchema = z.enum(['ok', 'warn', 'fail', 'skip']);
export type StepStatus = z.infer<typeof StepStatusSchema>;

export const DiagnoseStepSchema = z.object({
  /** Stable id: `listening`, `process`, `addresses`, `targets`, `reachability`, `firewall`. */
  id: z.string(),
  name: z.string(),
  status: StepStatusSchema,
  /** One or two sentences, plain language. */
  message: z.string(),
  /** Facts behind the message (lines of text), e.g. each address tried and its outcome. */
  details: z.array(z.string()),
  durationMs: z.number().nonnegative(),
  /** The message's catalog key and values (optional: older peers; English `message` stays). */
  ...localizedFields,
  /** The step name's catalog key. */
  nameKey: z.string().min(1).max(128).optional(),
  /** The details as keys and values, one per line of `details` where the line is a sentence (null: data, shown as is). */
  detailTexts: z.array(LocalizedTextSchema.nullable()).optional(),
});
export type DiagnoseStep = z.infer<typeof DiagnoseStepSchema>;

export const DiagnoseResultSchema = z.object({
  port: z.number().int(),
  protocol: ProtocolSchema,
  steps: z.array(DiagnoseStepSchema),
  /** `ok` reachable; `not-listening`; `local-only` (bound to loopback); `blocked` (firewall or unreachable); `unknown`. */
  verdict: z.enum(['ok', 'not-listening', 'local-only', 'blocked', 'unknown']),
  summary: z.string(),
  nextStep: z.string(),
  durationMs: z.number().nonnegative(),
  /** `summary` and `nextStep` as catalog keys and values (optional: older peers; the English stays). */
  summaryText: LocalizedTextSchema.optional(),
  nextStepText: LocalizedTextSchema.optional(),
});
export type DiagnoseResult = z.infer<typeof DiagnoseResultSchema>;

/** Emitted as each diagnosis step finishes, so a checklist can fill in live. */
export const DiagnoseStepEventSchema = z.object({ port: z.number().int(), protocol: ProtocolSchema, index: z.number().int().nonnegative(), step: DiagnoseStepSchema });

// ---------------------------------------------------------------------------------------------

const Id = z.string().min(1).max(64);

export const scanCalls = {
  /** Validates, resolves and starts a scan; progress and the result arrive as events. */
  'scan.start': { request: ScanRequestSchema, response: ScanStartResponseSchema },
  /** Stops a running scan; its `scan.done` follows with what was found so far. false = no such running scan. */
  'scan.cancel': { request: z.object({ scanId: Id }).strict(), response: z.object({ cancelled: z.boolean() }) },
  /** The result of a finished scan (kept for the last 20 scans), or null. */
  'scan.result': { request: z.object({ scanId: Id }).strict(), response: ScanResultSchema.nullable() },
  /** Starts a probe; each attempt arrives as `probe.attempt`, the summary as `probe.done`. */
  'probe.start': { request: ProbeRequestSchema, response: z.object({ probeId: z.string() }) },
  /** Runs a probe to the end and returns the summary (attempt events are emitted too). */
  'probe.run': { request: ProbeRequestSchema, response: ProbeResultSchema },
  'probe.cancel': { request: z.object({ probeId: Id }).strict(), response: z.object({ cancelled: z.boolean() }) },
  /** Runs every diagnosis step for a local port (each also emitted as `diagnose.step`). */
  'diagnose.run': { request: DiagnoseRequestSchema, response: DiagnoseResultSchema },
} as const;

export const scanEvents = {
  'scan.progress': ScanProgressSchema,
  'scan.found': ScanFoundSchema,
  'scan.done': ScanDoneSchema,
  'probe.attempt': ProbeAttemptSchema,
  'probe.done': ProbeDoneSchema,
  'diagnose.step': DiagnoseStepEventSchema,
} as const;
