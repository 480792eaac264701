import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnosePort } from '../../electron/engine/diagnose/diagnose';
import { readFirewall } from '../../electron/engine/diagnose/firewall';
import { parseWindowsFirewall, readWindowsFirewall, WINDOWS_FIREWALL_SCRIPT } from '../../electron/engine/diagnose/firewall-windows';
import { parsePfRules, parseSocketfilterfw, pfDecision, readDarwinFirewall, SOCKETFILTERFW } from '../../electron/engine/diagnose/firewall-darwin';
import type { CommandRunner } from '../../electron/engine/platform/types';
import { Engine } from '../../electron/engine/service';

/**
 * No Windows Firewall or macOS firewall output is in the capture corpus, and neither tool runs
 * here. The inputs below are built from the tools' documented output: the JSON is what
 * WINDOWS_FIREWALL_SCRIPT prints for MSFT_NetFirewallRule / PortFilter / ApplicationFilter /
 * Profile objects (property names from the NetSecurity module), the macOS text is
 * socketfilterfw's and pfctl's as their man pages and Apple's support notes show it. The runner
 * is the fake edge; everything behind it is the real reader.
 */

const WIN = JSON.stringify({
  rules: [
    { Id: '{A1}', DisplayName: 'Node.js JavaScript Runtime', Action: 'Allow', Profile: 'Private' },
    { Id: '{B2}', DisplayName: 'Block 8080 from anywhere', Action: 'Block', Profile: 'Any' },
    { Id: 'RemoteDesktop-UserMode-In-TCP', DisplayName: 'Remote Desktop - User Mode (TCP-In)', Action: 2, Profile: 7 },
    { Id: '{C3}', DisplayName: 'Range 5000-5010', Action: 'Allow', Profile: 'Domain, Private' },
  ],
  ports: [
    { Id: '{A1}', Protocol: 'TCP', LocalPort: 'Any' },
    { Id: '{B2}', Protocol: 'TCP', LocalPort: '8080' },
    { Id: 'RemoteDesktop-UserMode-In-TCP', Protocol: 'TCP', LocalPort: '3389' },
    { Id: '{C3}', Protocol: 'UDP', LocalPort: '5000-5010,6000' },
  ],
  apps: [
    { Id: '{A1}', Program: 'C:\\Program Files\\nodejs\\node.exe' },
    { Id: '{B2}', Program: 'Any' },
    { Id: 'RemoteDesktop-UserMode-In-TCP', Program: '%SystemRoot%\\system32\\svchost.exe' },
    { Id: '{C3}', Program: 'Any' },
  ],
  profiles: [
    { Name: 'Domain', Enabled: 'True', DefaultInboundAction: 'NotConfigured' },
    { Name: 'Private', Enabled: 'True', DefaultInboundAction: 'Block' },
    { Name: 'Public', Enabled: 'False', DefaultInboundAction: 'Block' },
  ],
});

describe('Windows Firewall reader', () => {
  it('matches port, protocol and program; a block rule comes first whatever the order', () => {
    const f = parseWindowsFirewall(WIN, 8080, 'tcp', ['node']);
    expect(f.matches.map((m) => m.action)).toEqual(['drop', 'accept']);
    expect(f.matches[0]!.rule).toContain('Block 8080 from anywhere');
    expect(f.dropPolicies).toEqual(['Domain profile (default inbound: block)', 'Private profile (default inbound: block)']);
  });

  it('program rules apply only to their program; enum numbers read like names; port lists and ranges', () => {
    expect(parseWindowsFirewall(WIN, 3389, 'tcp', ['svchost.exe']).matches).toMatchObject([
      { rule: expect.stringContaining('Remote Desktop'), action: 'accept', chain: 'profile Domain, Private, Public' },
    ]);
    expect(parseWindowsFirewall(WIN, 3389, 'tcp', ['node']).matches).toMatchObject([{ rule: expect.stringContaining('Node.js'), action: 'accept', chain: 'profile Private' }]);
    expect(parseWindowsFirewall(WIN, 5005, 'udp').matches.map((m) => m.action)).toEqual(['accept']);
    expect(parseWindowsFirewall(WIN, 6000, 'udp').matches).toHaveLength(1);
    expect(parseWindowsFirewall(WIN, 5011, 'udp').matches).toHaveLength(0);
  });

  it('runs PowerShell through the runner and says when it may not', async () => {
    const calls: string[][] = [];
    const ok: CommandRunner = async (cmd, args) => {
      calls.push([cmd, ...args]);
      return { code: 0, stdout: WIN, stderr: '' };
    };
    const f = await readWindowsFirewall(ok, 8080, 'tcp');
    expect(calls[0]).toEqual(['powershell.exe', '-NoProfile', '-NonInteractive', '-Command', WINDOWS_FIREWALL_SCRIPT]);
    expect(f).toMatchObject({ source: 'windows-firewall', tool: 'Windows Firewall' });
    expect(f.advice).toMatch(/wf\.msc.*netsh advfirewall firewall add rule .*localport=8080/);
    const denied: CommandRunner = async () => ({ code: 1, stdout: '', stderr: 'Get-NetFirewallRule : Access is denied.' });
    expect((await readWindowsFirewall(denied, 80, 'tcp')).unreadable).toMatch(/access denied \(run as administrator\)/);
    const garbage: CommandRunner = async () => ({ code: 0, stdout: 'not json', stderr: '' });
    expect((await readWindowsFirewall(garbage, 80, 'tcp')).source).toBeNull();
  });
});

// socketfilterfw --listapps as macOS 13–15 print it (the count line, then numbered entries).
const LISTAPPS = `ALF: total number of apps = 3 

1 :  /Applications/Spotify.app 
 	 ( Allow incoming connections ) 

2 :  /usr/local/bin/node 
 	 ( Block incoming connections ) 

3 :  /Applications/Google Chrome.app 
 	 ( Allow incoming connections ) 
`;

const PF_RULES = `scrub-anchor "com.apple/*" all fragment reassemble
anchor "com.apple/*" all
pass in quick on lo0 all flags S/SA keep state
pass in proto tcp from any to any port 8000:8100 flags S/SA keep state
block drop in proto tcp from any to any port = 8080
block return in quick proto udp from any to any port { 53, 5353 }
pass out all flags S/SA keep state
`;

function macRunner(over: Partial<Record<string, { code: number; stdout: string; stderr?: string }>> = {}): CommandRunner {
  const base: Record<string, { code: number; stdout: string; stderr?: string }> = {
    [`${SOCKETFILTERFW} --getglobalstate`]: { code: 0, stdout: 'Firewall is enabled. (State = 1)\n' },
    [`${SOCKETFILTERFW} --getblockall`]: { code: 0, stdout: 'Firewall has block all state set to disabled.\n' },
    [`${SOCKETFILTERFW} --listapps`]: { code: 0, stdout: LISTAPPS },
    'pfctl -s info': { code: 0, stdout: 'Status: Enabled for 0 days 01:02:03           Debug: Urgent\n' },
    'pfctl -s rules': { code: 0, stdout: PF_RULES },
    ...over,
  };
  return async (cmd, args) => {
    const hit = base[[cmd, ...args].join(' ')];
    if (!hit) throw Object.assign(new Error(`spawn ${cmd} ENOENT`), { code: 'ENOENT' });
    return { code: hit.code, stdout: hit.stdout, stderr: hit.stderr ?? '' };
  };
}

describe('macOS application firewall and pf readers', () => {
  it('socketfilterfw: state, block-all, and each app with its verdict', () => {
    const alf = parseSocketfilterfw('Firewall is enabled. (State = 1)', 'Firewall has block all state set to enabled.', LISTAPPS);
    expect(alf).toEqual({
      state: 1,
      blockAll: true,
      apps: [
        { path: '/Applications/Spotify.app', allow: true },
        { path: '/usr/local/bin/node', allow: false },
        { path: '/Applications/Google Chrome.app', allow: true },
      ],
    });
    expect(parseSocketfilterfw('Firewall is disabled. (State = 0)', 'Block all DISABLED!', '').state).toBe(0);
  });

  it('pf: the last matching rule wins, the first quick one stops; out rules and other ports are ignored', () => {
    expect(pfDecision(parsePfRules(PF_RULES, 8080, 'tcp'))?.text).toBe('block drop in proto tcp from any to any port = 8080');
    expect(pfDecision(parsePfRules(PF_RULES, 8050, 'tcp'))?.action).toBe('pass');
    expect(pfDecision(parsePfRules(PF_RULES, 5353, 'udp'))?.text).toMatch(/^block return in quick/);
    // `pass in quick on lo0 all` is about loopback, not about other machines: left out.
    expect(parsePfRules(PF_RULES, 9999, 'tcp')).toEqual([]);
    expect(parsePfRules('pass in quick all\nblock in proto tcp to any port 9999\n', 9999, 'tcp').map((r) => r.quick)).toEqual([true, false]);
    expect(pfDecision(parsePfRules('pass in quick all\nblock in proto tcp to any port 9999\n', 9999, 'tcp'))?.action).toBe('pass');
  });

  it('combined: a blocked app or a pf block fails; advice names System Settings, socketfilterfw and pfctl', async () => {
    const f = await readDarwinFirewall(macRunner(), 8080, 'tcp', ['node']);
    expect(f.source).toBe('macos-firewall');
    expect(f.matches.map((m) => [m.chain, m.action])).toEqual([
      ['application firewall', 'drop'],
      ['pf', 'drop'],
    ]);
    expect(f.advice).toMatch(/System Settings → Network → Firewall.*socketfilterfw --unblockapp.*pfctl -f/);
    const chrome = await readDarwinFirewall(macRunner({ 'pfctl -s info': { code: 0, stdout: 'Status: Disabled\n' } }), 443, 'tcp', ['Google Chrome']);
    expect(chrome.matches).toMatchObject([{ rule: '/Applications/Google Chrome.app: Allow incoming connections', action: 'accept', chain: 'application firewall' }]);
  });

  it('without root pf is not readable: the app firewall is still read, and the note says what was not', async () => {
    const f = await readDarwinFirewall(macRunner({ 'pfctl -s info': { code: 1, stdout: '', stderr: 'pfctl: /dev/pf: Permission denied' } }), 3000, 'tcp', ['ruby']);
    expect(f.source).toBe('macos-firewall');
    expect(f.notes).toEqual(['not read: pfctl: permission denied (needs root)']);
    expect(f.dropPolicies[0]).toMatch(/ruby is not in its list/);
  });
});

describe('diagnose on Windows and macOS picks their reader and words the next step with their tools', () => {
  const engine = new Engine({ transport: 'cli' });
  let server: net.Server;
  let port = 0;
  const loopbackOnly = () => ({
    lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4' as const, mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }],
  });
  beforeAll(async () => {
    server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    engine.dispose();
    await new Promise((r) => server.close(r));
  });

  it('Windows: a block rule for this port gives "blocked" and a netsh / wf.msc next step', async () => {
    const json = JSON.stringify({ rules: [{ Id: 'x', DisplayName: 'Block test port', Action: 'Block', Profile: 'Any' }], ports: [{ Id: 'x', Protocol: 'TCP', LocalPort: String(port) }], apps: [], profiles: [] });
    const run: CommandRunner = async (cmd) => (cmd === 'powershell.exe' ? { code: 0, stdout: json, stderr: '' } : Promise.reject(Object.assign(new Error('ENOENT'), { code: 'ENOENT' })));
    const r = await diagnosePort(engine, { port, protocol: 'tcp', timeoutMs: 500 }, () => {}, { interfaces: loopbackOnly, run, platform: 'win32' });
    expect(r.verdict).toBe('blocked');
    expect(r.steps.find((s) => s.id === 'firewall')!.message).toMatch(/^A Windows Firewall rule blocks port \d+\/tcp: "Block test port"/);
    expect(r.nextStep).toMatch(/wf\.msc/);
    expect(r.nextStep).toMatch(/netsh advfirewall firewall add rule/);
  });

  it('macOS: readFirewall dispatches by platform; pf block for the port fails the step', async () => {
    const fw = await readFirewall(macRunner({ 'pfctl -s rules': { code: 0, stdout: `block drop in proto tcp from any to any port ${port}\n` } }), port, 'tcp', { platform: 'darwin', programs: ['node'] });
    expect(fw.tool).toBe('macOS firewall');
    const r = await diagnosePort(engine, { port, protocol: 'tcp', timeoutMs: 500 }, () => {}, {
      interfaces: loopbackOnly,
      run: macRunner({ 'pfctl -s rules': { code: 0, stdout: `block drop in proto tcp from any to any port ${port}\n` } }),
      platform: 'darwin',
    });
    expect(r.verdict).toBe('blocked');
    expect(r.nextStep).toMatch(/pfctl -f \/etc\/pf\.conf/);
  });
});
