/** Errors that cross a transport keep a code a front end can act on and a message a person can read. */
export type ContractErrorCode = 'bad-request' | 'unknown-call' | 'not-found' | 'denied' | 'unavailable' | 'internal';

export class ContractError extends Error {
  constructor(
    readonly code: ContractErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ContractError';
  }
}

export interface WireError {
  code: ContractErrorCode;
  message: string;
}

export function toWireError(err: unknown): WireError {
  if (err instanceof ContractError) return { code: err.code, message: err.message };
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}
