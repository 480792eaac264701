import { calls, events, type CallName, type CallResponse, type EventName, type EventPayload } from '../../shared/contract';
import { ContractError } from '../../shared/contract/errors';

/**
 * Responses and events are checked against the contract's schemas before any store sees them:
 * a peer of another version, or a bug on the engine side, shows up as a clear error here rather
 * than as a blank table later.
 */
export function parseResponse<N extends CallName>(name: N, value: unknown): CallResponse<N> {
  const result = calls[name].response.safeParse(value);
  if (!result.success) {
    const issues = summarize(result.error.issues);
    throw new ContractError('internal', `The engine answered ${name} with data this version cannot read: ${issues}`, {
      messageKey: 'ui.app.error.badAnswer',
      values: { name, issues },
    });
  }
  return result.data as CallResponse<N>;
}

export function parseEvent<E extends EventName>(name: E, payload: unknown): EventPayload<E> | null {
  const result = events[name].safeParse(payload);
  if (!result.success) {
    console.warn(`portscope: dropped a malformed ${name} event: ${summarize(result.error.issues)}`);
    return null;
  }
  return result.data as EventPayload<E>;
}

function summarize(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
