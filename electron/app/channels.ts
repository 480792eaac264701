import { IPC_PREFIX, type CallName, type WireError } from '../../shared/contract';

/**
 * IPC channel names: one per call (`portscope:sockets.snapshot`), plus three for event streams.
 * The `@` cannot appear in a call name, so these never collide with one.
 */
export const callChannel = (name: CallName): string => `${IPC_PREFIX}${name}`;
export const SUBSCRIBE_CHANNEL = `${IPC_PREFIX}@subscribe`;
export const UNSUBSCRIBE_CHANNEL = `${IPC_PREFIX}@unsubscribe`;
/** Main -> renderer: (eventName, payloadJson). */
export const EVENT_CHANNEL = `${IPC_PREFIX}@event`;

/**
 * What a call channel answers. Values travel as JSON text (encoded once in the engine worker,
 * parsed in the preload), and errors as data: an exception thrown through ipcMain.handle reaches
 * the renderer as a generic message with its code lost.
 */
export type IpcEnvelope = { ok: true; json: string } | { ok: false; error: WireError };
