import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ProbeAttempt, ProbeRequest, ProbeResult } from '../../shared/contract';
import { ContractError } from '../../shared/contract/errors';
import type { RendererClient } from '../contract/types';
import { errorMessage } from '../format/errors';

export type ProbePhase = 'idle' | 'starting' | 'needs-authorization' | 'running' | 'done' | 'error';

export interface ProbeStoreState {
  phase: ProbePhase;
  request: ProbeRequest | null;
  probeId: string | null;
  attempts: ProbeAttempt[];
  result: ProbeResult | null;
  error: string | null;
  authorizationMessage: string | null;
  start(request: ProbeRequest): Promise<void>;
  authorize(): Promise<void>;
  declineAuthorization(): void;
  cancel(): Promise<void>;
}

export type ProbeStore = StoreApi<ProbeStoreState>;

/** A probe series (like tcping): attempts stream in as events, the summary ends it. */
export function createProbeStore(client: RendererClient): ProbeStore {
  let offs: Array<() => void> = [];
  let early: Array<ProbeAttempt | ProbeResult> = [];

  return createStore<ProbeStoreState>()((set, get) => {
    const stop = () => {
      for (const off of offs) off();
      offs = [];
      early = [];
    };
    const onAttempt = (a: ProbeAttempt) => {
      if (get().probeId === null) early.push(a);
      else if (a.probeId === get().probeId) set({ attempts: [...get().attempts, a].sort((x, y) => x.seq - y.seq) });
    };
    const onDone = (result: ProbeResult) => {
      if (get().probeId === null) early.push(result);
      else if (result.probeId === get().probeId) {
        stop();
        // The summary carries every attempt: it also fills in any event that went missing.
        set({ phase: 'done', result, attempts: result.attempts });
      }
    };
    async function run(request: ProbeRequest): Promise<void> {
      stop();
      set({ phase: 'starting', request, probeId: null, attempts: [], result: null, error: null, authorizationMessage: null });
      offs = [client.on('probe.attempt', onAttempt), client.on('probe.done', (d) => onDone(d.result))];
      try {
        const { probeId } = await client.call('probe.start', request);
        if (get().request !== request) return;
        set({ probeId, phase: 'running' });
        const held = early;
        early = [];
        for (const e of held) if ('verdict' in e) onDone(e);
        else onAttempt(e);
      } catch (err) {
        stop();
        if (err instanceof ContractError && err.code === 'denied' && !request.authorized) set({ phase: 'needs-authorization', authorizationMessage: err.message });
        else set({ phase: 'error', error: errorMessage(err) });
      }
    }
    return {
      phase: 'idle',
      request: null,
      probeId: null,
      attempts: [],
      result: null,
      error: null,
      authorizationMessage: null,
      start: run,
      async authorize() {
        const request = get().request;
        if (request) await run({ ...request, authorized: true });
      },
      declineAuthorization: () => set({ phase: 'idle', authorizationMessage: null }),
      async cancel() {
        const id = get().probeId;
        if (!id || get().phase !== 'running') return;
        await client.call('probe.cancel', { probeId: id }).catch((err: unknown) => set({ error: errorMessage(err) }));
      },
    };
  });
}
