import type { WebSocket, RawData } from 'ws';
import { ClientMessageSchema, isEventName, WIRE_HELLO, type WireError } from '../../shared/contract';
import { dispatchCall, describeIssues } from './dispatch';
import type { EngineLink } from './engine-link';
import type { EventFanout } from './fanout';

/** Calls one connection may have in flight; a flood beyond this is answered, not queued. */
const MAX_IN_FLIGHT = 64;

/**
 * One dashboard's WebSocket: contract calls answered by id, event subscriptions handed to the
 * fan-out. Whatever arrives is checked (JSON, envelope shape, call name, request schema); a bad
 * call gets an error result, an unreadable frame closes this connection (1008) with the reason,
 * and nothing reaches the engine unchecked.
 */
export function attachSession(ws: WebSocket, link: EngineLink, fanout: EventFanout, log: (message: string) => void = () => {}): void {
  let inFlight = 0;
  ws.send(JSON.stringify(WIRE_HELLO));

  const reply = (id: number, result: { ok: true; json: string } | { ok: false; error: WireError }) => {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(result.ok ? `{"type":"result","id":${id},"ok":true,"value":${result.json}}` : JSON.stringify({ type: 'result', id, ok: false, error: result.error }));
  };

  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) {
      ws.close(1003, 'Binary frames are not part of the Portscope protocol.');
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(data.toString());
    } catch {
      ws.close(1008, 'Malformed message: not JSON.');
      return;
    }
    const parsed = ClientMessageSchema.safeParse(raw);
    if (!parsed.success) {
      // A call with a readable id gets an answer it can match; anything else cannot be answered.
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id === 'number' && Number.isInteger(id) && id >= 0) {
        reply(id, { ok: false, error: { code: 'bad-request', message: `Malformed message: ${describeIssues(parsed.error.issues)}` } });
      } else {
        ws.close(1008, truncate(`Malformed message: ${describeIssues(parsed.error.issues)}`));
      }
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'call': {
        if (inFlight >= MAX_IN_FLIGHT) {
          reply(message.id, { ok: false, error: { code: 'unavailable', message: `Too many calls in flight (${MAX_IN_FLIGHT}); wait for answers first.` } });
          return;
        }
        inFlight++;
        void dispatchCall(link, message.name, message.payload).then((result) => {
          inFlight--;
          reply(message.id, result);
        });
        return;
      }
      case 'subscribe':
        // An unknown stream is ignored rather than fatal: a newer dashboard may ask for streams
        // an older engine lacks, and should keep working with the rest.
        if (isEventName(message.name)) fanout.subscribe(ws, message.name);
        else log(`ignored a subscription to unknown event stream ${JSON.stringify(message.name)}`);
        return;
      case 'unsubscribe':
        if (isEventName(message.name)) fanout.unsubscribe(ws, message.name);
        return;
    }
  });

  ws.on('close', () => fanout.removeClient(ws));
  ws.on('error', (err) => log(`WebSocket error: ${err.message}`));
}

/** Close reasons must fit in a control frame (123 bytes). */
function truncate(reason: string): string {
  const buf = Buffer.from(reason);
  return buf.length <= 123 ? reason : `${buf.subarray(0, 118).toString().replace(/\uFFFD+$/, '')}…`;
}
