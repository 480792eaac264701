import { z } from 'zod';
import { localizedFields } from '../../shared/contract/localized';

/**
 * The server side of the wire envelope, checked here field by field. (shared/contract/wire.ts's
 * ServerMessageSchema lists `result` twice in one discriminated union, which zod 4 rejects when
 * parsing; a plain union keeps the same shapes.)
 */
const Hello = z.object({ type: z.literal('hello'), version: z.string() });
const ResultOk = z.object({ type: z.literal('result'), id: z.number().int(), ok: z.literal(true), value: z.unknown() });
const ResultErr = z.object({
  type: z.literal('result'),
  id: z.number().int(),
  ok: z.literal(false),
  // The catalog key and values beside the English (optional: older engines send neither).
  error: z.object({ code: z.string(), message: z.string(), ...localizedFields }),
});
const Event = z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() });

export const ServerEnvelopeSchema = z.union([Hello, ResultOk, ResultErr, Event]);
export type ServerEnvelope = z.infer<typeof ServerEnvelopeSchema>;
