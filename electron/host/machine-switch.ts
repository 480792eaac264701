import type { EventName } from '../../shared/contract';
import type { EngineLink } from './engine-link';
import type { MachineRegistry } from './machines';

export interface SwitchableLink extends EngineLink {
  /** The machine calls and events go to now (null: this machine). */
  selected(): string | null;
  /**
   * Back to this machine without touching the remembered choice: the window was reloaded, and
   * its fresh page starts on this machine and reopens the remembered one itself.
   */
  reset(): void;
}

/**
 * Electron's view of the machines: one IPC binding for the window, routed to whichever machine
 * `machines.select` chose last (browser mode opens one WebSocket per machine instead). On a
 * switch, the window's event subscriptions move to the new machine; the renderer rebuilds its
 * stores for it, so nothing of the old machine's table lingers. A removed machine falls back to
 * this one.
 */
export function switchableLink(local: EngineLink, registry: MachineRegistry): SwitchableLink {
  const managed = registry.withMachineCalls(local);
  let target: EngineLink = managed;
  let selected: string | null = null;
  const subs = new Map<EventName, { listeners: Set<(json: string) => void>; off: () => void }>();

  const subscribe = (name: EventName, listeners: Set<(json: string) => void>) => target.on(name, (json) => listeners.forEach((l) => l(json)));

  function retarget(id: string | null): void {
    const next = id === null ? managed : registry.linkFor(id);
    if (!next || next === target) return;
    for (const s of subs.values()) s.off();
    target = next;
    selected = id;
    for (const [name, s] of subs) s.off = subscribe(name, s.listeners);
  }
  registry.onRemoved((id) => {
    if (id === selected) retarget(null);
  });

  return {
    selected: () => selected,
    reset: () => retarget(null),
    async call(name, request) {
      if (name !== 'machines.select') return target.call(name, request);
      // Connects first: a machine that cannot be reached is refused, and the window stays put.
      const json = await managed.call(name, request);
      retarget((request as { id: string | null }).id);
      return json;
    },
    on(name, listener) {
      let s = subs.get(name);
      if (!s) {
        const listeners = new Set<(json: string) => void>();
        s = { listeners, off: subscribe(name, listeners) };
        subs.set(name, s);
      }
      s.listeners.add(listener);
      return () => {
        const current = subs.get(name);
        if (!current?.listeners.delete(listener) || current.listeners.size > 0) return;
        current.off();
        subs.delete(name);
      };
    },
    close: async () => {
      for (const s of subs.values()) s.off();
      subs.clear();
      await registry.close();
      await local.close();
    },
  };
}
