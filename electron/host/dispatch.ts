import { calls, isCallName, toWireError, type WireError } from '../../shared/contract';
import type { EngineLink } from './engine-link';

export type DispatchResult = { ok: true; json: string } | { ok: false; error: WireError };

/** Longest call name echoed back in an error: the name came from the network. */
const MAX_ECHO = 80;

/**
 * The one boundary check both transports (WebSocket and Electron IPC) share: the call name must be
 * in the contract and the payload must pass its request schema. Anything else is answered with a
 * clear error; nothing a peer sends can throw past this function.
 */
export async function dispatchCall(link: EngineLink, name: unknown, payload: unknown): Promise<DispatchResult> {
  if (!isCallName(name)) {
    const shown = typeof name === 'string' ? JSON.stringify(name.slice(0, MAX_ECHO)) : `a ${typeof name}`;
    return { ok: false, error: { code: 'unknown-call', message: `Unknown call ${shown}: this engine does not offer it.` } };
  }
  const parsed = calls[name].request.safeParse(payload);
  if (!parsed.success) {
    return { ok: false, error: { code: 'bad-request', message: `Invalid request for ${name}: ${describeIssues(parsed.error.issues)}` } };
  }
  try {
    return { ok: true, json: await link.call(name, parsed.data) };
  } catch (err) {
    return { ok: false, error: toWireError(err) };
  }
}

export function describeIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  const shown = issues.slice(0, 3).map((i) => `${i.path.length ? i.path.map(String).join('.') : '(request)'}: ${i.message}`);
  if (issues.length > 3) shown.push(`and ${issues.length - 3} more`);
  return shown.join('; ');
}
