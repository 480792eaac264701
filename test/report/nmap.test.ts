import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../shared/contract/report';
import { parseNmapXml, targetsFromArgs } from '../../electron/engine/report/nmap';
import { reportToHtml } from '../../electron/engine/report/html';
import { reportToMarkdown } from '../../electron/engine/report/markdown';
import { reportFromScan } from '../../electron/engine/report/model';
import { useEngineWithHostileServer } from './support/hostile';
import { freePort, runNmap } from './support/nmap';

const fixture = useEngineWithHostileServer();

describe('real nmap -oX output', () => {
  it('imports a TCP connect scan of our own listeners and agrees with the live listeners', async (ctx) => {
    const second = await fixture.server.listen();
    const closed = await freePort();
    const ports = [fixture.server.tcpPort, second, closed].sort((a, b) => a - b);
    const run = await runNmap(['-sT', '-Pn', '-n', '-p', ports.join(','), '-oX', '-', '127.0.0.1']);
    if ('skip' in run) {
      console.log(`skipped: ${run.skip}`);
      ctx.skip();
      return;
    }
    const res = await fixture.engine.handlers['report.import']({ text: run.xml, fileName: 'scan.xml' });
    if (res.kind !== 'nmap') throw new Error('expected nmap');
    const { scan, warnings } = res;
    expect(warnings).toEqual([]);
    expect(scan.source).toBe('nmap');
    expect(scan.scanner).toMatch(/^nmap \d+\.\d+/);
    expect(scan.target).toBe('127.0.0.1');
    expect(scan.command).toContain(`-p ${ports.join(',')}`);
    const result = scan.result;
    expect(result.protocol).toBe('tcp');
    expect(result.cancelled).toBe(false);
    expect(result.hosts).toEqual([expect.objectContaining({ address: '127.0.0.1', state: 'up' })]);
    expect(result.results.map((r) => [r.port, r.state])).toEqual(ports.map((p) => [p, p === closed ? 'closed' : 'open']));
    expect(result.results.find((r) => r.port === closed)!.reason).toBe('conn-refused');
    expect(result.results.find((r) => r.port === second)!.reason).toBe('syn-ack');
    expect(result.summary.counts).toEqual({ open: 2, closed: 1, filtered: 0, 'open|filtered': 0 });
    expect(Date.parse(result.finishedAt)).toBeGreaterThanOrEqual(Date.parse(result.startedAt));

    // The same ports, seen from the inside: what Portscope's listeners table says.
    const live = await fixture.engine.handlers['report.export']({ what: 'listeners', format: 'json' });
    const listeners = ReportSchema.parse(JSON.parse(live.content!)).listeners!;
    for (const r of result.results) {
      const listening = listeners.some((l) => l.protocol === 'tcp' && l.localPort === r.port && ['127.0.0.1', '0.0.0.0', '::'].includes(l.localAddress));
      expect(listening, `port ${r.port}`).toBe(r.state === 'open');
    }
    await fixture.server.close(second);
  });

  it('imports a UDP scan: silence is open|filtered, port unreachable is closed', async (ctx) => {
    const closed = await freePort();
    const run = await runNmap(['-sU', '-Pn', '-n', '--max-retries', '1', '-p', `${fixture.server.udpPort},${closed}`, '-oX', '-', '127.0.0.1']);
    if ('skip' in run) {
      console.log(`skipped: ${run.skip}`);
      ctx.skip();
      return;
    }
    const { scan } = parseNmapXml(run.xml);
    expect(scan.result.protocol).toBe('udp');
    const states = Object.fromEntries(scan.result.results.map((r) => [r.port, r.state]));
    expect(states[fixture.server.udpPort]).toBe('open|filtered');
    expect(states[closed]).toBe('closed');
  });

  it('becomes a scan report that round-trips through JSON and renders inert', async (ctx) => {
    const run = await runNmap(['-sT', '-Pn', '-n', '-p', String(fixture.server.tcpPort), '-oX', '-', '127.0.0.1']);
    if ('skip' in run) {
      ctx.skip();
      return;
    }
    const { scan } = parseNmapXml(run.xml);
    const report = reportFromScan(scan);
    const back = await fixture.engine.handlers['report.import']({ text: JSON.stringify(report) });
    if (back.kind !== 'report') throw new Error('expected report');
    expect(back.report.scan).toEqual(scan);
    expect(back.diff).toBeNull();
    expect(reportToHtml(report)).toContain(`<td class="num c-port">${fixture.server.tcpPort}</td>`);
    expect(reportToMarkdown(report)).toMatch(new RegExp(`\\| 127\\.0\\.0\\.1 \\| ${fixture.server.tcpPort} \\| tcp \\| open \\|`));
  });
});

const HOSTILE_NMAP = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE nmaprun>
<?xml-stylesheet href="file:///usr/share/nmap/nmap.xsl" type="text/xsl"?>
<!-- Nmap 7.93 scan -->
<nmaprun scanner="nmap" args="nmap -sS -sU -T4 -p 1-1000 --max-retries 2 10.0.0.5" start="1795220560" version="7.93" xmloutputversion="1.05">
<scaninfo type="syn" protocol="tcp" numservices="1000" services="1-1000"/>
<scaninfo type="udp" protocol="udp" numservices="1000" services="1-1000"/>
<host><status state="up" reason="arp-response" reason_ttl="0"/>
<address addr="10.0.0.5" addrtype="ipv4"/><address addr="00:11:22:33:44:55" addrtype="mac" vendor="&lt;script&gt;x&lt;/script&gt;"/>
<hostnames><hostname name="&lt;img src=x onerror=alert(1)&gt;|\`pwn\`.lan" type="PTR"/></hostnames>
<ports><extraports state="closed" count="990"><extrareasons reason="reset" count="990" proto="tcp" ports="1-20"/></extraports>
<extraports state="open|filtered" count="996"/>
<port protocol="tcp" portid="22"><state state="open" reason="syn-ack" reason_ttl="64"/><service name="ssh" product="OpenSSH &amp; &lt;b&gt;friends&lt;/b&gt;" version="9.2p1" method="probed" conf="10"/></port>
<port protocol="tcp" portid="25"><state state="filtered" reason="no-response" reason_ttl="0"/><service name="smtp" method="table" conf="3"/></port>
<port protocol="tcp" portid="113"><state state="closed|filtered" reason="no-response" reason_ttl="0"/></port>
<port protocol="tcp" portid="80"><state state="unfiltered" reason="reset" reason_ttl="0"/></port>
<port protocol="sctp" portid="9"><state state="open" reason="init-ack" reason_ttl="0"/></port>
<port protocol="udp" portid="53"><state state="open" reason="udp-response" reason_ttl="64"/><service name="domain" method="table" conf="3"/></port>
<port protocol="udp" portid="161"><state state="open|filtered" reason="no-response" reason_ttl="0"/></port>
</ports>
<times srtt="1500" rttvar="200" to="100000"/>
</host>
<host><status state="down" reason="no-response" reason_ttl="0"/><address addr="10.0.0.6" addrtype="ipv4"/></host>
<runstats><finished time="1795220570" elapsed="10.50" exit="success"/><hosts up="1" down="1" total="2"/></runstats>
</nmaprun>
`;

describe('nmap XML import', () => {
  it('maps nmap states, services, hosts and "not shown" counts onto the scanner result', () => {
    const { scan, warnings } = parseNmapXml(HOSTILE_NMAP);
    const r = scan.result;
    expect(scan.target).toBe('10.0.0.5');
    expect(r.timing).toBe('aggressive');
    expect(r.startedAt).toBe('2026-11-21T00:22:40.000Z');
    expect(r.finishedAt).toBe('2026-11-21T00:22:50.000Z');
    expect(r.summary.durationMs).toBe(10_500);
    expect(r.hosts.map((h) => [h.address, h.state, h.name, h.srttMs])).toEqual([
      ['10.0.0.5', 'up', '<img src=x onerror=alert(1)>|`pwn`.lan', 1.5],
      ['10.0.0.6', 'down', null, null],
    ]);
    expect(r.results.map((x) => `${x.protocol}/${x.port} ${x.state} ${x.reason}`)).toEqual([
      'tcp/22 open syn-ack',
      'tcp/25 filtered no-response',
      'tcp/113 filtered no-response (nmap: closed|filtered)',
      'udp/53 open udp-response',
      'udp/161 open|filtered no-response',
    ]);
    expect(r.results[0]!.hint?.guess).toBe('ssh (OpenSSH & <b>friends</b> 9.2p1)');
    expect(r.results[1]!.hint).toBeNull();
    expect(r.hosts[0]!.counts).toEqual({ open: 2, closed: 990, filtered: 2, 'open|filtered': 997 });
    expect(r.hosts[0]!.closedOmitted).toBe(990);
    expect(r.summary.hostsUp).toBe(1);
    expect(r.summary.hostsDown).toBe(1);
    expect(warnings).toEqual([
      'the scan covers tcp and udp: each row keeps its own protocol',
      "1 port(s) of kind 'tcp unfiltered' have no place in Portscope's scan view and were left out",
      "1 port(s) of kind 'sctp open' have no place in Portscope's scan view and were left out",
    ]);
  });

  it('shows nmap host names and service names as text in HTML and Markdown', () => {
    const report = reportFromScan(parseNmapXml(HOSTILE_NMAP).scan);
    const html = reportToHtml(report);
    expect(html).not.toMatch(/<img|<b>/);
    expect(html).toContain('ssh (OpenSSH &amp; &lt;b&gt;friends&lt;/b&gt; 9.2p1)');
    const md = reportToMarkdown(report);
    expect(md).toContain('ssh (OpenSSH \\& \\<b\\>friends\\</b\\> 9.2p1)');
    expect(md).toContain('Counted but not listed:');
    expect(md).toContain('10.0.0.5: 990 tcp ports closed');
  });

  it('refuses a half-written file and marks an unfinished scan', () => {
    expect(() => parseNmapXml(HOSTILE_NMAP.slice(0, HOSTILE_NMAP.indexOf('</port>') + 7))).toThrow(/not well-formed XML at line \d+: unclosed element/);
    const unfinished = HOSTILE_NMAP.replace(/<runstats>[\s\S]*<\/runstats>\n/, '');
    const { scan, warnings } = parseNmapXml(unfinished);
    expect(scan.result.cancelled).toBe(true);
    expect(warnings[0]).toMatch(/did not finish/);
  });

  it('reads targets from the command line', () => {
    expect(targetsFromArgs('nmap -sT -p 22,80 -oX - 127.0.0.1 ::1')).toBe('127.0.0.1 ::1');
    expect(targetsFromArgs('nmap --top-ports 100 -T4 10.0.0.0/24')).toBe('10.0.0.0/24');
    expect(targetsFromArgs(null)).toBeNull();
  });
});
