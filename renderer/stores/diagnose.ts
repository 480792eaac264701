import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DiagnoseRequest, DiagnoseResult, DiagnoseStep } from '../../shared/contract';
import type { RendererClient } from '../contract/types';
import { errorMessage } from '../format/errors';

export interface DiagnoseStoreState {
  phase: 'idle' | 'running' | 'done' | 'error';
  request: DiagnoseRequest | null;
  /** Steps as they finish (diagnose.step), replaced by the result's steps at the end. */
  steps: DiagnoseStep[];
  result: DiagnoseResult | null;
  error: string | null;
  run(request: DiagnoseRequest): Promise<void>;
}

export type DiagnoseStore = StoreApi<DiagnoseStoreState>;

export function createDiagnoseStore(client: RendererClient): DiagnoseStore {
  return createStore<DiagnoseStoreState>()((set, get) => ({
    phase: 'idle',
    request: null,
    steps: [],
    result: null,
    error: null,
    async run(request) {
      const protocol = request.protocol ?? 'tcp';
      set({ phase: 'running', request, steps: [], result: null, error: null });
      // The checklist fills in live; steps of another port's diagnosis are not ours.
      const off = client.on('diagnose.step', (e) => {
        if (get().request !== request || e.port !== request.port || e.protocol !== protocol) return;
        const steps = get().steps.slice();
        steps[e.index] = e.step;
        set({ steps });
      });
      try {
        const result = await client.call('diagnose.run', request);
        if (get().request === request) set({ phase: 'done', result, steps: result.steps });
      } catch (err) {
        if (get().request === request) set({ phase: 'error', error: errorMessage(err) });
      } finally {
        off();
      }
    },
  }));
}
