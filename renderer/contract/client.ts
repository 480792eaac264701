import { createBridgeClient } from './bridgeClient';
import type { RendererClient } from './types';
import { createWsClient, defaultWsUrl } from './wsClient';

/**
 * The one place that picks the transport: the preload bridge inside Electron, otherwise the
 * WebSocket of `portscope serve` on the page's own host.
 */
export function createContractClient(win: Window = window): RendererClient {
  if (win.portscope) return createBridgeClient(win.portscope);
  return createWsClient({ url: defaultWsUrl(win.location) });
}
