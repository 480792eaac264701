import { createBridgeClient } from './bridgeClient';
import type { RendererClient } from './types';
import { adoptSessionFromUrl, sessionProtocols } from './session';
import { createWsClient, defaultWsUrl } from './wsClient';

/**
 * The one place that picks the transport: the preload bridge inside Electron, otherwise the
 * WebSocket of `portscope serve` on the page's own host, with the session credential the page
 * was handed (see session.ts).
 */
export function createContractClient(win: Window = window): RendererClient {
  if (win.portscope) return createBridgeClient(win.portscope);
  const credential = adoptSessionFromUrl(win);
  return createWsClient({ url: defaultWsUrl(win.location), protocols: sessionProtocols(credential) });
}
