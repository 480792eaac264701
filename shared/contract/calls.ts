import { z } from 'zod';
import { CONTRACT_VERSION } from './version';
import { localizedFields } from './localized';
import { ProcessInfoSchema, SnapshotSchema, SocketDeltaSchema, SocketRowSchema } from './sockets';

const Pid = z.number().int().positive().max(4_194_304);

/** One thing the OS may or may not let the engine do here. */
export const CapabilitySchema = z.object({
  available: z.boolean(),
  /**
   * In words for the UI and CLI: what is missing and what to do about it ("run as administrator
   * to see the owners of other users' sockets"), or how it works on this OS; null when nothing to say.
   */
  note: z.string().nullable(),
  /** The note's catalog key and values, for front ends that translate (optional: older peers). */
  ...localizedFields,
});
export type Capability = z.infer<typeof CapabilitySchema>;

export const CapabilitiesSchema = z.object({
  /** The owning process of every user's sockets, not only this user's. */
  socketOwners: CapabilitySchema,
  /** Path, command line and account of other users' processes. */
  processDetails: CapabilitySchema,
  /** Reading the firewall's rules (diagnose). */
  firewallRules: CapabilitySchema,
  /** Per-socket byte counters. */
  trafficCounters: CapabilitySchema,
  /** Ending a process from the app; the note says how it is done on this OS. */
  endProcess: CapabilitySchema,
  /** Aborting one established TCP connection (TCPView's "Close Connection"). */
  closeConnection: CapabilitySchema,
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;
export type CapabilityName = keyof Capabilities;

export const HelloResponseSchema = z.object({
  version: z.string(),
  platform: z.string(),
  hostname: z.string(),
  /** Where the engine runs: 'electron', 'browser' (portscope serve) or 'cli'. */
  transport: z.enum(['electron', 'browser', 'cli']),
  /** What this OS allows here. Optional, so that a peer from before capabilities still reads. */
  capabilities: CapabilitiesSchema.optional(),
  /**
   * Whether calls that change the machine (end a process, close a connection, save settings or a
   * baseline, scans and probes from it) are allowed. A remote agent says false unless it runs
   * with --allow-control; absent (a local engine, an older peer) means allowed.
   */
  control: z.boolean().optional(),
});
export type HelloResponse = z.infer<typeof HelloResponseSchema>;

export const ProcessDetailsSchema = z.object({
  process: ProcessInfoSchema,
  sockets: z.array(SocketRowSchema),
});
export type ProcessDetails = z.infer<typeof ProcessDetailsSchema>;

/**
 * A program's icon, as the desktop shows it (Electron's app.getFileIcon). `available` false: this
 * front end has no icons at all (browser mode, the CLI), so the page stops asking.
 */
export const ProcessIconSchema = z.object({
  available: z.boolean(),
  /** A small PNG as a data: URL, or null when the program has none (or is gone). */
  dataUrl: z.string().startsWith('data:image/').max(256 * 1024).nullable(),
});
export type ProcessIcon = z.infer<typeof ProcessIconSchema>;

export const SignalRequestSchema = z.object({
  pid: Pid,
  signal: z.enum(['SIGTERM', 'SIGKILL']),
  /**
   * The start time the user saw (ProcessInfo.startTime), required: the engine refuses to signal a
   * pid whose start time differs (the pid was reused) or cannot be read.
   */
  expectedStartTime: z.string().min(1).max(64),
});
export const SignalResultSchema = z.object({
  ok: z.boolean(),
  /**
   * 'ended' (gone after the signal) | 'sent' (SIGTERM delivered, still running for now) |
   * 'still-running' (SIGKILL delivered but the kernel did not end it) | 'exited' (already gone) |
   * 'denied' (permission) | 'changed' (pid now belongs to another process) | 'refused' (not a
   * socket owner in the engine's view, pid 1, the engine or its ancestors, or no start time).
   */
  outcome: z.enum(['ended', 'sent', 'still-running', 'exited', 'denied', 'changed', 'refused']),
  message: z.string(),
});
export type SignalResult = z.infer<typeof SignalResultSchema>;

export const MonitorSettingsSchema = z.object({
  intervalMs: z.number().int().min(250).max(60_000),
  paused: z.boolean(),
});
export type MonitorSettings = z.infer<typeof MonitorSettingsSchema>;

/**
 * Every call the front ends make. Each has a request and a response schema; transports validate
 * requests on the engine side and responses on the client side.
 */
export const liveCalls = {
  'contract.hello': {
    // Capped: the engine names the version it refuses, and must not echo a megabyte back.
    request: z.object({ version: z.literal(CONTRACT_VERSION).or(z.string().max(64)) }).strict(),
    response: HelloResponseSchema,
  },
  'sockets.snapshot': { request: z.object({}).strict(), response: SnapshotSchema },
  'process.details': { request: z.object({ pid: Pid }).strict(), response: ProcessDetailsSchema.nullable() },
  'process.signal': { request: SignalRequestSchema.strict(), response: SignalResultSchema },
  'process.icon': { request: z.object({ pid: Pid }).strict(), response: ProcessIconSchema },
  'monitor.configure': { request: MonitorSettingsSchema.partial().strict(), response: MonitorSettingsSchema },
} as const;

/**
 * A refresh or recording failure. `message` is English; where the engine worded it (a stage of
 * recording), `messageKey` and `values` let a front end translate it. A refresh's own error (the
 * OS's words) comes without a key.
 */
export const MonitorErrorSchema = z.object({ at: z.string(), message: z.string(), ...localizedFields });

export const liveEvents = {
  'sockets.delta': SocketDeltaSchema,
  'monitor.error': MonitorErrorSchema,
} as const;
