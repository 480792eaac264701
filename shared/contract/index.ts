import type { z } from 'zod';
import { liveCalls, liveEvents } from './calls';
import { scanCalls, scanEvents } from './scan';
import { reportCalls } from './report';
import { historyCalls, historyEvents } from './history';
import { connectionCalls } from './connection';
import { namesCalls, namesEvents } from './names';
import { machinesCalls } from './machines';

export * from './version';
export * from './sockets';
export * from './traffic';
export * from './calls';
export * from './errors';
export * from './wire';
export * from './scan';
export * from './report';
export * from './history';
export * from './connection';
export * from './names';
export * from './machines';

/** The whole contract: every call and every event stream, by name. */
export const calls = {
  ...liveCalls,
  ...scanCalls,
  ...reportCalls,
  ...historyCalls,
  ...connectionCalls,
  ...namesCalls,
  ...machinesCalls,
} as const;
export const events = { ...liveEvents, ...scanEvents, ...historyEvents, ...namesEvents } as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallRequest<N extends CallName> = z.input<Calls[N]['request']>;
export type CallResponse<N extends CallName> = z.output<Calls[N]['response']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<N extends EventName> = z.output<Events[N]>;

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

/** What every front end holds: the engine, whatever transport carries it. */
export interface ContractClient {
  call<N extends CallName>(name: N, request: CallRequest<N>): Promise<CallResponse<N>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** What the engine offers: one async handler per call, and event subscription. */
export type CallHandlers = { [N in CallName]: (request: z.output<Calls[N]['request']>) => Promise<CallResponse<N>> };
export * from './localized';
