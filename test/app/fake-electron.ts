import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import type { RendererIpcLike } from '../../electron/app/bridge';
import type { ContentsLike, IpcMainLike } from '../../electron/app/ipc';
import type { FrameLike } from '../../electron/app/policy';

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;
type OnListener = (event: IpcMainEvent, ...args: unknown[]) => void;

/**
 * A fake ipcMain implementing the slice of Electron's type the binding uses; `connect` gives a
 * renderer-side ipc (what the preload sees) for a page with a given frame, so a test can drive
 * the real bridge against the real binding, as a trusted page or as an intruder.
 */
export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, InvokeListener>();
  readonly listeners = new Map<string, Set<OnListener>>();

  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  on(channel: string, listener: OnListener): this {
    let set = this.listeners.get(channel);
    if (!set) this.listeners.set(channel, (set = new Set()));
    set.add(listener);
    return this;
  }
  removeListener(channel: string, listener: OnListener): this {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }

  connect(frame: FrameLike | null, contents = new FakeContents()): { ipc: RendererIpcLike; contents: FakeContents } {
    const event = { senderFrame: frame, sender: contents };
    const ipc: RendererIpcLike = {
      invoke: async (channel, ...args) => {
        const h = this.handlers.get(channel);
        if (!h) throw new Error(`No handler registered for '${channel}'`);
        // Electron clones arguments between processes; so does this fake.
        return structuredClone(await h(event as unknown as IpcMainInvokeEvent, ...structuredClone(args)));
      },
      send: (channel, ...args) => {
        for (const l of this.listeners.get(channel) ?? []) l(event as unknown as IpcMainEvent, ...structuredClone(args));
      },
      on: (channel, listener) => contents.rendererListeners.push({ channel, listener }),
    };
    return { ipc, contents };
  }
}

let nextId = 1;

export class FakeContents implements ContentsLike {
  readonly id = nextId++;
  destroyed = false;
  readonly rendererListeners: Array<{ channel: string; listener: (event: unknown, ...args: unknown[]) => void }> = [];
  private readonly onDestroyed: Array<() => void> = [];

  send(channel: string, ...args: unknown[]): void {
    for (const l of this.rendererListeners) if (l.channel === channel) l.listener({}, ...structuredClone(args));
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  once(_event: 'destroyed', listener: () => void): this {
    this.onDestroyed.push(listener);
    return this;
  }
  destroy(): void {
    this.destroyed = true;
    for (const l of this.onDestroyed.splice(0)) l();
  }
}

export const appFrame: FrameLike = { url: 'portscope-app://app/index.html', parent: null };
