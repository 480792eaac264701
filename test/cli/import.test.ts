import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, portscope } from '../support/cli';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portscope-import-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** nmap -oX output as nmap writes it for a full-range connect scan of two loopback hosts. */
function bigNmapXml(hosts: string[], version = ''): string {
  const parts = ['<?xml version="1.0"?>\n<nmaprun scanner="nmap" args="nmap -sT -sV -p- ' + hosts.join(' ') + '" start="1700000000" version="7.94" xmloutputversion="1.05">'];
  parts.push('<scaninfo type="connect" protocol="tcp" numservices="65535" services="1-65535"/>');
  for (const h of hosts) {
    parts.push(`<host starttime="1700000000" endtime="1700000010"><status state="up" reason="conn-refused" reason_ttl="0"/><address addr="${h}" addrtype="ipv4"/><hostnames/><ports>`);
    for (let p = 1; p <= 65535; p++) {
      parts.push(
        p === 22 && version
          ? `<port protocol="tcp" portid="22"><state state="open" reason="syn-ack" reason_ttl="0"/><service name="ssh" product="OpenSSH" version="${version}" method="probed" conf="10"/></port>`
          : `<port protocol="tcp" portid="${p}"><state state="closed" reason="conn-refused" reason_ttl="0"/></port>`,
      );
    }
    parts.push('</ports></host>');
  }
  parts.push('<runstats><finished time="1700000010" elapsed="10.00" exit="success"/><hosts up="2" down="0" total="2"/></runstats></nmaprun>\n');
  return parts.join('\n');
}

/** Runs the CLI and samples its peak memory (VmHWM) from /proc while it runs. */
async function runMeasured(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; peakMiB: number }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => void (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
  let peakKiB = 0;
  const sample = () => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKiB = Math.max(peakKiB, Number(m[1]));
    } catch {
      // gone between samples
    }
  };
  const timer = setInterval(sample, 10);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  clearInterval(timer);
  return { code, stdout, stderr, peakMiB: peakKiB / 1024 };
}

function expectUsageLine(r: { status: number | null; stderr: string }, pattern: RegExp): void {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
}

describe('portscope import of large and hostile input', () => {
  it('shows a 130,000-port nmap file as a table (no stack overflow in the table renderer)', () => {
    const file = path.join(dir, 'big.xml');
    fs.writeFileSync(file, bigNmapXml(['127.0.0.1', '127.0.0.2']));
    const r = portscope(['import', file], { timeoutMs: 120_000 });
    expect(r.stderr).not.toMatch(/call stack|unexpected failure/);
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^127\.0\.0\.[12]\s+\d+\s+tcp\s+closed\s+conn-refused$/.test(l));
    expect(rows).toHaveLength(131_070);
  }, 150_000);

  it('reads 5 million empty elements in bounded memory', async () => {
    const file = path.join(dir, 'empty.xml');
    fs.writeFileSync(file, `<nmaprun>${'<a/>'.repeat(4_999_000)}<runstats><finished time="1700000010" exit="success"/></runstats></nmaprun>`);
    const r = await runMeasured(['import', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('No ports listed.');
    console.log(`import of 5 million empty elements: peak ${r.peakMiB.toFixed(0)} MiB`);
    // Node itself and the 20 MB text take about 130 MiB; a whole tree took 1.6 GB.
    expect(r.peakMiB).toBeLessThan(400);
  }, 120_000);

  it('refuses an endless device with one line and exit 2', () => {
    expectUsageLine(portscope(['import', '/dev/zero'], { timeoutMs: 60_000 }), /^portscope: cannot import \/dev\/zero: it is too large \(over 64 MiB\)\n$/);
  }, 70_000);

  it('says what is wrong with a name that is too long, a folder, or a path through a file', () => {
    const long = 'a'.repeat(300);
    expectUsageLine(portscope(['import', long]), /^portscope: cannot import a{60}…a{19} \(a 300-character name\): the file name is too long\n$/);
    expectUsageLine(portscope(['import', dir]), /: it is a folder\n$/);
    expectUsageLine(portscope(['import', '/etc/passwd/x']), /: a part of the path is not a folder\n$/);
    expectUsageLine(portscope(['import', path.join(dir, 'missing.json')]), /: no such file\n$/);
  });

  it('says that a Portscope HTML report is for reading, and to open the .json report', () => {
    const html = path.join(dir, 'r.html');
    expect(portscope(['report', '-o', html]).status).toBe(0);
    expectUsageLine(portscope(['import', html]), /^portscope: .*r\.html is a Portscope HTML report, which is for reading; open the \.json report instead/);
    const other = path.join(dir, 'page.html');
    fs.writeFileSync(other, '<!doctype html>\n<html><body><p>hi</p></body></html>');
    expectUsageLine(portscope(['import', other]), /is an HTML page, not a Portscope JSON report or nmap XML/);
  });

  it("lets nmap's service and version take the terminal's width instead of cutting at 20", () => {
    const version = '9.6p1 Ubuntu 3ubuntu13.5 protocol 2.0 with a long vendor build tag';
    const xml = bigNmapXml(['127.0.0.1'], version).replace(/\n<port protocol="tcp" portid="(?!22")\d+">.*?<\/port>/g, '');
    const file = path.join(dir, 'sv.xml');
    fs.writeFileSync(file, xml);
    const service = `ssh (OpenSSH ${version})`;
    const saved = process.env.COLUMNS;
    try {
      delete process.env.COLUMNS;
      const wide = portscope(['import', file]);
      expect(wide.status, wide.stderr).toBe(0);
      expect(wide.stdout).toContain(`127.0.0.1    22  tcp    open   syn-ack  ${service}\n`);
      process.env.COLUMNS = '80';
      const narrow = portscope(['import', file]);
      const row = narrow.stdout.split('\n').find((l) => l.startsWith('127.0.0.1    22'))!;
      expect(row.length).toBe(80);
      expect(row.endsWith('…')).toBe(true);
      expect(row).toContain(service.slice(0, 30));
    } finally {
      if (saved === undefined) delete process.env.COLUMNS;
      else process.env.COLUMNS = saved;
    }
  });
});
