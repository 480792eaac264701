import { z } from 'zod';

/**
 * Remote machines: other computers' `portscope agent --listen`, reached over TLS with a bearer
 * token and a pinned certificate fingerprint (trust on first use, as Syncthing pins device IDs).
 * These calls are always answered by the front end's own host (browser mode's `portscope serve`,
 * or Electron's main process), whichever machine a connection is looking at: the list, and the
 * tokens in it, never leave this computer. Tokens are write-only: no call returns one.
 *
 * A connection looks at one machine. In browser mode the page opens one WebSocket per machine
 * (`/ws?machine=<id>`; none means this machine); in Electron, `machines.select` routes the
 * window's calls and events to the chosen machine.
 */

/** SHA-256 of the agent's certificate (DER), as 32 colon-separated upper-case hex pairs. */
export const FingerprintSchema = z
  .string()
  .max(200)
  .transform((s) => s.replace(/[\s:]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[0-9A-F]{64}$/, 'a SHA-256 fingerprint is 64 hex digits (colons optional)'))
  .transform((hex) => hex.match(/../g)!.join(':'));

/** `host:port`, `[v6]:port`, or a host alone (the agent's default port). */
export const MachineAddressSchema = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .regex(/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)(:\d{1,5})?$/, 'an address is host:port, [IPv6]:port, or a host name');

export const MachineIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/);

/** What the host can say about its link to a machine. */
export const MachineStatusSchema = z.enum(['idle', 'connecting', 'connected', 'error']);

export const MachineInfoSchema = z.object({
  id: MachineIdSchema,
  label: z.string().max(200),
  address: z.string().max(300),
  fingerprint: z.string().max(200),
  status: MachineStatusSchema,
  /** Why the link is down (wrong token, fingerprint changed, unreachable), in words. */
  error: z.string().max(2000).nullable(),
  /** The agent's hostname and whether it allows control, once it answered hello; null before. */
  hostname: z.string().max(300).nullable(),
  control: z.boolean().nullable(),
  addedAt: z.string().max(64),
  /**
   * When the agent was last heard from (a message or a heartbeat answer; ISO time), null before
   * the first connection. While the link is down it says how old the shown figures are.
   */
  lastSeenAt: z.string().max(64).nullable().optional(),
});
export type MachineInfo = z.infer<typeof MachineInfoSchema>;

export const MachineAddRequestSchema = z
  .object({
    address: MachineAddressSchema,
    token: z.string().min(16).max(512),
    label: z.string().trim().max(200).optional(),
    /**
     * The fingerprint the user confirmed. Absent: nothing is saved; the answer carries the
     * fingerprint the agent presents, for the user to compare with what the agent printed.
     */
    fingerprint: FingerprintSchema.optional(),
  })
  .strict();
export type MachineAddRequest = z.input<typeof MachineAddRequestSchema>;

export const MachineAddResponseSchema = z.discriminatedUnion('added', [
  z.object({ added: z.literal(false), presentedFingerprint: z.string().max(200) }),
  z.object({ added: z.literal(true), machine: MachineInfoSchema }),
]);
export type MachineAddResponse = z.infer<typeof MachineAddResponseSchema>;

export const machinesCalls = {
  'machines.list': {
    request: z.object({}).strict(),
    response: z.object({
      machines: z.array(MachineInfoSchema),
      /** The machine chosen last with machines.select (kept in machines.json), for the front end to reopen on start. */
      selected: MachineIdSchema.nullable().optional(),
    }),
  },
  'machines.add': { request: MachineAddRequestSchema, response: MachineAddResponseSchema },
  'machines.remove': { request: z.object({ id: MachineIdSchema }).strict(), response: z.object({ removed: z.boolean() }) },
  /**
   * Connects to a machine (null: this one) and answers once it is reachable, with its state.
   * In Electron it also routes the window's calls there; browser mode opens `/ws?machine=<id>`.
   * The choice is remembered (machines.list's `selected`) so a reload or restart reopens it.
   */
  'machines.select': {
    request: z.object({ id: MachineIdSchema.nullable() }).strict(),
    response: z.object({ machine: MachineInfoSchema.nullable() }),
  },
} as const;

/** The agent's default port for `portscope agent --listen` (beside the metrics port, 9479). */
export const DEFAULT_AGENT_PORT = 9480;
