import { currentLang } from '../i18n/current';
import { engineText } from '../i18n/engine';
import { plainT } from '../i18n/plain';

/**
 * A message a person can read, whatever was thrown, in the language in use: a contract error
 * carrying a catalog key (`messageKey` + `values`) is translated, anything else shown as it came.
 */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) {
    const { messageKey, values } = err as Error & { messageKey?: unknown; values?: unknown };
    if (typeof messageKey === 'string') {
      const vals = typeof values === 'object' && values !== null ? (values as Record<string, string | number>) : undefined;
      // The renderer's own errors (the WebSocket client's) carry a ui.* key; the engine's an engine.* key.
      const ui = plainT(currentLang());
      if (messageKey.startsWith('ui.') && ui.has(messageKey)) return ui(messageKey, vals);
      return engineText(currentLang(), { message: err.message || err.name, messageKey, values: vals });
    }
    return err.message || err.name;
  }
  if (typeof err === 'string') return err;
  return plainT(currentLang())('ui.app.error.unknown');
}

/** The keys the WebSocket client gives a call that failed because the connection to the engine went away. */
const CONNECTION_LOST = new Set(['ui.app.error.dropped', 'ui.app.error.unreachable', 'ui.app.error.wasClosed', 'ui.app.error.closed']);

/**
 * Whether a call failed only because the connection to the engine is gone: the connection banner
 * already says so (and counts down to the retry), so a panel need not repeat it.
 */
export function isConnectionLoss(err: unknown): boolean {
  const key = err instanceof Error ? (err as Error & { messageKey?: unknown }).messageKey : undefined;
  return typeof key === 'string' && CONNECTION_LOST.has(key);
}
