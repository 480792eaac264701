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
  open(id: string | null): Promise<RendererClient>;
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
    async open(id) {
      if (id === null) return home;
      // Answers once the host reached the agent (or says why it could not).
      await home.call('machines.select', { id });
      return createWsClient({ url: `${url}?machine=${encodeURIComponent(id)}`, protocols });
    },
  };
}
