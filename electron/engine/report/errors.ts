import { ContractError, type ErrorText } from '../../../shared/contract/errors';
import type { ContractMessageValues } from '../../../shared/contract/localized';
import type { EngineKey } from '../../../shared/i18n/catalogs/engine';
import { localizedMessage } from '../localizedText';

/**
 * Report errors are contract errors, so they cross every transport with a code a front end can
 * act on ('bad-request': unknown format, bad path; 'denied': unwritable; 'unavailable': disk full)
 * and a message a person can read. The CLI prints the message on one line. Where the engine
 * words the message from its catalog, the key and values travel beside the English.
 */
export class ReportError extends ContractError {
  constructor(code: ContractError['code'], message: string, text?: ErrorText) {
    super(code, message, text);
    this.name = 'ReportError';
  }
}

/** A ReportError whose English comes from the engine catalog, with its key beside it. */
export function keyedReportError(code: ContractError['code'], key: EngineKey, values: ContractMessageValues): ReportError {
  const { message, messageKey } = localizedMessage(key, values);
  return new ReportError(code, message, { messageKey, values });
}
