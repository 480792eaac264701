import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../shared/contract/scan';
import { BIN, haveCommand, linkPair, Netns, netnsUnavailable, parseNmapXml } from './support/netns';

/**
 * Filtered versus closed, on hosts this test builds: a client and a server namespace joined by a
 * veth pair (10.231.x.y/30), nftables in the server dropping and rejecting chosen ports, TCP
 * listeners and a UDP echo service there. Scans run as the built CLI inside the client namespace,
 * and nmap scans the same ports from there for a port-by-port comparison.
 */

const why = netnsUnavailable();
if (why) console.log(`namespace scan tests skipped: ${why}`);
const nmapMissing = haveCommand('nmap') ? null : 'nmap is not installed';

const OPEN = [21001, 21002];
const CLOSED = 21010;
const DROP = 21020;
const PROHIBITED = 21030;
const RESET = 21040;
const UDP_OPEN = 21101;
const UDP_CLOSED = 21110;
const UDP_DROP = 21120;
const TCP_PORTS = [...OPEN, CLOSED, DROP, PROHIBITED, RESET].join(',');
const UDP_PORTS = [UDP_OPEN, UDP_CLOSED, UDP_DROP].join(',');

const RULES = `
table inet pstest {
  chain input {
    type filter hook input priority 0; policy accept;
    tcp dport ${DROP} drop
    tcp dport ${PROHIBITED} reject with icmpx type admin-prohibited
    tcp dport ${RESET} reject with tcp reset
    udp dport ${UDP_DROP} drop
  }
}
`;

let client: Netns;
let server: Netns;
let target = '';

function cli(ns: Netns, args: string[], timeoutMs = 60_000) {
  const r = ns.exec([process.execPath, BIN, ...args], { timeoutMs });
  if (r.error) throw r.error;
  return r;
}

function states(r: ScanResult): Record<number, string> {
  return Object.fromEntries(r.results.map((p) => [p.port, `${p.state} ${p.reason}`]));
}

describe.skipIf(why)('scans of a firewalled host in a network namespace', () => {
  beforeAll(async () => {
    client = new Netns('client');
    server = new Netns('server');
    target = linkPair(client, server).serverAddr;
    server.nft(RULES);
    // Listeners behind the drop and reject rules too: filtered must come from the firewall.
    await server.listeners({ host: '0.0.0.0', tcp: [...OPEN, DROP, PROHIBITED, RESET], udp: [UDP_OPEN, UDP_DROP] });
  });

  afterAll(() => {
    client?.destroy();
    server?.destroy();
  });

  it('TCP: open, closed, filtered (drop), filtered (admin-prohibited), closed (reset)', () => {
    const r = cli(client, ['scan', target, '--ports', TCP_PORTS, '--json', '--timing', 'aggressive']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as ScanResult;
    expect(states(result)).toEqual({
      [OPEN[0]!]: 'open syn-ack',
      [OPEN[1]!]: 'open syn-ack',
      [CLOSED]: 'closed conn-refused',
      [DROP]: 'filtered no-response',
      [PROHIBITED]: 'filtered host-unreach',
      [RESET]: 'closed conn-refused',
    });
    expect(result.hosts[0]).toMatchObject({ address: target, state: 'up' });
  });

  it.skipIf(nmapMissing)('TCP: agrees with nmap -sT port by port', () => {
    const nmap = client.exec(['nmap', '-sT', '-Pn', '-n', '-T4', '--reason', '-p', TCP_PORTS, target, '-oX', '-']);
    expect(nmap.status).toBe(0);
    const theirs = parseNmapXml(nmap.stdout);
    const ours = JSON.parse(cli(client, ['scan', target, '--ports', TCP_PORTS, '--json', '-T', 'aggressive']).stdout) as ScanResult;
    for (const p of ours.results) expect(`${p.port} ${p.state}`).toBe(`${p.port} ${theirs.get(p.port)?.state}`);
    expect(ours.results).toHaveLength(theirs.size);
  });

  it('UDP: open (echo reply), closed (port unreachable), open|filtered (dropped)', () => {
    const r = cli(client, ['scan', target, '--udp', '--ports', UDP_PORTS, '--json']);
    expect(r.status).toBe(0);
    expect(states(JSON.parse(r.stdout) as ScanResult)).toEqual({
      [UDP_OPEN]: 'open udp-response',
      [UDP_CLOSED]: 'closed port-unreach',
      [UDP_DROP]: 'open|filtered no-response',
    });
  });

  it.skipIf(nmapMissing)('UDP: agrees with nmap -sU port by port', () => {
    const nmap = client.exec(['nmap', '-sU', '-Pn', '-n', '--reason', '-p', UDP_PORTS, target, '-oX', '-']);
    expect(nmap.status).toBe(0);
    const theirs = parseNmapXml(nmap.stdout);
    const ours = JSON.parse(cli(client, ['scan', target, '--udp', '--ports', UDP_PORTS, '--json']).stdout) as ScanResult;
    for (const p of ours.results) expect(`${p.port} ${p.state}`).toBe(`${p.port} ${theirs.get(p.port)?.state}`);
  });

  it('probe: connected, refused, timed out', () => {
    const open = cli(client, ['probe', `${target}:${OPEN[0]}`, '--count', '2', '--interval', '50', '--json']);
    expect(open.status).toBe(0);
    expect(JSON.parse(open.stdout)).toMatchObject({ sent: 2, received: 2, loss: 0, attempts: [{ outcome: 'connected' }, { outcome: 'connected' }] });
    const closed = cli(client, ['probe', `${target}:${CLOSED}`, '--count', '2', '--interval', '50']);
    expect(closed.status).toBe(1);
    expect(closed.stdout).toMatch(/refused/);
    expect(closed.stdout).toMatch(/Verdict: .* is closed/);
    const dropped = cli(client, ['probe', target, String(DROP), '--count', '2', '--interval', '0', '--timeout', '300', '--json']);
    expect(dropped.status).toBe(1);
    const d = JSON.parse(dropped.stdout);
    expect(d.attempts.map((a: { outcome: string }) => a.outcome)).toEqual(['timeout', 'timeout']);
    expect(d.verdict).toMatch(/filtered/);
    const udp = cli(client, ['probe', `${target}:${UDP_CLOSED}`, '--udp', '--count', '1', '--json']);
    expect(JSON.parse(udp.stdout).attempts[0].outcome).toBe('refused');
  });

  it('diagnose (on the server): ok, not listening, blocked by the firewall', () => {
    const ok = cli(server, ['diagnose', String(OPEN[0]), '--json']);
    expect(ok.status).toBe(0);
    const okResult = JSON.parse(ok.stdout);
    expect(okResult.verdict).toBe('ok');
    expect(okResult.steps.map((s: { id: string }) => s.id)).toEqual(['listening', 'process', 'addresses', 'targets', 'reachability', 'firewall']);
    expect(okResult.steps[1].message).toMatch(/node/);
    const none = JSON.parse(cli(server, ['diagnose', String(CLOSED), '--json']).stdout);
    expect(none.verdict).toBe('not-listening');
    const blocked = cli(server, ['diagnose', String(DROP), '--timeout', '300']);
    expect(blocked.status).toBe(1);
    expect(blocked.stdout).toMatch(/\[FAIL\] Does a local firewall rule affect it\?/);
    expect(blocked.stdout).toMatch(new RegExp(`drops traffic to port ${DROP}/tcp`));
    expect(blocked.stdout).toMatch(/Verdict: blocked/);
  });

  it('diagnose --lang de / nl of the firewalled port: the step, verdict and next step in the language, the rule as nft prints it', () => {
    const de = cli(server, ['--lang', 'de', 'diagnose', String(DROP), '--timeout', '300']);
    expect(de.status).toBe(1);
    expect(de.stdout).toMatch(/\[ FEHLER \] Greift eine Regel der lokalen Firewall\?/);
    expect(de.stdout).toContain(`Eine nftables-Regel verwirft Verkehr zu Port ${DROP}/tcp: tcp dport ${DROP} drop`);
    expect(de.stdout).toMatch(/^Ergebnis: blockiert: Ein Programm lauscht auf \d+\/tcp, aber eine Regel der lokalen Firewall blockiert es\./m);
    expect(de.stdout).toMatch(new RegExp(`^Nächster Schritt: Ändern oder entfernen Sie die Regel \\(tcp dport ${DROP} drop\\)`, 'm'));
    expect(de.stdout).not.toMatch(/drops traffic|Does a local firewall|Verdict:|Next step:|Change or remove/);
    const nl = cli(server, ['--lang', 'nl', 'diagnose', String(DROP), '--timeout', '300']);
    expect(nl.stdout).toContain(`tcp dport ${DROP} drop`);
    expect(nl.stdout).toMatch(/^Oordeel: geblokkeerd: /m);
    expect(nl.stdout).toMatch(/^Volgende stap: Pas de regel aan of verwijder hem/m);
    expect(nl.stdout).not.toMatch(/drops traffic|Does a local firewall|Change or remove/);
  });

  it('diagnose --lang de without nft and iptables-save: the unreadable rules and why, in German', () => {
    // PATH leads nowhere, so neither tool starts: the reasons are Portscope's words, translated.
    const r = server.exec(['env', 'PATH=/nonexistent', process.execPath, BIN, '--lang', 'de', 'diagnose', String(OPEN[0]), '--timeout', '300']);
    expect(r.stdout).toContain('Die Firewall-Regeln konnten nicht gelesen werden (nft: nicht installiert; iptables-save: nicht installiert).');
    expect(r.stdout).not.toMatch(/not installed|Could not read/);
  });
});

describe.skipIf(why)('full-range scans in a fresh namespace', () => {
  let ns: Netns;
  let listening: number[] = [];

  beforeAll(async () => {
    ns = new Netns('full');
    listening = (await ns.listeners({ host: '127.0.0.1', randomTcp: 200 })).tcp;
  });
  afterAll(() => ns?.destroy());

  it('finds the same open ports as the listeners hold, and as nmap -sT -p-', () => {
    const r = cli(ns, ['scan', '127.0.0.1', '--ports', '-', '--json']);
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as ScanResult;
    expect(result.results.filter((p) => p.state === 'open').map((p) => p.port)).toEqual(listening);
    expect(result.summary.counts).toMatchObject({ open: listening.length, closed: 65535 - listening.length, filtered: 0 });
    if (nmapMissing) return console.log(`nmap comparison skipped: ${nmapMissing}`);
    const nmap = ns.exec(['nmap', '-sT', '-Pn', '-n', '-T4', '-p-', '127.0.0.1', '-oX', '-']);
    const theirs = [...parseNmapXml(nmap.stdout)].filter(([, s]) => s.state === 'open').map(([p]) => p).sort((a, b) => a - b);
    expect(theirs).toEqual(listening);
  });

  it('under ulimit -n 128 still finds every open port (backs off, never calls them closed)', () => {
    const r = ns.exec(['bash', '-c', `ulimit -n 128; exec "${process.execPath}" "${BIN}" scan 127.0.0.1 --ports - --json`], { timeoutMs: 120_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as ScanResult;
    expect(result.results.filter((p) => p.state === 'open').map((p) => p.port)).toEqual(listening);
    expect(result.summary.counts.filtered).toBe(0);
    expect(result.summary.probes).toBe(65535);
  });
});

describe.skipIf(why)('the self-connect trap', () => {
  let ns: Netns;
  beforeAll(() => {
    ns = new Netns('self');
    // One local port for every outgoing connection: a connect to 127.0.0.1:40000 can only come
    // from 127.0.0.1:40000 and meets itself (TCP simultaneous open) although nothing listens.
    ns.sh(['sysctl', '-q', '-w', 'net.ipv4.ip_local_port_range=40000 40000']);
  });
  afterAll(() => ns?.destroy());

  it('reports a port that connected to itself as closed, not open', () => {
    const r = cli(ns, ['scan', '127.0.0.1', '--ports', '39998-40002', '--json']);
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as ScanResult;
    expect(result.summary.selfConnects).toBeGreaterThan(0);
    expect(result.summary.counts).toMatchObject({ open: 0, closed: 5 });
    // Only one source port: the others wait for it (EADDRNOTAVAIL is a back-off, not an answer).
    expect(result.summary.resourceBackoffs).toBeGreaterThan(0);
  });
});
