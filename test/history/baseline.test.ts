import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { BaselineCheck } from '../../shared/contract/history';
import { portscope } from '../support/cli';
import { SocketBag } from '../support/sockets';
import { tempDataDir } from './support';

const bag = new SocketBag();
const cleanups: Array<() => void> = [];
afterEach(async () => {
  await bag.closeAll();
  for (const c of cleanups.splice(0)) c();
});

function data() {
  const t = tempDataDir();
  cleanups.push(t.remove);
  return t.dir;
}

const port = (s: net.Server) => (s.address() as net.AddressInfo).port;

describe('portscope baseline', () => {
  it('exits 0 with nothing new, 1 naming a new listener by port and owner, and lists known ones that went away', () => {
    const dir = data();
    const save = portscope(['baseline', 'save', '--data-dir', dir]);
    expect(save.status, save.stderr).toBe(0);
    expect(save.stdout).toMatch(/Saved baseline #1: \d+ listeners? marked as known/);

    // Other suites open listeners on this machine too: a new one between save and check is
    // rightly "new", so save again and retry a few times before calling it a failure.
    let clean = portscope(['baseline', 'check', '--data-dir', dir]);
    for (let i = 0; i < 5 && clean.status === 1; i++) {
      portscope(['baseline', 'save', '--data-dir', dir]);
      clean = portscope(['baseline', 'check', '--data-dir', dir]);
    }
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
    expect(clean.stdout).toMatch(/0 new/);
    return (async () => {
      // Listening on every interface sends nothing anywhere; it is what "exposed" means.
      const exposed = await bag.listen('0.0.0.0');
      const p = port(exposed);
      const hit = portscope(['baseline', 'check', '--data-dir', dir]);
      expect(hit.status, hit.stderr).toBe(1);
      expect(hit.stdout).toMatch(new RegExp(`new\\s+tcp\\s+0\\.0\\.0\\.0:${p}\\s+${p}\\s+node\\s+${process.pid}\\s+all`));
      const json = portscope(['baseline', 'check', '--data-dir', dir, '--json']);
      expect(json.status).toBe(1);
      const check = JSON.parse(json.stdout) as BaselineCheck;
      expect(check.added).toContainEqual(expect.objectContaining({ localPort: p, processName: 'node', pid: process.pid, exposure: 'all' }));

      // Mark it as known, then close it: nothing new, and it is listed as gone.
      expect(portscope(['baseline', 'save', '--data-dir', dir]).status).toBe(0);
      await new Promise<void>((r) => exposed.close(() => r()));
      const gone = portscope(['baseline', 'check', '--data-dir', dir, '--json']);
      const goneCheck = JSON.parse(gone.stdout) as BaselineCheck;
      // Exit 1 here can only be another suite's listener opened since the save: never ours.
      expect(goneCheck.added.filter((r) => r.pid === process.pid)).toEqual([]);
      expect(gone.status).toBe(goneCheck.added.length > 0 ? 1 : 0);
      expect(goneCheck.gone).toContainEqual(expect.objectContaining({ localPort: p, processName: 'node' }));
    })();
  });

  it('exits 2 on bad input: no baseline yet, an unknown flag', () => {
    const dir = data();
    const none = portscope(['baseline', 'check', '--data-dir', dir]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/no baseline saved/);
    expect(portscope(['baseline', 'check', '--data-dir', dir, '--bogus']).status).toBe(2);
    expect(portscope(['baseline', 'check', '--data-dir', '']).status).toBe(2);
  });
});
