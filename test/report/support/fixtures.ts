import type { DiagnoseResult, ProbeResult, ScanResult } from '../../../shared/contract/scan';

/**
 * Results shaped like the scanner's (shared/contract/scan.ts), with hostile text where the
 * network supplies text (banners, HTTP Server headers, host names).
 */
export function scanFixture(openPorts: number[], closedPorts: number[]): ScanResult {
  const results = [
    ...openPorts.map((port, i) => ({
      host: '127.0.0.1',
      port,
      protocol: 'tcp' as const,
      state: 'open' as const,
      reason: 'syn-ack',
      rttMs: 0.12 + i / 100,
      service: i === 0 ? 'http-alt' : null,
      hint:
        i === 0
          ? {
              banner: 'SSH-2.0-<script>alert(1)</script>|`id`',
              http: { status: 200, statusLine: 'HTTP/1.1 200 OK', server: '=cmd|x <b>bold</b>' },
              tls: null,
              guess: 'http',
            }
          : null,
    })),
    ...closedPorts.map((port) => ({ host: '127.0.0.1', port, protocol: 'tcp' as const, state: 'closed' as const, reason: 'conn-refused', rttMs: 0.05, service: null, hint: null })),
    { host: '127.0.0.1', port: 9, protocol: 'tcp' as const, state: 'filtered' as const, reason: 'no-response', rttMs: null, service: 'discard', hint: null },
  ].sort((a, b) => a.port - b.port);
  const counts = { open: openPorts.length, closed: closedPorts.length + 990, filtered: 1, 'open|filtered': 0 };
  return {
    scanId: 'fixture-1',
    protocol: 'tcp',
    timing: 'normal',
    startedAt: '2026-11-21T00:10:00.000Z',
    finishedAt: '2026-11-21T00:10:02.500Z',
    cancelled: false,
    hosts: [{ address: '127.0.0.1', name: 'localhost', state: 'up', reason: 'conn-refused', counts, closedOmitted: 990, srttMs: 0.1 }],
    results,
    summary: {
      probes: counts.open + counts.closed + counts.filtered,
      retransmissions: 1,
      resourceBackoffs: 0,
      selfConnects: 0,
      counts,
      hostsUp: 1,
      hostsDown: 0,
      durationMs: 2500,
      ratePerSec: 400,
    },
    warnings: [],
  };
}

export function probeFixture(port: number): ProbeResult {
  const attempts = Array.from({ length: 12 }, (_, i) => {
    const ok = i !== 4 && i !== 9;
    return {
      probeId: 'p1',
      seq: i + 1,
      address: '127.0.0.1',
      outcome: ok ? ('connected' as const) : ('timeout' as const),
      ok,
      rttMs: ok ? 0.2 + ((i * 7) % 5) / 10 : null,
      message: ok ? `Connected to 127.0.0.1:${port}.` : `No answer from 127.0.0.1:${port} within 1000 ms.`,
      at: new Date(Date.parse('2026-11-21T00:11:00.000Z') + i * 1000).toISOString(),
    };
  });
  return {
    probeId: 'p1',
    host: 'localhost',
    address: '127.0.0.1',
    port,
    protocol: 'tcp',
    attempts,
    sent: 12,
    received: 10,
    loss: 2 / 12,
    rtt: { minMs: 0.2, avgMs: 0.4, maxMs: 0.6 },
    banner: null,
    verdict: '10 of 12 attempts connected (17% loss).',
    cancelled: false,
  };
}

export function diagnosisFixture(port: number): DiagnoseResult {
  return {
    port,
    protocol: 'tcp',
    steps: [
      { id: 'listening', name: 'Something listens', status: 'ok', message: `A process listens on port ${port}.`, details: [`127.0.0.1:${port}`], durationMs: 3 },
      { id: 'process', name: 'Owner', status: 'ok', message: 'Owned by =1|<b>"`x\'&y.', details: [], durationMs: 1 },
      { id: 'addresses', name: 'Addresses', status: 'warn', message: 'Bound to loopback only: other machines cannot connect.', details: ['127.0.0.1'], durationMs: 1 },
      { id: 'firewall', name: 'Firewall', status: 'skip', message: 'nftables rules could not be read.', details: [], durationMs: 12 },
    ],
    verdict: 'local-only',
    summary: 'Reachable from this machine only.',
    nextStep: 'Bind to 0.0.0.0 (or the LAN address) to accept other machines.',
    durationMs: 17,
  };
}
