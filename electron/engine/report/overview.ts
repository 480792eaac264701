import type { Report, ReportScan } from '../../../shared/contract/report';

export interface SummaryLine {
  label: string;
  value: string;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The machine part of a report in words: the same lines at the top of HTML and Markdown. */
export function summaryLines(report: Report): SummaryLine[] {
  const m = report.machine;
  const s = m.summary;
  const hasSockets = Boolean(report.listeners || report.connections);
  // Without socket tables (a scan report, an imported nmap file) the machine is only where the
  // report was made, not what it is about.
  const lines: SummaryLine[] = [
    { label: hasSockets ? 'Host' : 'Made on', value: m.hostname },
    { label: 'System', value: `${m.os.platform} ${m.os.release} (${m.os.arch})` },
  ];
  if (hasSockets) lines.push({ label: 'Socket table read at', value: m.takenAt });
  if (hasSockets) {
    lines.push(
      {
        label: 'Listening',
        value: `${plural(s.listeners.total, 'socket')} (${s.listeners.tcp} TCP, ${s.listeners.udp} UDP); ${s.exposure.all} open to all interfaces, ${s.exposure.specific} on one address, ${s.exposure.loopback} loopback only`,
      },
      {
        label: 'Connections',
        value: `${s.connections.total} (${s.connections.established} established, ${s.connections.timeWait} time-wait, ${s.connections.other} other)`,
      },
      { label: 'Processes', value: `${s.processes} owning sockets; ${plural(s.unowned, 'socket')} without a known owner` },
      { label: 'Notes on listeners', value: `${s.risks.danger} danger, ${s.risks.warning} warning, ${s.risks.info} info` },
    );
  }
  if (report.scan) {
    const { result } = report.scan;
    const counts = Object.entries(result.summary.counts).filter(([, n]) => n > 0);
    lines.push({
      label: report.scan.source === 'nmap' ? 'nmap scan' : 'Scan',
      value: `${report.scan.command ?? report.scan.target}: ${plural(result.hosts.length, 'host')} (${result.summary.hostsUp} up), ${
        counts.map(([state, n]) => `${n} ${state}`).join(', ') || 'no ports'
      }${result.cancelled ? ' (cancelled before the end)' : ''}`,
    });
  }
  if (report.probes) {
    for (const p of report.probes) lines.push({ label: `Probe ${p.host}:${p.port}/${p.protocol}`, value: p.verdict });
  }
  if (report.diagnosis) lines.push({ label: `Diagnosis of port ${report.diagnosis.port}/${report.diagnosis.protocol}`, value: `${report.diagnosis.summary} ${report.diagnosis.nextStep}`.trim() });
  return lines;
}

/** Scan ports per state, including the ones the scanner only counted ("not shown: 995 closed"). */
export function scanStateCounts(report: Report): Record<'open' | 'closed' | 'filtered' | 'open|filtered', number> {
  return { open: 0, closed: 0, filtered: 0, 'open|filtered': 0, ...report.scan?.result.summary.counts };
}

/** Ports counted but not listed, per host and state: "127.0.0.1: 995 closed". */
export function omittedLines(scan: ReportScan | null): string[] {
  const result = scan?.result;
  if (!result) return [];
  const lines: string[] = [];
  for (const host of result.hosts) {
    const listed = { open: 0, closed: 0, filtered: 0, 'open|filtered': 0 };
    for (const r of result.results) if (r.host === host.address) listed[r.state]++;
    for (const state of Object.keys(listed) as Array<keyof typeof listed>) {
      const n = host.counts[state] - listed[state];
      if (n > 0) lines.push(`${host.address}: ${n} ${result.protocol} port(s) ${state}`);
    }
  }
  return lines;
}
