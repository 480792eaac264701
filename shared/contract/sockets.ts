import { z } from 'zod';
import { localizedFields, LocalizedMessageSchema } from './localized';

import { SOCKET_STATES } from './states';
import { rowTrafficFields, TrafficSummarySchema } from './traffic';

export { SOCKET_STATES };
export const SocketStateSchema = z.enum(SOCKET_STATES);
export type SocketState = z.infer<typeof SocketStateSchema>;

export const ProtocolSchema = z.enum(['tcp', 'udp']);
export type Protocol = z.infer<typeof ProtocolSchema>;

export const FamilySchema = z.union([z.literal(4), z.literal(6)]);
export type Family = z.infer<typeof FamilySchema>;

export const PortSchema = z.number().int().min(0).max(65535);

/** Why a socket has no owner. `known` means `pid` is set. */
export const OwnerStatusSchema = z.enum([
  'known',
  'time-wait', // TIME_WAIT sockets belong to the kernel alone (inode 0)
  'orphaned', // other kernel-held sockets whose process closed them (FIN_WAIT2, LAST_ACK with inode 0)
  'permission-denied', // some /proc/<pid>/fd folders could not be read; the owner may be there
  'process-exited', // the owner went away between reading the socket table and its fd table
  'not-found', // no readable process holds it (another pid namespace, or a kernel socket)
]);
export type OwnerStatus = z.infer<typeof OwnerStatusSchema>;

export const PortClassSchema = z.enum(['well-known', 'registered', 'dynamic']);
export type PortClass = z.infer<typeof PortClassSchema>;

/** Who can reach a local socket: loopback only, every interface, or one specific address. */
export const ExposureSchema = z.enum(['loopback', 'all', 'specific']);
export type Exposure = z.infer<typeof ExposureSchema>;

export const RiskCodeSchema = z.enum(['cleartext', 'remote-admin-exposed', 'malware-port', 'database-exposed']);
export const RiskNoteSchema = z.object({
  code: RiskCodeSchema,
  severity: z.enum(['info', 'warning', 'danger']),
  message: z.string(),
  /** The message's catalog key and values, for front ends that translate (optional: older peers). */
  ...localizedFields,
});
export type RiskNote = z.infer<typeof RiskNoteSchema>;

export const SocketRowSchema = z.object({
  /** Stable across refreshes while the socket lives: protocol, family, both endpoints, inode. */
  id: z.string(),
  protocol: ProtocolSchema,
  family: FamilySchema,
  localAddress: z.string(),
  localPort: PortSchema,
  remoteAddress: z.string(),
  remotePort: PortSchema,
  /** Interface name for link-local IPv6 addresses (`fe80::1%eth0`), else null. */
  scopeId: z.string().nullable(),
  state: SocketStateSchema,
  /** A `::` socket that also accepts IPv4 (IPV6_V6ONLY off). null when not an IPv6 any-address socket or unknown. */
  dualStack: z.boolean().nullable(),
  inode: z.number().int().nonnegative(),
  /** uid that created the socket, as the kernel records it; null where the OS keeps none (Windows). */
  socketUid: z.number().int().nonnegative().nullable(),
  pid: z.number().int().positive().nullable(),
  processName: z.string().nullable(),
  /** Every pid holding the socket (forked servers share one listening socket). */
  pids: z.array(z.number().int().positive()),
  user: z.string().nullable(),
  ownerStatus: OwnerStatusSchema,
  service: z.string().nullable(),
  serviceDescription: z.string().nullable(),
  /** The port the service name and risk notes are about (the listening side of a connection). */
  servicePort: PortSchema,
  portClass: PortClassSchema,
  exposure: ExposureSchema,
  risks: z.array(RiskNoteSchema),
  /** Byte counters, rates and RTT (shared/contract/traffic.ts); null with `trafficUnavailable` saying why. */
  ...rowTrafficFields,
});
export type SocketRow = z.infer<typeof SocketRowSchema>;

export const ProcessInfoSchema = z.object({
  pid: z.number().int().positive(),
  ppid: z.number().int().nonnegative().nullable(),
  /** Kernel task name, completed from the executable or argv[0] when the kernel truncated it. */
  name: z.string(),
  exe: z.string().nullable(),
  args: z.array(z.string()),
  commandLine: z.string(),
  uid: z.number().int().nonnegative().nullable(),
  user: z.string().nullable(),
  /** ISO 8601 time the process started. */
  startTime: z.string().nullable(),
  /** systemd unit from the cgroup, e.g. `ssh.service`. */
  unit: z.string().nullable(),
  /** Container runtime and id from the cgroup, e.g. `docker:4f1c2a…`. */
  container: z.string().nullable(),
  /** Fields that could not be read, with the reason (permission denied, process exited). */
  unavailable: z.array(z.object({ field: z.string(), reason: z.string() })),
});
export type ProcessInfo = z.infer<typeof ProcessInfoSchema>;

export const SnapshotSchema = z.object({
  seq: z.number().int().nonnegative(),
  takenAt: z.string(),
  hostname: z.string(),
  rows: z.array(SocketRowSchema),
  processes: z.array(ProcessInfoSchema),
  durationMs: z.number().nonnegative(),
  /** What limited this read, in English (older front ends show these). */
  warnings: z.array(z.string()),
  /**
   * The same warnings with their catalog keys, in the same order (`warningTexts[i].message` is
   * `warnings[i]`); absent from older peers. A front end shows `warningTexts` when present.
   */
  warningTexts: z.array(LocalizedMessageSchema).optional(),
  /** Machine and per-process traffic; absent from older peers. */
  traffic: TrafficSummarySchema.optional(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

/** One refresh's worth of change. `removed` carries ids; added/changed carry whole rows. */
export const SocketDeltaSchema = z.object({
  seq: z.number().int().positive(),
  previousSeq: z.number().int().nonnegative(),
  takenAt: z.string(),
  added: z.array(SocketRowSchema),
  removed: z.array(z.string()),
  changed: z.array(SocketRowSchema),
  /** Process details for pids that appear in added/changed rows and were not sent before. */
  processes: z.array(ProcessInfoSchema),
  durationMs: z.number().nonnegative(),
  total: z.number().int().nonnegative(),
  /** As on a snapshot: English warnings, and beside them the same with keys (absent from older peers). */
  warnings: z.array(z.string()),
  warningTexts: z.array(LocalizedMessageSchema).optional(),
  /**
   * Machine and per-process traffic, on every tick; absent from older peers. `changed` also
   * carries rows whose counters moved: only state and owner changes are highlight-worthy.
   */
  traffic: TrafficSummarySchema.optional(),
});
export type SocketDelta = z.infer<typeof SocketDeltaSchema>;
