import type { ContractMessageValues } from './localized';

/** Errors that cross a transport keep a code a front end can act on and a message a person can read. */
export type ContractErrorCode = 'bad-request' | 'unknown-call' | 'not-found' | 'denied' | 'unavailable' | 'internal';

/** The catalog key of an error's message and its values, for front ends that translate it. */
export interface ErrorText {
  messageKey: string;
  values?: ContractMessageValues;
}

export class ContractError extends Error {
  readonly messageKey?: string;
  readonly values?: ContractMessageValues;

  constructor(
    readonly code: ContractErrorCode,
    message: string,
    text?: ErrorText,
  ) {
    super(message);
    this.name = 'ContractError';
    if (text) {
      this.messageKey = text.messageKey;
      if (text.values) this.values = text.values;
    }
  }
}

export interface WireError {
  code: ContractErrorCode;
  message: string;
  /** Optional, like everything added to the wire after version 1: older peers ignore it. */
  messageKey?: string;
  values?: ContractMessageValues;
}

export function toWireError(err: unknown): WireError {
  if (err instanceof ContractError) {
    const wire: WireError = { code: err.code, message: err.message };
    if (err.messageKey) wire.messageKey = err.messageKey;
    if (err.values) wire.values = err.values;
    return wire;
  }
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}
