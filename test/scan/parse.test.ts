import { describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract/errors';
import { classifyConnectError, isResourceError, REASONS, STATES } from '../../electron/engine/scan/codes';
import { sanitizeBanner } from '../../electron/engine/scan/hints';
import { parsePortSpec } from '../../electron/engine/scan/ports';
import { isLoopbackTarget, needsAuthorization } from '../../electron/engine/scan/safety';
import { parseTargets, resolveTargets, type Resolver } from '../../electron/engine/scan/targets';
import { planScan } from '../../electron/engine/scan/scanner';
import { ScanRequestSchema } from '../../shared/contract/scan';

function expand(specs: string[]): string[] {
  return parseTargets(specs).flatMap((t) => (t.kind === 'addresses' ? t.expand() : [`name:${t.name}`]));
}

function badRequest(fn: () => unknown, culprit: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(ContractError);
  expect((caught as ContractError).code).toBe('bad-request');
  expect((caught as Error).message).toContain(culprit);
  expect((caught as Error).message).not.toContain('\n');
}

describe('target specs', () => {
  it('expands literals, CIDR blocks, ranges and lists', () => {
    expect(expand(['127.0.0.1'])).toEqual(['127.0.0.1']);
    expect(expand(['10.0.0.5/30'])).toEqual(['10.0.0.4', '10.0.0.5', '10.0.0.6', '10.0.0.7']);
    expect(expand(['192.168.1.10-12'])).toEqual(['192.168.1.10', '192.168.1.11', '192.168.1.12']);
    expect(expand(['192.168.1.254-192.168.2.1'])).toEqual(['192.168.1.254', '192.168.1.255', '192.168.2.0', '192.168.2.1']);
    expect(expand(['::1,127.0.0.2'])).toEqual(['::1', '127.0.0.2']);
    expect(expand(['[::1]'])).toEqual(['::1']);
    expect(expand(['fd00::/126'])).toEqual(['fd00::', 'fd00::1', 'fd00::2', 'fd00::3']);
    expect(expand(['localhost', 'db.example.'])).toEqual(['name:localhost', 'name:db.example']);
  });

  it('rejects bad specs with one line naming the culprit', () => {
    badRequest(() => parseTargets(['300.1.1.1']), '300.1.1.1');
    badRequest(() => parseTargets(['10.0.0.0/33']), '10.0.0.0/33');
    badRequest(() => parseTargets(['fd00::/129']), 'fd00::/129');
    badRequest(() => parseTargets(['']), 'empty target');
    badRequest(() => parseTargets(['127.0.0.1,']), 'empty target');
    badRequest(() => parseTargets(['10.0.0.9-3']), '10.0.0.9-3');
    badRequest(() => parseTargets(['10.0.0.1-256']), '256');
    badRequest(() => parseTargets(['not a host!']), 'not a host!');
    badRequest(() => parseTargets(['1.2.3']), '1.2.3');
    badRequest(() => parseTargets(['10.0.0.0/4']), 'at most');
  });

  it('resolves names through the resolver, first address or all, without duplicates', async () => {
    const resolver: Resolver = async (name, all) => {
      if (name === 'nowhere.test') throw Object.assign(new Error('x'), { code: 'ENOTFOUND' });
      const found = [
        { address: '127.0.0.1', family: 4 },
        { address: '::1', family: 6 },
      ];
      return all ? found : found.slice(0, 1);
    };
    const warnings: string[] = [];
    const first = (await resolveTargets(parseTargets(['box.test', '127.0.0.1']), false, warnings, resolver)).slice(0, 10);
    expect(first.map((t) => t.address)).toEqual(['127.0.0.1']);
    expect(first[0]!.name).toBe('box.test');
    const all = (await resolveTargets(parseTargets(['box.test']), true, [], resolver)).slice(0, 10);
    expect(all.map((t) => [t.address, t.family])).toEqual([
      ['127.0.0.1', 4],
      ['::1', 6],
    ]);
    await expect(resolveTargets(parseTargets(['nowhere.test']), false, [], resolver)).rejects.toThrow(/cannot resolve 'nowhere.test' \(no such name\)/);
  });
});

describe('port specs', () => {
  it('parses lists, ranges, open ranges, all and presets', () => {
    expect(parsePortSpec('22,80,443,8000-8002')).toEqual([22, 80, 443, 8000, 8001, 8002]);
    expect(parsePortSpec('443,22,22')).toEqual([22, 443]);
    expect(parsePortSpec('-')).toHaveLength(65535);
    expect(parsePortSpec('65530-')).toEqual([65530, 65531, 65532, 65533, 65534, 65535]);
    expect(parsePortSpec('-3')).toEqual([1, 2, 3]);
    expect(parsePortSpec('well-known')).toHaveLength(1023);
    expect(parsePortSpec('top100')).toHaveLength(100);
    expect(parsePortSpec('top100', 'udp')).toContain(161);
    expect(parsePortSpec('web,9999')).toContain(9999);
    expect(parsePortSpec('web')).toContain(443);
  });

  it('rejects bad specs with one line naming the culprit', () => {
    badRequest(() => parsePortSpec('80-70'), '80-70');
    badRequest(() => parsePortSpec('0'), 'port 0');
    badRequest(() => parsePortSpec('65536'), '65536');
    badRequest(() => parsePortSpec(''), 'no ports');
    badRequest(() => parsePortSpec('22,,80'), 'empty item');
    badRequest(() => parsePortSpec('http'), "'http'");
    badRequest(() => parsePortSpec('1-99999'), '99999');
  });

  it('asks to confirm a scan of more than 65,536 hosts or 1,000,000 probes, with an estimate of its duration', async () => {
    const big = planScan(ScanRequestSchema.parse({ targets: ['127.0.0.0/8'], ports: '1' }));
    await expect(big).rejects.toMatchObject({ code: 'denied' });
    await expect(big).rejects.toThrow(/^Large scan: 16,777,216 probes to 16,777,216 hosts would take about \d+ (min|h)\b.*--force/);
    await expect(planScan(ScanRequestSchema.parse({ targets: ['10.0.0.0/8'], ports: '1-2' }))).rejects.toThrow(/33,554,432 probes .* up to .* if they stay silent/);
    // 65,536 hosts, and 1,000,000 probes, still go without.
    await expect(planScan(ScanRequestSchema.parse({ targets: ['127.0.0.0/16'], ports: '1' }))).resolves.toMatchObject({ total: 65_536 });
    await expect(planScan(ScanRequestSchema.parse({ targets: ['127.0.0.1'], ports: '1-65535' }))).resolves.toMatchObject({ total: 65_535 });
    await expect(planScan(ScanRequestSchema.parse({ targets: ['127.0.0.0/15'], ports: '1' }))).rejects.toThrow(/^Large scan/);
    await expect(planScan(ScanRequestSchema.parse({ targets: ['127.0.0.0/24'], ports: '1-4000' }))).rejects.toThrow(/^Large scan: 1,024,000 probes/);
    // Confirmed, the plan is the size of the request, not of the scan: no host list is built.
    const t0 = performance.now();
    const plan = await planScan(ScanRequestSchema.parse({ targets: ['127.0.0.0/8', '::ffff:10.0.0.0/104'], ports: '1', force: true }));
    expect(performance.now() - t0).toBeLessThan(500);
    expect(plan.total).toBe(2 * 16_777_216);
    expect(plan.hosts.runs).toHaveLength(2);
    expect(plan.hosts.at(16_777_216 + 258).address).toBe('::ffff:a00:102');
  });

  it('scans overlapping specs once, in first-seen order, without expanding them', async () => {
    const plan = await planScan(ScanRequestSchema.parse({ targets: ['10.0.0.4/30', '10.0.0.0/29,10.0.0.6', '10.0.0.0/8'], ports: '1', force: true }));
    expect(plan.hosts.slice(0, 9).map((h) => h.address)).toEqual(['10.0.0.4', '10.0.0.5', '10.0.0.6', '10.0.0.7', '10.0.0.0', '10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.8']);
    expect(plan.hosts.count).toBe(16_777_216);
  });
});

describe('safety', () => {
  it('asks for confirmation outside loopback, private and unique-local ranges: link-local, mapped, NAT64 and 6to4 forms too', () => {
    for (const a of ['127.0.0.1', '127.8.9.10', '::1', '10.1.2.3', '172.16.0.1', '192.168.0.1', 'fd00::1', '::ffff:10.0.0.1', '::ffff:127.0.0.1', '0.0.0.0', '::']) {
      expect(needsAuthorization(a), a).toBe(false);
    }
    const outside = ['8.8.8.8', '1.1.1.1', '2001:4860:4860::8888', '100.64.0.1', '::ffff:8.8.8.8', '64:ff9b::808:808', '64:ff9b::a00:1', '2002:808:808::1', '2002:a00:1::1'];
    // Link-local: the cloud metadata service and whatever shares the link.
    const linkLocal = ['169.254.169.254', '169.254.1.1', 'fe80::1', 'febf::1', '::ffff:169.254.169.254', '::ffff:a9fe:a9fe'];
    for (const a of [...outside, ...linkLocal]) expect(needsAuthorization(a), a).toBe(true);
    expect(isLoopbackTarget('127.0.0.5')).toBe(true);
    expect(isLoopbackTarget('10.0.0.1')).toBe(false);
  });

  it('checks whole blocks exactly, without walking them', async () => {
    const denied = async (target: string) => {
      try {
        await planScan(ScanRequestSchema.parse({ targets: [target], ports: '1', force: true }));
        return false;
      } catch (err) {
        if ((err as ContractError).code !== 'denied') throw err;
        expect((err as Error).message).toContain(target);
        return true;
      }
    };
    for (const t of ['169.254.0.0/16', '169.254.169.254', '169.254.169.0/24', 'fe80::/104', '::ffff:169.254.0.0/112', '9.255.255.255-10.0.0.5', '172.16.0.0/11', '126.0.0.0/8', '64:ff9b::a00:0/104', '2002:a00::/104'])
      expect(await denied(t), t).toBe(true);
    for (const t of ['10.0.0.0/8', '172.16.0.0/12', '127.0.0.0/8', '::ffff:10.0.0.0/104', 'fd00::/104', '192.168.0.0-192.168.255.255']) expect(await denied(t), t).toBe(false);
  });

  it('refuses a public target without authorization, with the legal notice', async () => {
    const resolver: Resolver = async () => [{ address: '8.8.8.8', family: 4 }];
    const denied = planScan(ScanRequestSchema.parse({ targets: ['dns.test'], ports: '53' }), resolver);
    await expect(denied).rejects.toMatchObject({ code: 'denied' });
    await expect(denied).rejects.toThrow(/may be illegal/);
    // Nothing is sent during planning, so confirming is safe to test here.
    const plan = await planScan(ScanRequestSchema.parse({ targets: ['dns.test'], ports: '53', authorized: true }), resolver);
    expect(plan.hosts.slice(0, 10).map((h) => h.address)).toEqual(['8.8.8.8']);
  });
});

describe('classification (as nmap -sT)', () => {
  const verdict = (errno: string) => {
    const v = classifyConnectError(errno);
    return `${STATES[v.state]} ${REASONS[v.reason]}`;
  };
  it('maps errors to states and reasons', () => {
    expect(verdict('ECONNREFUSED')).toBe('closed conn-refused');
    expect(verdict('ETIMEDOUT')).toBe('filtered no-response');
    expect(verdict('EHOSTUNREACH')).toBe('filtered host-unreach');
    expect(verdict('ENETUNREACH')).toBe('filtered net-unreach');
    expect(verdict('EACCES')).toBe('filtered admin-prohibited');
  });
  it('treats resource exhaustion as a reason to back off, never as an answer', () => {
    for (const e of ['EMFILE', 'ENFILE', 'EADDRNOTAVAIL']) expect(isResourceError(e)).toBe(true);
    expect(isResourceError('ECONNREFUSED')).toBe(false);
  });
});

describe('banners are hostile text', () => {
  it('escapes control bytes and bounds the length', () => {
    expect(sanitizeBanner(Buffer.from('SSH-2.0-x\x1b[31m\x00\r\n'))).toBe('SSH-2.0-x\\x1b[31m\\x00');
    expect(sanitizeBanner(Buffer.alloc(2000, 0x41))).toHaveLength(512);
  });
});
