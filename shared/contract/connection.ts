import { z } from 'zod';
import { PortSchema } from './sockets';
import { localizedFields } from './localized';

/** Both endpoints of one TCP connection, as the socket table shows them. */
export const ConnectionEndpointsSchema = z
  .object({
    protocol: z.literal('tcp'),
    localAddress: z.string().min(1).max(64),
    localPort: PortSchema.refine((p) => p > 0, 'port must be 1 to 65535'),
    remoteAddress: z.string().min(1).max(64),
    remotePort: PortSchema.refine((p) => p > 0, 'port must be 1 to 65535'),
  })
  .strict();
export type ConnectionEndpoints = z.infer<typeof ConnectionEndpointsSchema>;

export const CloseOutcomeSchema = z.enum([
  'closed', // the kernel aborted it (the peer sees a reset / "connection aborted")
  'not-found', // no such connection in the socket table now
  'not-established', // a listener, or a connection not in ESTABLISHED: never touched
  'denied', // the OS refused: needs root / administrator
  'unsupported', // this OS or kernel cannot abort another process's connection
  'still-open', // the OS took the request, but the connection is still established afterwards
]);
export type CloseOutcome = z.infer<typeof CloseOutcomeSchema>;

export const CloseResultSchema = z.object({
  ok: z.boolean(),
  outcome: CloseOutcomeSchema,
  message: z.string(),
  /** The message's catalog key and values, for front ends that translate (optional: older peers). */
  ...localizedFields,
});
export type CloseResult = z.infer<typeof CloseResultSchema>;

export const connectionCalls = {
  /** Aborts one established TCP connection (TCPView's "Close Connection"), never a listener. */
  'connection.close': { request: ConnectionEndpointsSchema, response: CloseResultSchema },
} as const;
