import { z } from 'zod';
import { localizedFields, LocalizedTextSchema } from './localized';
import { ExposureSchema, PortSchema, ProtocolSchema, SocketStateSchema } from './sockets';

const Pid = z.number().int().positive().max(4_194_304);
const IsoTime = z.string().max(64);

export const HistoryOwnerSchema = z.object({
  pid: z.number().int().positive().nullable(),
  name: z.string().nullable(),
  exe: z.string().nullable(),
  user: z.string().nullable(),
  startTime: z.string().nullable(),
  status: z.string(),
});

/** One recorded event. Connection events are grouped per minute: `count` of them, first `at`, last `lastAt`. */
export const HistoryEventSchema = z.object({
  id: z.number().int(),
  at: IsoTime,
  lastAt: IsoTime,
  count: z.number().int().positive(),
  kind: z.enum(['opened', 'closed', 'changed']),
  listener: z.boolean(),
  protocol: ProtocolSchema,
  family: z.union([z.literal(4), z.literal(6)]),
  localAddress: z.string(),
  localPort: PortSchema,
  remoteAddress: z.string(),
  remotePort: PortSchema,
  state: SocketStateSchema,
  exposure: ExposureSchema,
  owner: HistoryOwnerSchema,
  previous: z.object({ state: SocketStateSchema.nullable(), pid: z.number().int().nullable(), processName: z.string().nullable() }).nullable(),
  /** present-at-start: already open when recording began; while-not-recording: closed while nothing recorded. */
  note: z.enum(['present-at-start', 'while-not-recording']).nullable(),
  /** For listener events: is that listener (protocol, address, port, pid) open now? null for connections or unknown. */
  stillOpen: z.boolean().nullable(),
});
export type HistoryEvent = z.infer<typeof HistoryEventSchema>;

/** What retention compacted: counts per hour, port and process. */
export const HourlySummarySchema = z.object({
  hour: IsoTime,
  listener: z.boolean(),
  protocol: ProtocolSchema,
  localPort: PortSchema,
  remoteAddress: z.string(),
  remotePort: PortSchema,
  processName: z.string(),
  opened: z.number().int().nonnegative(),
  closed: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
});
export type HourlySummary = z.infer<typeof HourlySummarySchema>;

export const HistoryFilterSchema = z
  .object({
    since: IsoTime.optional(),
    until: IsoTime.optional(),
    port: PortSchema.optional(),
    process: z.string().max(256).optional(),
    pid: Pid.optional(),
    listenersOnly: z.boolean().optional(),
    limit: z.number().int().positive().max(100_000).optional(),
  })
  .strict();
export type HistoryFilter = z.infer<typeof HistoryFilterSchema>;

export const HistoryQueryResultSchema = z.object({
  events: z.array(HistoryEventSchema),
  summaries: z.array(HourlySummarySchema),
  /** More events matched than `limit`; the newest were kept. */
  truncated: z.boolean(),
});
export type HistoryQueryResult = z.infer<typeof HistoryQueryResultSchema>;

export const TimelineSpanSchema = z.object({
  from: IsoTime,
  /** null: still open at the end of the window. */
  to: IsoTime.nullable(),
  pid: z.number().int().nullable(),
  processName: z.string().nullable(),
  localAddress: z.string(),
  exposure: ExposureSchema,
  /** The span began before the window (or before recording): its real start is earlier. */
  openedBefore: z.boolean(),
});
export const TimelineLaneSchema = z.object({
  key: z.string(),
  protocol: ProtocolSchema,
  port: PortSchema,
  label: z.string(),
  /** `label` by catalog key where the engine worded it (the lane of listeners without a known owner). */
  labelText: LocalizedTextSchema.optional(),
  spans: z.array(TimelineSpanSchema),
});
export type TimelineLane = z.infer<typeof TimelineLaneSchema>;
export const TimelineSchema = z.object({ since: IsoTime, until: IsoTime, by: z.enum(['port', 'process']), lanes: z.array(TimelineLaneSchema) });
export type Timeline = z.infer<typeof TimelineSchema>;

/** A listener by what survives restarts: protocol, address, port and program (not pid). */
export const KnownListenerSchema = z.object({
  protocol: ProtocolSchema,
  localAddress: z.string(),
  localPort: PortSchema,
  processName: z.string(),
  exe: z.string().nullable(),
  exposure: ExposureSchema,
  pid: z.number().int().nullable(),
});
export type KnownListener = z.infer<typeof KnownListenerSchema>;

export const BaselineInfoSchema = z.object({ id: z.number().int(), createdAt: IsoTime, label: z.string(), count: z.number().int().nonnegative() });
export type BaselineInfo = z.infer<typeof BaselineInfoSchema>;

export const BaselineCheckSchema = z.object({
  baseline: BaselineInfoSchema,
  added: z.array(KnownListenerSchema),
  gone: z.array(KnownListenerSchema),
});
export type BaselineCheck = z.infer<typeof BaselineCheckSchema>;

export const ChangesSinceSchema = z.union([z.enum(['hour', 'yesterday', 'boot', 'baseline']), z.object({ at: IsoTime })]);
export const ChangesSchema = z.object({
  since: IsoTime,
  /** What `since` means in words: "an hour ago", "the baseline of …". */
  label: z.string(),
  /** `label` by catalog key and values, for front ends that translate it. */
  labelText: LocalizedTextSchema.optional(),
  added: z.array(KnownListenerSchema),
  gone: z.array(KnownListenerSchema),
  events: z.array(HistoryEventSchema),
});
export type Changes = z.infer<typeof ChangesSchema>;

export const AlertReasonSchema = z.enum(['exposed', 'risky-port', 'unknown-owner', 'new-listener', 'service-down']);
export type AlertReason = z.infer<typeof AlertReasonSchema>;
export const AlertSchema = z.object({
  id: z.number().int(),
  at: IsoTime,
  reasons: z.array(AlertReasonSchema),
  severity: z.enum(['info', 'warning', 'danger']),
  message: z.string(),
  /** The message's catalog key and values (catalogs/alert), for front ends that translate it. */
  ...localizedFields,
  protocol: ProtocolSchema,
  localAddress: z.string(),
  localPort: PortSchema,
  exposure: ExposureSchema,
  pid: z.number().int().nullable(),
  processName: z.string().nullable(),
});
export type Alert = z.infer<typeof AlertSchema>;

export const HistorySettingsSchema = z.object({
  retentionDays: z.number().int().min(1).max(3650),
  maxSizeMb: z.number().int().min(10).max(1_000_000),
  /** Alert on every new listener, not only exposed, risky or ownerless ones. */
  alertEveryNewListener: z.boolean(),
  /** Alert when a known listener disappears. */
  alertServiceDown: z.boolean(),
  ignoreProcesses: z.array(z.string().min(1).max(256)).max(500),
  ignorePorts: z.array(PortSchema).max(500),
});
export type HistorySettings = z.infer<typeof HistorySettingsSchema>;

export const HistoryStatusSchema = z.object({
  dataDir: z.string(),
  /** writer: this process records; reader: another Portscope records, this one reads; off; unavailable (see message). */
  role: z.enum(['writer', 'reader', 'off', 'unavailable']),
  message: z.string().nullable(),
  /** `message`'s catalog key and values, when the engine worded it (a recording failure). */
  ...localizedFields,
  bytes: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
  oldest: IsoTime.nullable(),
  bootTime: IsoTime,
  baseline: BaselineInfoSchema.nullable(),
  /** Listeners open now, as this process's recorder sees them (null when it does not record). */
  listeners: z.number().int().nonnegative().nullable(),
});
export type HistoryStatus = z.infer<typeof HistoryStatusSchema>;

export const historyCalls = {
  'history.status': { request: z.object({}).strict(), response: HistoryStatusSchema },
  'history.query': { request: HistoryFilterSchema, response: HistoryQueryResultSchema },
  'history.timeline': {
    request: z.object({ since: IsoTime, until: IsoTime.optional(), by: z.enum(['port', 'process']).optional() }).strict(),
    response: TimelineSchema,
  },
  'history.changes': { request: z.object({ since: ChangesSinceSchema }).strict(), response: ChangesSchema },
  'history.baselineSave': { request: z.object({ label: z.string().max(200).optional() }).strict(), response: BaselineInfoSchema },
  'history.baselineCheck': { request: z.object({}).strict(), response: BaselineCheckSchema.nullable() },
  'history.alerts': { request: z.object({ limit: z.number().int().positive().max(1000).optional() }).strict(), response: z.array(AlertSchema) },
  'history.settings': { request: HistorySettingsSchema.partial().strict(), response: HistorySettingsSchema },
} as const;

export const historyEvents = {
  'history.alert': AlertSchema,
} as const;
