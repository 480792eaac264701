import type { ContractMessageValues, LocalizedText } from '../../shared/contract/localized';
import { engineCatalogs, type EngineKey } from '../../shared/i18n/catalogs/engine';
import { createTranslator } from '../../shared/i18n/translate';

/**
 * The engine speaks English on the wire and names the catalog key each sentence came from, so a
 * front end can show it in the reader's language. Rendering the English from the same catalog
 * keeps the text and the key from drifting apart.
 */
const english = createTranslator('en', engineCatalogs);

export function engineText(key: EngineKey, values?: ContractMessageValues): string {
  return english(key, values);
}

/** `{ message, messageKey, values }` for a contract object whose text is `message`. */
export function localizedMessage(key: EngineKey, values?: ContractMessageValues): { message: string; messageKey: EngineKey; values?: ContractMessageValues } {
  return values ? { message: english(key, values), messageKey: key, values } : { message: english(key), messageKey: key };
}

/** `{ key, values }` for a text of an object with several. */
export function localizedText(key: EngineKey, values?: ContractMessageValues): LocalizedText {
  return values ? { key, values } : { key };
}

/** A code (a probe outcome) as an ICU select value: the parser takes no `-` in option names (no-route -> no_route). */
export function outcomeSelector(code: string): string {
  return code.replace(/-/g, '_');
}

/**
 * A warning or note the engine collects in lists (a snapshot's warnings, a capture's notes): the
 * English text, and the key it came from. Text from outside the catalogs (a tool's own stderr)
 * travels as a value, never as the message's only content.
 */
export interface EngineMessage {
  message: string;
  messageKey?: EngineKey;
  values?: ContractMessageValues;
}

/**
 * A parser's note that has no catalog key yet (a capture parser's tally line): shown as it is, in
 * English, by every front end.
 */
export function unkeyed(message: string): EngineMessage {
  return { message };
}

/** The English of each message, for contracts that keep a `string[]` for older peers. */
export function messageTexts(list: readonly EngineMessage[]): string[] {
  return list.map((m) => m.message);
}
