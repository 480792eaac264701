import { z } from 'zod';
import { ContractError, type ContractErrorCode, type WireError } from './errors';
import { MessageKeySchema, MessageValuesSchema } from './localized';

/*
 * Electron's contextBridge copies a thrown Error's message into the page and drops every other
 * field, so the preload cannot hand over a ContractError's code, messageKey and values as
 * properties. It writes them into the message instead: `[code] English`, then, on a line of its
 * own after an invisible separator, the key and values as JSON. The renderer's bridge client
 * reads them back (fromBridgeError), so an engine error is translated in Electron as it is over
 * the WebSocket.
 */

const CODES = ['bad-request', 'unknown-call', 'not-found', 'denied', 'unavailable', 'internal'] as const satisfies readonly ContractErrorCode[];
/** U+2063 (invisible separator) keeps the marker out of any English an engine could write. */
const MARKER = '\n\u2063portscope-error:';
const TextSchema = z.object({ messageKey: MessageKeySchema, values: MessageValuesSchema.optional() }).strict();
const HEAD = new RegExp(`\\[(${CODES.join('|')})\\] `);

/** The message the preload throws for a failed call. */
export function bridgeErrorMessage(error: WireError): string {
  const head = `[${error.code}] ${error.message}`;
  if (!error.messageKey) return head;
  return `${head}${MARKER}${JSON.stringify(error.values ? { messageKey: error.messageKey, values: error.values } : { messageKey: error.messageKey })}`;
}

/**
 * A ContractError again from what crossed the bridge (code, English, key and values), or the
 * thrown value unchanged when it was not one of the preload's errors.
 */
export function fromBridgeError(err: unknown): unknown {
  if (!(err instanceof Error) || err instanceof ContractError) return err;
  const head = HEAD.exec(err.message);
  if (!head) return err;
  const code = head[1] as ContractErrorCode;
  let rest = err.message.slice(head.index + head[0].length);
  const at = rest.indexOf(MARKER);
  let text: z.infer<typeof TextSchema> | undefined;
  if (at >= 0) {
    try {
      const parsed = TextSchema.safeParse(JSON.parse(rest.slice(at + MARKER.length)));
      if (parsed.success) text = parsed.data;
    } catch {
      // Not ours after all: the English alone is shown.
    }
    rest = rest.slice(0, at);
  }
  return new ContractError(code, rest, text ? { messageKey: text.messageKey, ...(text.values ? { values: text.values } : {}) } : undefined);
}
