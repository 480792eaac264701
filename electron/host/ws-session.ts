import type { WebSocket, RawData } from 'ws';
import { ClientMessageSchema, isEventName, WIRE_HELLO, type WireError } from '../../shared/contract';
import { dispatchCall, describeIssues } from './dispatch';
import type { EngineLink } from './engine-link';
import type { EventFanout } from './fanout';
import type { WorkBudget } from './work-budget';

export interface SessionLimits {
  /**
   * Calls one connection may have in flight, counted until the answer has been handed to the
   * kernel: a client that stops reading stops getting engine work done for it, and what is still
   * being worked on when it is dropped (each answer may be megabytes) stays small. A dashboard
   * has a few calls out at a time. Beyond this a call is answered with `unavailable`, not queued.
   */
  maxInFlight?: number;
  /** Answers (and events) queued for a client beyond this: it is not reading, and is dropped. */
  maxUnsentBytes?: number;
  /** Grace for a dropped client to read the close frame before the socket is destroyed. */
  dropGraceMs?: number;
  /** Shared by every connection: bytes of requests being worked on (see work-budget.ts). */
  budget?: WorkBudget;
}

/** Logs by kind, so the caller can rate-limit what clients make it say (see log-limit.ts). */
export type KindLog = (kind: string, message: string) => void;

/** Close code for a client dropped because its answers piled up unread (4000-4999: application-defined). */
export const CLOSE_NOT_READING = 4008;

export const DEFAULT_MAX_UNSENT_BYTES = 16 * 1024 * 1024;
const DEFAULTS = { maxInFlight: 16, maxUnsentBytes: DEFAULT_MAX_UNSENT_BYTES, dropGraceMs: 2000 } as const;

/**
 * One dashboard's WebSocket: contract calls answered by id, event subscriptions handed to the
 * fan-out. Whatever arrives is checked (JSON, envelope shape, call name, request schema); a bad
 * call gets an error result, an unreadable frame closes this connection (1008) with the reason,
 * and nothing reaches the engine unchecked.
 */
export function attachSession(ws: WebSocket, link: EngineLink, fanout: EventFanout, log: KindLog = () => {}, limits: SessionLimits = {}): void {
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
    log('drop', `dropping a WebSocket client that is not reading: ${unsent} bytes of answers unsent`);
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
    if (dropped) return;
    // The budget is taken before the frame is even parsed: parsing a 60 MB call is work too.
    const size = frameBytes(data);
    const budget = limits.budget;
    if (budget && !budget.tryTake(size)) {
      const id = peekId(data);
      const message = `Portscope is busy with ${mib(budget.inUse)} MiB of other requests (limit ${mib(budget.limitBytes)} MiB); send this ${mib(size)} MiB request again when they finish.`;
      if (id !== null) reply(id, { ok: false, error: { code: 'unavailable', message } });
      else ws.close(1013, 'Server busy: try again later.');
      return;
    }
    let held = budget ? size : 0;
    const giveBack = () => {
      budget?.giveBack(held);
      held = 0;
    };
    // A call keeps its share until it is answered; anything else is done with it now.
    if (!handle(data, giveBack)) giveBack();
  });

  /** Handles one text frame; true when a dispatched call took over `release`. */
  function handle(data: RawData, release: () => void): boolean {
    let raw: unknown;
    try {
      raw = JSON.parse(data.toString());
    } catch {
      ws.close(1008, 'Malformed message: not JSON.');
      return false;
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
      return false;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'call': {
        if (inFlight >= maxInFlight) {
          reply(message.id, { ok: false, error: { code: 'unavailable', message: `Too many calls in flight (${maxInFlight}); read the answers first.` } });
          return false;
        }
        inFlight++;
        void dispatchCall(link, message.name, message.payload).then((result) => {
          release();
          reply(message.id, result, () => {
            inFlight--;
          });
        });
        return true;
      }
      case 'subscribe':
        // An unknown stream is ignored rather than fatal: a newer dashboard may ask for streams
        // an older engine lacks, and should keep working with the rest.
        if (isEventName(message.name)) fanout.subscribe(ws, message.name);
        else log('unknown-stream', `ignored a subscription to unknown event stream ${JSON.stringify(message.name.slice(0, 80))}`);
        return false;
      case 'unsubscribe':
        if (isEventName(message.name)) fanout.unsubscribe(ws, message.name);
        return false;
    }
  }

  ws.on('close', () => fanout.removeClient(ws));
  ws.on('error', (err) => log('ws-error', `WebSocket error: ${err.message}`));
}

function frameBytes(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((n, b) => n + b.length, 0);
  return data instanceof ArrayBuffer ? data.byteLength : data.length;
}

/** The call id from a frame's start, without parsing it all (clients put `type` and `id` first). */
function peekId(data: RawData): number | null {
  const first = Array.isArray(data) ? data[0] : data instanceof ArrayBuffer ? Buffer.from(data) : data;
  const head = first?.subarray(0, 256).toString('latin1') ?? '';
  const m = /"id"\s*:\s*(\d{1,15})[,}\s]/.exec(head);
  return m ? Number(m[1]) : null;
}

const mib = (bytes: number) => (bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 1 : 0);

/** Close reasons must fit in a control frame (123 bytes). */
function truncate(reason: string): string {
  const buf = Buffer.from(reason);
  return buf.length <= 123 ? reason : `${buf.subarray(0, 118).toString().replace(/\uFFFD+$/, '')}…`;
}
