import { randomBytes } from 'node:crypto';
import net from 'node:net';

/**
 * A WebSocket client done by hand on a plain TCP socket, so a test controls what a library would
 * not let it: it can stop reading while it keeps sending.
 */
export interface RawWs {
  socket: net.Socket;
  /** Bytes that arrived after the 101 response head and before reading was paused. */
  early: Buffer;
}

export async function rawWsConnect(port: number, protocols: string[], origin = `http://127.0.0.1:${port}`): Promise<RawWs> {
  const socket = net.connect({ host: '127.0.0.1', port });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.write(
    [
      'GET /ws HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      `Origin: ${origin}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      `Sec-WebSocket-Protocol: ${protocols.join(', ')}`,
      '',
      '',
    ].join('\r\n'),
  );
  let got = Buffer.alloc(0);
  const head = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      got = Buffer.concat([got, chunk]);
      const end = got.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      socket.pause();
      const text = got.subarray(0, end).toString();
      got = got.subarray(end + 4);
      resolve(text);
    };
    socket.on('data', onData);
    socket.once('error', reject);
  });
  if (!head.startsWith('HTTP/1.1 101')) throw new Error(`upgrade refused: ${head.split('\r\n')[0]}`);
  return { socket, early: got };
}

/** One masked text frame (client frames must be masked), payload under 64 KiB. */
export function maskedTextFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const mask = randomBytes(4);
  const header = payload.length < 126 ? Buffer.from([0x81, 0x80 | payload.length]) : Buffer.from([0x81, 0x80 | 126, payload.length >> 8, payload.length & 0xff]);
  const body = Buffer.alloc(payload.length);
  for (let i = 0; i < payload.length; i++) body[i] = payload[i]! ^ mask[i % 4]!;
  return Buffer.concat([header, mask, body]);
}

/** Reads server frames (unmasked) until a close frame; resolves with its code and reason, or null if the socket ended first. */
export function readUntilClose(ws: RawWs): Promise<{ code: number; reason: string; framesBefore: number } | null> {
  let buf = ws.early;
  let frames = 0;
  // Chunks wait here until a whole frame can be read: no copy per 64 KiB chunk of a large answer.
  let waiting: Buffer[] = [];
  let waitingBytes = 0;
  let need = 2;
  return new Promise((resolve) => {
    const parse = (): boolean => {
      for (;;) {
        need = 2;
        if (buf.length < 2) return false;
        const opcode = buf[0]! & 0x0f;
        let len = buf[1]! & 0x7f;
        let offset = 2;
        if (len === 126) {
          need = 4;
          if (buf.length < 4) return false;
          len = buf.readUInt16BE(2);
          offset = 4;
        } else if (len === 127) {
          need = 10;
          if (buf.length < 10) return false;
          len = Number(buf.readBigUInt64BE(2));
          offset = 10;
        }
        need = offset + len;
        if (buf.length < need) return false;
        const payload = buf.subarray(offset, offset + len);
        buf = buf.subarray(offset + len);
        if (opcode === 0x8) {
          resolve({ code: payload.length >= 2 ? payload.readUInt16BE(0) : 1005, reason: payload.subarray(2).toString(), framesBefore: frames });
          return true;
        }
        frames++;
      }
    };
    if (parse()) return;
    ws.socket.on('data', (chunk: Buffer) => {
      waiting.push(chunk);
      waitingBytes += chunk.length;
      if (buf.length + waitingBytes < need) return;
      buf = Buffer.concat([buf, ...waiting]);
      waiting = [];
      waitingBytes = 0;
      if (parse()) ws.socket.destroy();
    });
    ws.socket.once('close', () => resolve(null));
    ws.socket.once('error', () => resolve(null));
    ws.socket.resume();
  });
}
