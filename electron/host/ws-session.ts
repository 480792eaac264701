import type { WebSocket, RawData } from 'ws';
import { ClientMessageSchema, isEventName, WIRE_HELLO, type WireError } from '../../shared/contract';
import { dispatchCall, describeIssues } from './dispatch';
import type { EngineLink } from './engine-link';
import type { EventFanout } from './fanout';

export interface SessionLimits {
  /**
   * Calls one connection may have in flight, counted until the answer has been handed to the
   * kernel: a client that stops reading stops getting engine work done for it. Beyond this a call
   * is answered with `unavailable`, not queued.
   */
  maxInFlight?: number;
  /** Answers (and events) queued for a client beyond this: it is not reading, and is dropped. */
  maxUnsentBytes?: number;
  /** Grace for a dropped client to read the close frame before the socket is destroyed. */
  dropGraceMs?: number;
  /** Repeated log lines (one kind per connection) are summarized after this many. */
  logBurst?: number;
}

/** Close code for a client dropped because its answers piled up unread (4000-4999: application-defined). */
export const CLOSE_NOT_READING = 4008;

const DEFAULTS = { maxInFlight: 64, maxUnsentBytes: 16 * 1024 * 1024, dropGraceMs: 2000 } as const;

/**
 * One dashboard's WebSocket: contract calls answered by id, event subscriptions handed to the
 * fan-out. Whatever arrives is checked (JSON, envelope shape, call name, request schema); a bad
 * call gets an error result, an unreadable frame closes this connection (1008) with the reason,
 * and nothing reaches the engine unchecked.
 */
export function attachSession(ws: WebSocket, link: EngineLink, fanout: EventFanout, log: (message: string) => void = () => {}, limits: SessionLimits = {}): void {
  const maxInFlight = limits.maxInFlight ?? DEFAULTS.maxInFlight;
  const maxUnsent = limits.maxUnsentBytes ?? DEFAULTS.maxUnsentBytes;
  const grace = limits.dropGraceMs ?? DEFAULTS.dropGraceMs;
  let inFlight = 0;
  let dropped = false;
  ws.send(JSON.stringify(WIRE_HELLO));

  /**
   * A client whose unsent answers pass the budget is not reading them. It is told why (the close
   * frame waits behind what is queued) and its socket is destroyed after a short grace, which
   * frees everything queued for it; ws's own close timeout would hold it 30 s.
   */
  const dropIfNotReading = () => {
    const unsent = ws.bufferedAmount;
    if (dropped || unsent <= maxUnsent) return;
    dropped = true;
    log(`dropping a WebSocket client that is not reading: ${unsent} bytes of answers unsent`);
    fanout.removeClient(ws);
    ws.close(CLOSE_NOT_READING, truncate(`Not reading: ${Math.round(unsent / 1048576)} MiB of answers unsent. Reconnect and read what you ask for.`));
    setTimeout(() => ws.terminate(), grace).unref();
  };

  /** Resolves once the answer has been written out (or could not be). */
  const reply = (id: number, result: { ok: true; json: string } | { ok: false; error: WireError }, written: () => void = () => {}) => {
    if (ws.readyState !== ws.OPEN || dropped) return written();
    ws.send(result.ok ? `{"type":"result","id":${id},"ok":true,"value":${result.json}}` : JSON.stringify({ type: 'result', id, ok: false, error: result.error }), () => written());
    dropIfNotReading();
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
    if (dropped) return;
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
        if (inFlight >= maxInFlight) {
          reply(message.id, { ok: false, error: { code: 'unavailable', message: `Too many calls in flight (${maxInFlight}); read the answers first.` } });
          return;
        }
        inFlight++;
        void dispatchCall(link, message.name, message.payload).then((result) =>
          reply(message.id, result, () => {
            inFlight--;
          }),
        );
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
