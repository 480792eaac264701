import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { presentedFingerprint } from '../../electron/engine/remote/remote-link';
import { REPO } from './support/agent-ns';

/**
 * The systemd unit's documented `--listen` line (commented out in assets/portscope-agent.service)
 * must be one the agent accepts, and read-only: it is run here with its own flags, pointed at a
 * temporary folder and token file, on loopback with a free port instead of 0.0.0.0:9480.
 */

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe('the systemd unit: the --listen example', () => {
  it('is read-only, reads its token from a file, and starts with exactly those flags', async () => {
    const unit = fs.readFileSync(path.join(REPO, 'assets/portscope-agent.service'), 'utf8');
    const line = /^#ExecStart=(\S+) (agent .*--listen .*)$/m.exec(unit);
    expect(line, 'a commented ExecStart with --listen').not.toBeNull();
    const args = line![2]!.split(/\s+/);
    expect(args).not.toContain('--allow-control');
    expect(args).not.toContain('--listen-token'); // on the command line, ps would show it
    expect(args[args.indexOf('--listen-token-file') + 1]).toBe('/etc/portscope/agent.token');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-fleet-unit-'));
    const tokenFile = path.join(dir, 'agent.token');
    fs.writeFileSync(tokenFile, 'unit-example-token-0123456789abcdef\n', { mode: 0o600 });
    const port = await freePort();
    const local = args.slice(1).map((a) =>
      a.startsWith('/var/lib/') ? dir : a.startsWith('/var/log/') ? path.join(dir, 'changes.jsonl') : a === '/etc/portscope/agent.token' ? tokenFile : a === '0.0.0.0:9480' ? `127.0.0.1:${port}` : a,
    );
    expect(local).toContain(`127.0.0.1:${port}`);
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', 'agent', ...local], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    try {
      await expect.poll(() => stderr, { timeout: 30_000 }).toMatch(/running \(pid/);
      expect(stderr).toMatch(/the app can connect at wss:\/\/127\.0\.0\.1:\d+\/ws \(read-only, bearer token required/);
      const printed = /fingerprint \(SHA-256\): ([0-9A-F:]{95})/.exec(stderr)?.[1];
      expect(await presentedFingerprint({ host: '127.0.0.1', port }, 5000)).toBe(printed);
      // The certificate is kept in the data folder, so the pinned fingerprint survives restarts.
      expect(fs.existsSync(path.join(dir, 'agent-tls'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
      expect(await exited).toBe(0);
      clearTimeout(kill);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
