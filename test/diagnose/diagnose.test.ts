import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagnoseStep } from '../../shared/contract/scan';
import { diagnosePort } from '../../electron/engine/diagnose/diagnose';
import { parseIptablesSave, parseNftRuleset, portExpressionCovers, readFirewall } from '../../electron/engine/diagnose/firewall';
import type { CommandRunner } from '../../electron/engine/platform/types';
import { Engine } from '../../electron/engine/service';
import { SocketBag, portOf } from '../support/sockets';

/**
 * The diagnosis checklist on this machine. Reachability is tried on loopback only (the machine's
 * other addresses are left out through the interfaces list), and the firewall text is crafted.
 */

const NFT = (port: number) => `table inet filter {
	chain input {
		type filter hook input priority filter; policy drop;
		ct state established,related accept
		iif "lo" accept
		tcp dport { 22, 80, 8000-8100 } accept
		tcp dport ${port} drop
		udp dport 53 reject
	}
	chain forward {
		type filter hook forward priority filter; policy accept;
	}
}
`;

const IPTABLES = `*filter
:INPUT DROP [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
-A INPUT -p tcp -m multiport --dports 80,443,9000:9100 -j ACCEPT
-A INPUT -p udp -m udp --dport 514 -j DROP
COMMIT
`;

const loopbackOnly = () => ({
  lo: [
    { address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4' as const, mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' },
    { address: '::1', netmask: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', family: 'IPv6' as const, mac: '00:00:00:00:00:00', internal: true, cidr: '::1/128', scopeid: 0 },
  ],
});

const runner =
  (nft: string | null): CommandRunner =>
  async (command) => {
    if (command === 'nft' && nft !== null) return { code: 0, stdout: nft, stderr: '' };
    throw Object.assign(new Error(`spawn ${command} ENOENT`), { code: 'ENOENT' });
  };

describe('firewall rule readers', () => {
  it('covers single ports, sets and ranges', () => {
    expect(portExpressionCovers('{ 22, 80, 8000-8100 }', 8050)).toBe(true);
    expect(portExpressionCovers('{ 22, 80, 8000-8100 }', 8101)).toBe(false);
    expect(portExpressionCovers('9000:9100', 9000)).toBe(true);
  });

  it('reads nft rules naming the port and input drop policies', () => {
    const found = parseNftRuleset(NFT(4444), 4444, 'tcp');
    expect(found.matches).toEqual([{ rule: 'tcp dport 4444 drop', action: 'drop', chain: 'inet filter input' }]);
    expect(found.dropPolicies).toEqual(['inet filter input']);
    expect(parseNftRuleset(NFT(4444), 8080, 'tcp').matches[0]!.action).toBe('accept');
    expect(parseNftRuleset(NFT(4444), 53, 'udp').matches[0]!.action).toBe('reject');
    expect(parseNftRuleset(NFT(4444), 53, 'tcp').matches).toEqual([]);
  });

  it('reads iptables-save rules and policies', () => {
    expect(parseIptablesSave(IPTABLES, 9050, 'tcp').matches.map((m) => m.action)).toEqual(['accept']);
    expect(parseIptablesSave(IPTABLES, 514, 'udp').matches.map((m) => m.action)).toEqual(['drop']);
    expect(parseIptablesSave(IPTABLES, 514, 'tcp').matches).toEqual([]);
    expect(parseIptablesSave(IPTABLES, 1, 'tcp').dropPolicies).toEqual(['INPUT']);
  });

  it('says why when no rules can be read', async () => {
    const fw = await readFirewall(runner(null), 80, 'tcp');
    expect(fw.source).toBeNull();
    expect(fw.unreadable).toBe('nft: not installed; iptables-save: not installed');
  });
});

describe('diagnosePort', () => {
  const bag = new SocketBag();
  const engine = new Engine({ transport: 'cli' });
  let loopbackPort = 0;
  let freePort = 0;

  beforeAll(async () => {
    loopbackPort = portOf(await bag.listen('127.0.0.1'));
    const s = net.createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    freePort = portOf(s);
    await new Promise((r) => s.close(r));
  });
  afterAll(async () => {
    engine.dispose();
    await bag.closeAll();
  });

  const run = (port: number, nft: string | null) => {
    const steps: DiagnoseStep[] = [];
    return diagnosePort(engine, { port, protocol: 'tcp', timeoutMs: 500 }, (i, s) => (steps[i] = s), { interfaces: loopbackOnly, run: runner(nft) }).then((r) => ({ r, steps }));
  };

  it('a loopback-only listener: local-only, with the process and each address tried', async () => {
    const { r, steps } = await run(loopbackPort, NFT(1));
    expect(r.verdict).toBe('local-only');
    expect(r.steps.map((s) => [s.id, s.status])).toEqual([
      ['listening', 'ok'],
      ['process', 'ok'],
      ['addresses', 'warn'],
      ['targets', 'ok'],
      ['reachability', 'warn'],
      // No rule names the port and the input policy is drop: other machines are probably blocked.
      ['firewall', 'warn'],
    ]);
    expect(r.steps[5]!.message).toMatch(/input policy is drop/);
    expect(steps).toEqual(r.steps);
    expect(r.steps[1]!.message).toContain(`pid ${process.pid}`);
    expect(r.steps[4]!.details).toEqual([expect.stringMatching(/^127\.0\.0\.1:\d+: connected/), expect.stringMatching(/^\[::1\]:\d+: refused/)]);
    expect(r.nextStep).toMatch(/0\.0\.0\.0/);
    for (const s of r.steps) expect(s.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('a drop rule for the port: blocked, naming the rule', async () => {
    const { r } = await run(loopbackPort, NFT(loopbackPort));
    expect(r.verdict).toBe('blocked');
    const fw = r.steps.find((s) => s.id === 'firewall')!;
    expect(fw.status).toBe('fail');
    expect(fw.message).toContain(`tcp dport ${loopbackPort} drop`);
    expect(r.nextStep).toContain(`tcp dport ${loopbackPort} drop`);
  });

  it('nothing listening: not-listening, and unreadable rules are a skip with the reason', async () => {
    const { r } = await run(freePort, null);
    expect(r.verdict).toBe('not-listening');
    expect(r.steps.find((s) => s.id === 'firewall')).toMatchObject({ status: 'skip', message: expect.stringContaining('not installed') });
    expect(r.steps.find((s) => s.id === 'reachability')!.message).toMatch(/refused/);
  });

  it('names every address it will connect to before it connects to any', async () => {
    // Two loopback addresses stand in for the machine's own: tests connect to loopback only.
    const interfaces = () => ({ ...loopbackOnly(), eth9: [{ address: '127.0.0.2', netmask: '255.0.0.0', family: 'IPv4' as const, mac: '02:00:00:00:00:01', internal: false, cidr: '127.0.0.2/8' }] });
    const events: string[] = [];
    const server = net.createServer((c) => {
      events.push(`connect ${c.localAddress}`);
      c.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
    try {
      const port = portOf(server);
      const r = await diagnosePort(engine, { port, protocol: 'tcp', timeoutMs: 500 }, (_i, s) => events.push(`step ${s.id}`), { interfaces, run: runner(null) });
      // The server may see the last accepted connection a moment after the client did.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const targets = r.steps.find((s) => s.id === 'targets')!;
      expect(targets.message).toBe(`Connecting to port ${port} on 127.0.0.1, ::1, 127.0.0.2 (this machine has no other address).`);
      expect(targets.details).toEqual(['127.0.0.1 on lo', '::1 on lo', '127.0.0.2 on eth9']);
      const named = events.indexOf('step targets');
      const firstConnect = events.findIndex((e) => e.startsWith('connect'));
      expect(named).toBeGreaterThanOrEqual(0);
      expect(firstConnect).toBeGreaterThan(named);
      expect(events.filter((e) => e.startsWith('connect')).sort()).toEqual(['connect 127.0.0.1', 'connect 127.0.0.2']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
