import { ContractError, CONTRACT_VERSION, type CallName, type EventName } from '../../../shared/contract';
import type { EngineLink } from '../../../electron/host/engine-link';

/**
 * An EngineLink double for transport tests: answers calls from a table (recording the validated
 * requests), lets the test emit events, and counts engine-side subscriptions, so the transports
 * are tested without reading /proc.
 */
export class FakeLink implements EngineLink {
  readonly requests: Array<{ name: CallName; request: unknown }> = [];
  readonly listeners = new Map<EventName, Set<(json: string) => void>>();
  closed = false;
  answers: Partial<Record<CallName, (request: unknown) => unknown>> = {
    'contract.hello': () => ({ version: CONTRACT_VERSION, platform: 'linux', hostname: 'test-host', transport: 'browser' }),
    'process.details': (req) => {
      if ((req as { pid: number }).pid === 4242) throw new ContractError('not-found', 'No process 4242.');
      if ((req as { pid: number }).pid === 4343) throw new Error('disk on fire');
      return null;
    },
  };

  async call(name: CallName, request: unknown): Promise<string> {
    this.requests.push({ name, request });
    const answer = this.answers[name];
    if (!answer) throw new ContractError('unavailable', `fake has no answer for ${name}`);
    return JSON.stringify(await answer(request)) ?? 'null';
  }

  on(name: EventName, listener: (json: string) => void): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(name);
    };
  }

  subscriberCount(name: EventName): number {
    return this.listeners.get(name)?.size ?? 0;
  }

  emit(name: EventName, payload: unknown): void {
    for (const l of this.listeners.get(name) ?? []) l(JSON.stringify(payload));
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
