import { createBridgeClient } from './bridgeClient';
import { adoptSessionFromUrl, sessionProtocols } from './session';
import type { RendererClient } from './types';
import { createWsClient, defaultWsUrl } from './wsClient';

/**
 * How the page reaches a machine. `home` is this machine's client, which also answers the
 * machines.* calls; `open(id)` gives a client looking at that machine (null: this one), after
 * checking it is reachable. Browser mode: one WebSocket per machine (`/ws?machine=<id>`) to the
 * page's own host, which proxies it to the agent; the page never talks to an agent itself.
 * Electron: `machines.select` routes the window's IPC in main, and a fresh bridge client starts
 * the stores over (the old stores are disposed first).
 */
export interface MachineConnector {
  readonly home: RendererClient;
  /** `onRemoved`: the host says the machine was removed meanwhile (another tab or window). */
  open(id: string | null, hooks?: { onRemoved?: () => void }): Promise<RendererClient>;
}

export function createMachineConnector(win: Window = window): MachineConnector {
  const bridge = win.portscope;
  if (bridge) {
    const home = createBridgeClient(bridge);
    return {
      home,
      async open(id) {
        await home.call('machines.select', { id });
        return createBridgeClient(bridge);
      },
    };
  }
  const protocols = sessionProtocols(adoptSessionFromUrl(win));
  const url = defaultWsUrl(win.location);
  const home = createWsClient({ url, protocols });
  return {
    home,
    async open(id, hooks) {
      // Answers once the host reached the agent (or says why it could not); the host also
      // remembers the choice, this machine included, for the next page load.
      if (id === null) {
        await home.call('machines.select', { id }).catch(() => undefined);
        return home;
      }
      await home.call('machines.select', { id });
      return createWsClient({ url: `${url}?machine=${encodeURIComponent(id)}`, protocols, onMachineRemoved: hooks?.onRemoved });
    },
  };
}
