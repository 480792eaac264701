import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { calls, isEventName, type CallName, type EventName } from '../../shared/contract';
import { dispatchCall } from '../host/dispatch';
import type { EngineLink } from '../host/engine-link';
import { desktopWireError } from './desktop-text';
import { callChannel, EVENT_CHANNEL, SUBSCRIBE_CHANNEL, UNSUBSCRIBE_CHANNEL, type IpcEnvelope } from './channels';
import { isTrustedSender, type FrameLike } from './policy';

/** The part of a WebContents the binding uses; Electron's WebContents fits. */
export interface ContentsLike {
  readonly id: number;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): unknown;
}

/** The event fields the binding reads; Electron's IpcMainInvokeEvent and IpcMainEvent fit. */
export interface SenderEvent {
  readonly senderFrame: FrameLike | null;
  readonly sender: ContentsLike;
}

/** The part of ipcMain the binding uses; Electron's ipcMain fits. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
  on(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void): unknown;
}

export interface IpcBindingOptions {
  ipcMain: IpcMainLike;
  link: EngineLink;
  isTrusted?: (frame: FrameLike | null) => boolean;
  log?: (message: string) => void;
}

/**
 * Binds the whole contract to Electron IPC in one loop: one `ipcMain.handle` per call, each
 * checking the sender frame, then the call's request schema (dispatchCall, shared with the
 * WebSocket host), then asking the engine. Events: a window subscribes by name; its payloads go
 * to that window only, and its subscriptions end when it is destroyed.
 */
export function bindContract(options: IpcBindingOptions): { dispose(): void } {
  const { ipcMain, link } = options;
  const isTrusted = options.isTrusted ?? isTrustedSender;
  const log = options.log ?? (() => {});
  const windows = new Map<number, { contents: ContentsLike; subs: Map<EventName, () => void> }>();

  const trusted = (event: SenderEvent, what: string): boolean => {
    if (isTrusted(event.senderFrame)) return true;
    log(`refused ${what} from an untrusted frame (${event.senderFrame?.url ?? 'gone'})`);
    return false;
  };

  for (const name of Object.keys(calls) as CallName[]) {
    ipcMain.handle(callChannel(name), async (event, payload): Promise<IpcEnvelope> => {
      if (!trusted(event as SenderEvent, name)) {
        return { ok: false, error: desktopWireError('denied', 'desktop.error.engineDenied') };
      }
      return dispatchCall(link, name, payload);
    });
  }

  const onSubscribe = (event: IpcMainEvent, name: unknown) => {
    const e = event as unknown as SenderEvent;
    if (!trusted(e, 'a subscription') || !isEventName(name)) return;
    const contents = e.sender;
    let entry = windows.get(contents.id);
    if (!entry) {
      const created = { contents, subs: new Map<EventName, () => void>() };
      windows.set(contents.id, (entry = created));
      contents.once('destroyed', () => {
        for (const unsubscribe of created.subs.values()) unsubscribe();
        windows.delete(contents.id);
      });
    }
    if (entry.subs.has(name)) return;
    entry.subs.set(
      name,
      link.on(name, (json) => {
        if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, json);
      }),
    );
  };

  const onUnsubscribe = (event: IpcMainEvent, name: unknown) => {
    const e = event as unknown as SenderEvent;
    if (!trusted(e, 'an unsubscription') || !isEventName(name)) return;
    const entry = windows.get(e.sender.id);
    entry?.subs.get(name)?.();
    entry?.subs.delete(name);
  };

  ipcMain.on(SUBSCRIBE_CHANNEL, onSubscribe);
  ipcMain.on(UNSUBSCRIBE_CHANNEL, onUnsubscribe);

  return {
    dispose() {
      for (const name of Object.keys(calls) as CallName[]) ipcMain.removeHandler(callChannel(name));
      ipcMain.removeListener(SUBSCRIBE_CHANNEL, onSubscribe);
      ipcMain.removeListener(UNSUBSCRIBE_CHANNEL, onUnsubscribe);
      for (const entry of windows.values()) for (const unsubscribe of entry.subs.values()) unsubscribe();
      windows.clear();
    },
  };
}
