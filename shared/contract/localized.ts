import { z } from 'zod';

/**
 * What lets a front end show an engine text in the user's language. The engine keeps sending
 * its English sentence (`message`, `note`: JSON output and older clients read that unchanged)
 * and adds, optionally, the catalog key it was made from and the values of its placeholders.
 * A front end translates the key (shared/i18n `t.maybe(key, values, english)`), and shows the
 * English text when it does not know the key. Both fields are optional so that an older peer's
 * objects still parse, and a newer peer's keys this side lacks only fall back to English.
 *
 * Values are strings and numbers only: dates and sizes are formatted by the engine's English
 * text already, and a number stays a number so plurals and digits follow the reader's language.
 */
export const MessageValuesSchema = z.record(z.string().max(64), z.union([z.string().max(4096), z.number()]));
export type ContractMessageValues = z.infer<typeof MessageValuesSchema>;

export const MessageKeySchema = z.string().min(1).max(128);

/** `messageKey` + `values`, for an object whose one text is `message` (or `note`). */
export const localizedFields = {
  messageKey: MessageKeySchema.optional(),
  values: MessageValuesSchema.optional(),
};

/** One text as key and values, for objects with several texts (a diagnosis' summary and next step). */
export const LocalizedTextSchema = z.object({ key: MessageKeySchema, values: MessageValuesSchema.optional() });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/**
 * A text of a list (a snapshot's warnings): the English `message` and, optionally, its key and
 * values. Used where a contract kept a `string[]` for older peers and carries these beside it.
 */
export const LocalizedMessageSchema = z.object({ message: z.string(), ...localizedFields });
export type LocalizedMessage = z.infer<typeof LocalizedMessageSchema>;

/**
 * A snapshot's or delta's warnings as keyed texts: `warningTexts` when the engine sent it (and it
 * matches `warnings`), else the English strings of an older engine, without keys.
 */
export function warningTextsOf(from: { warnings: readonly string[]; warningTexts?: readonly LocalizedMessage[] | undefined }): LocalizedMessage[] {
  if (from.warningTexts && from.warningTexts.length === from.warnings.length) return [...from.warningTexts];
  return from.warnings.map((message) => ({ message }));
}
