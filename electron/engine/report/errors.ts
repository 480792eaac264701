import { ContractError } from '../../../shared/contract/errors';

/**
 * Report errors are contract errors, so they cross every transport with a code a front end can
 * act on ('bad-request': unknown format, bad path; 'denied': unwritable; 'unavailable': disk full)
 * and a message a person can read. The CLI prints the message on one line.
 */
export class ReportError extends ContractError {
  constructor(code: ContractError['code'], message: string) {
    super(code, message);
    this.name = 'ReportError';
  }
}
