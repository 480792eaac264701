import { z } from 'zod';
import { CONTRACT_VERSION } from './version';
import { localizedFields } from './localized';

/**
 * Messages of the contract over a message channel (the browser-mode WebSocket). Electron IPC
 * carries the same calls through ipcMain.handle, so it needs only the call names and schemas.
 */
export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('call'), id: z.number().int().nonnegative(), name: z.string().max(100), payload: z.unknown() }),
  z.object({ type: z.literal('subscribe'), name: z.string().max(100) }),
  z.object({ type: z.literal('unsubscribe'), name: z.string().max(100) }),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

// A plain union: two `result` shapes (ok true / false) cannot share one discriminator value.
export const ServerMessageSchema = z.union([
  z.object({ type: z.literal('hello'), version: z.string() }),
  z.object({ type: z.literal('result'), id: z.number().int(), ok: z.literal(true), value: z.unknown() }),
  z.object({
    type: z.literal('result'),
    id: z.number().int(),
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string(), ...localizedFields }),
  }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;

export const WIRE_HELLO: ServerMessage = { type: 'hello', version: CONTRACT_VERSION };

/**
 * Largest message a browser-mode client may send. Big enough for the largest report import the
 * contract accepts (64 Mi characters, JSON-escaped, in its envelope), small enough that one
 * message cannot exhaust the host; the page checks it before sending.
 */
export const MAX_WIRE_MESSAGE_BYTES = 96 * 1024 * 1024;

/** Electron IPC channel names: one per call, one per event, all under this prefix. */
export const IPC_PREFIX = 'portscope:';
