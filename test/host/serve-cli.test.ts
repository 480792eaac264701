import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { connectWs, loginSession, rawRequest } from './support/http';

/** `portscope serve` from source (tsx), as a user runs it: a real process, real signals. */
function serve(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

async function firstLine(child: ChildProcess): Promise<string> {
  const rl = createInterface({ input: child.stdout! });
  const [line] = (await once(rl, 'line')) as [string];
  rl.close();
  return line;
}

let child: ChildProcess | null = null;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = null;
});

describe('portscope serve', () => {
  it('prints the dashboard URL first, serves the contract with the engine in a worker, and stops cleanly on SIGTERM', async () => {
    child = serve(['--port', '0']);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const url = new URL(await firstLine(child));
    expect(url.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const token = url.searchParams.get('token')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const port = Number(url.port);

    expect((await rawRequest(port, '/')).status).toBe(401);
    const { cookie, protocols } = await loginSession(port, token);
    expect((await rawRequest(port, '/', { cookie })).status).toBe(200);

    const c = await connectWs(port, '/ws', {}, url.origin, protocols);
    if (!c.ok) throw new Error(`refused: ${c.status}`);
    await c.messages.next((m) => m.type === 'hello');
    c.ws.send(JSON.stringify({ type: 'call', id: 1, name: 'contract.hello', payload: { version: '1.0.0' } }));
    expect(await c.messages.next((m) => m.id === 1)).toMatchObject({ ok: true, value: { transport: 'browser' } });
    c.ws.send(JSON.stringify({ type: 'call', id: 2, name: 'sockets.snapshot', payload: {} }));
    const snap = await c.messages.next<{ ok: boolean; value: { rows: Array<{ localPort: number; state: string }> } }>((m) => m.id === 2, 15_000);
    // The server's own listening socket is in the table it serves.
    expect(snap.value.rows.some((r) => r.localPort === port && r.state === 'LISTEN')).toBe(true);

    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(0);
    expect(stderr).toContain('stopping');
  });

  it('stops cleanly on Ctrl-C (SIGINT) too', async () => {
    child = serve([]);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    // Signalled the moment the URL arrives: the handler must already be in place.
    await firstLine(child);
    child.kill('SIGINT');
    const [code, signal] = (await once(child, 'exit')) as [number, string];
    expect({ code, signal, stderr }).toMatchObject({ code: 0, signal: null });
  });

  it('rejects a bad --port with one line and exit code 2', async () => {
    child = serve(['--port', '70000']);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('--port');
  });
});
