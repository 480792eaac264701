import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type WebSocket from 'ws';
import { connectWs, loginSession, type MessageQueue } from './http';

/** An authenticated dashboard connection, as the page makes it: log in, then open /ws. */
export interface Session {
  ws: WebSocket;
  messages: MessageQueue;
  /** Sends a call and resolves with its result message. */
  call<T = Record<string, unknown>>(name: string, payload: unknown, timeoutMs?: number): Promise<T>;
  close(): void;
}

export async function openSession(port: number, token: string): Promise<Session> {
  const credentials = await loginSession(port, token);
  const c = await connectWs(port, '/ws', {}, `http://127.0.0.1:${port}`, credentials.protocols);
  if (!c.ok) throw new Error(`WebSocket refused: ${c.status}`);
  await c.messages.next((m) => m.type === 'hello');
  let nextId = 1;
  return {
    ws: c.ws,
    messages: c.messages,
    call(name, payload, timeoutMs = 15_000) {
      const id = nextId++;
      c.ws.send(JSON.stringify({ type: 'call', id, name, payload }));
      return c.messages.next((m) => m.type === 'result' && m.id === id, timeoutMs);
    },
    close: () => c.ws.close(),
  };
}

/** `portscope serve` from source (tsx), optionally under a wrapper (`unshare …`); resolves with the printed URL. */
export async function spawnServe(args: string[] = [], wrapper: string[] = []): Promise<{ child: ChildProcess; url: URL; port: number; token: string; stderr: () => string }> {
  const command = [...wrapper, process.execPath, '--import', 'tsx', 'electron/cli/index.ts', 'serve', '--port', '0', ...args];
  const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const rl = createInterface({ input: child.stdout! });
  const line = await Promise.race([
    once(rl, 'line').then(([l]) => String(l)),
    once(child, 'exit').then(([code]) => {
      throw new Error(`serve exited (${String(code)}) before its URL: ${stderr}`);
    }),
  ]);
  rl.close();
  const url = new URL(line);
  return { child, url, port: Number(url.port), token: url.searchParams.get('token')!, stderr: () => stderr };
}
