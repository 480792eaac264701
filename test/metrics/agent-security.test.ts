import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgent } from './agentProcess';

const TOKEN = 'portscope-test-token-0123456789abcdef';

describe('a token-protected agent', () => {
  it('answers only a scrape with the right bearer token', async () => {
    const agent = await startAgent(['--metrics', '127.0.0.1:0', '--metrics-token-file', writeTemp('token', `${TOKEN}\n`)]);
    try {
      expect((await fetch(agent.url)).status).toBe(401);
      expect((await fetch(agent.url, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
      expect((await fetch(agent.url, { headers: { authorization: `Basic ${TOKEN}` } })).status).toBe(401);
      const ok = await fetch(agent.url, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('portscope_listening_sockets');
      expect(agent.stderr()).toContain('bearer token required');
      expect(agent.stderr()).not.toContain(TOKEN);
    } finally {
      await agent.stop();
    }
  });

  it('may bind every interface once a token guards it (scraped here over loopback only)', async () => {
    const agent = await startAgent(['--metrics', '0.0.0.0:0'], { PORTSCOPE_METRICS_TOKEN: TOKEN });
    try {
      const url = agent.url.replace('0.0.0.0', '127.0.0.1');
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    } finally {
      await agent.stop();
    }
  });
});

describe('an agent with TLS and client certificates', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portscope-tls-'));
    const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
    ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=portscope test CA');
    for (const name of ['server', 'client', 'stranger']) {
      ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name === 'server' ? '127.0.0.1' : name}`);
    }
    fs.writeFileSync(path.join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
    ssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '1', '-extfile', 'san.ext');
    ssl('x509', '-req', '-in', 'client.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'client.pem', '-days', '1');
    // Signed by itself, not by the CA the agent trusts.
    ssl('x509', '-req', '-in', 'stranger.csr', '-signkey', 'stranger.key', '-out', 'stranger.pem', '-days', '1');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const get = (url: string, opts: https.RequestOptions) =>
    new Promise<number>((resolve, reject) => {
      const req = https.get(url, { ca: fs.readFileSync(path.join(dir, 'ca.pem')), ...opts }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
    });
  const file = (name: string) => fs.readFileSync(path.join(dir, name));

  it('serves HTTPS on every interface to clients with a certificate from its CA, and refuses the rest', async () => {
    const agent = await startAgent([
      '--metrics', '0.0.0.0:0',
      '--metrics-tls-cert', path.join(dir, 'server.pem'),
      '--metrics-tls-key', path.join(dir, 'server.key'),
      '--metrics-tls-client-ca', path.join(dir, 'ca.pem'),
    ]);
    try {
      const url = agent.url.replace('0.0.0.0', '127.0.0.1');
      expect(url).toMatch(/^https:/);
      expect(await get(url, { cert: file('client.pem'), key: file('client.key') })).toBe(200);
      await expect(get(url, {})).rejects.toThrow();
      await expect(get(url, { cert: file('stranger.pem'), key: file('stranger.key') })).rejects.toThrow();
      // Plain HTTP to the TLS port gets no metrics.
      const plain = await fetch(url.replace('https:', 'http:')).then((r) => r.status, () => 0);
      expect(plain).not.toBe(200);
    } finally {
      await agent.stop();
    }
  });
});

function writeTemp(name: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portscope-agent-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content, { mode: 0o600 });
  return file;
}
