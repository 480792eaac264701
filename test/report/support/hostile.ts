import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll } from 'vitest';
import { Engine } from '../../../electron/engine/service';

/**
 * A real process with a hostile name and command line, holding real loopback listeners: what
 * reports must keep exact (JSON, CSV) and render inert (HTML, Markdown).
 */

/** 15 bytes at most: the kernel's task-name limit. HTML, quotes, a formula, a pipe, a backtick. */
export const HOSTILE_NAME = '=1|<b>"`x\'&y';

export const HOSTILE_ARGS = [
  '<script>alert("x")</script><img src=x onerror=alert(1)>',
  "=cmd|' /C calc'!A0",
  '@SUM(1+1)*cmd|x',
  '-2+3',
  '+1 | col | `whoami` | **bold** [link](javascript:alert(1))',
  'quote"double\'single',
  '&lt;already-escaped&gt; &amp;',
];

export interface HostileServer {
  child: ChildProcess;
  pid: number;
  tcpPort: number;
  udpPort: number;
  /** Opens one more TCP listener on loopback and returns its port. */
  listen(): Promise<number>;
  /** Closes a TCP listener opened by listen() (or the first one). */
  close(port: number): Promise<void>;
  stop(): Promise<void>;
}

// The child renames its own task (comm) and opens listeners when told to over stdin.
const CHILD = `
const fs = require('node:fs'), net = require('node:net'), dgram = require('node:dgram'), rl = require('node:readline');
fs.writeFileSync('/proc/self/comm', process.env.HOSTILE_NAME);
const servers = new Map();
function listen(cb) { const s = net.createServer((c) => c.on('error', () => {})); s.listen(0, '127.0.0.1', () => { servers.set(s.address().port, s); cb(s.address().port); }); }
const udp = dgram.createSocket('udp4');
udp.bind(0, '127.0.0.1', () => listen((tcp) => console.log('ready ' + tcp + ' ' + udp.address().port)));
rl.createInterface({ input: process.stdin }).on('line', (line) => {
  const [cmd, arg] = line.split(' ');
  if (cmd === 'listen') listen((p) => console.log('listening ' + p));
  if (cmd === 'close') servers.get(Number(arg)).close(() => { servers.delete(Number(arg)); console.log('closed ' + arg); });
});
process.stdin.on('end', () => process.exit(0));
`;

export async function startHostileServer(): Promise<HostileServer> {
  // A script file keeps the command line short: the hostile arguments are what stands out.
  const script = path.join(os.tmpdir(), `portscope-hostile-${process.pid}.cjs`);
  fs.writeFileSync(script, CHILD);
  const child = spawn(process.execPath, [script, ...HOSTILE_ARGS], {
    env: { ...process.env, HOSTILE_NAME },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout! });
  const waiting: Array<(line: string) => void> = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const next = () =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('hostile child did not answer')), 10_000);
      waiting.push((line) => {
        clearTimeout(timer);
        resolve(line);
      });
    });
  const [, tcp, udp] = (await next()).split(' ');
  const server: HostileServer = {
    child,
    pid: child.pid!,
    tcpPort: Number(tcp),
    udpPort: Number(udp),
    async listen() {
      child.stdin!.write('listen\n');
      return Number((await next()).split(' ')[1]);
    },
    async close(port) {
      child.stdin!.write(`close ${port}\n`);
      await next();
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin!.end();
      await exited;
    },
  };
  return server;
}

/**
 * The live engine beside a running hostile server, for one test file: started before its tests,
 * stopped after them. Read `engine` and `server` inside tests (they exist once beforeAll ran).
 */
export function useEngineWithHostileServer(): { readonly engine: Engine; readonly server: HostileServer } {
  let engine: Engine | undefined;
  let server: HostileServer | undefined;
  beforeAll(async () => {
    server = await startHostileServer();
    engine = new Engine({ transport: 'cli' });
  });
  afterAll(async () => {
    engine?.dispose();
    await server?.stop();
  });
  return {
    get engine() {
      if (!engine) throw new Error('the live engine is used before beforeAll ran');
      return engine;
    },
    get server() {
      if (!server) throw new Error('the hostile server is used before beforeAll ran');
      return server;
    },
  };
}
