import type { Report, ReportScan } from '../../../shared/contract/report';
import { reportText, reportTime, type ReportText } from './i18n';

export interface SummaryLine {
  label: string;
  value: string;
}

/** The machine part of a report in words: the same lines at the top of HTML and Markdown, in `text`'s language. */
export function summaryLines(report: Report, text: ReportText = reportText()): SummaryLine[] {
  const { t } = text;
  const m = report.machine;
  const s = m.summary;
  const hasSockets = Boolean(report.listeners || report.connections);
  // Without socket tables (a scan report, an imported nmap file) the machine is only where the
  // report was made, not what it is about.
  const lines: SummaryLine[] = [
    { label: hasSockets ? t('report.summary.host') : t('report.summary.madeOn'), value: m.hostname },
    { label: t('report.summary.system'), value: `${m.os.platform} ${m.os.release} (${m.os.arch})` },
  ];
  // English keeps the ISO time (scripts and older readers compare it); other languages read it as a date.
  if (hasSockets) lines.push({ label: t('report.summary.readAt'), value: text.lang === 'en' ? m.takenAt : reportTime(text, m.takenAt) });
  if (hasSockets) {
    lines.push(
      {
        label: t('report.summary.listening'),
        value: t('report.summary.listeningValue', {
          total: s.listeners.total,
          tcp: s.listeners.tcp,
          udp: s.listeners.udp,
          all: s.exposure.all,
          specific: s.exposure.specific,
          loopback: s.exposure.loopback,
        }),
      },
      {
        label: t('report.summary.connections'),
        value: t('report.summary.connectionsValue', {
          total: s.connections.total,
          established: s.connections.established,
          timeWait: s.connections.timeWait,
          other: s.connections.other,
        }),
      },
      { label: t('report.summary.processes'), value: t('report.summary.processesValue', { processes: s.processes, unowned: s.unowned }) },
      { label: t('report.summary.notes'), value: t('report.summary.notesValue', { danger: s.risks.danger, warning: s.risks.warning, info: s.risks.info }) },
    );
  }
  if (report.scan) {
    const { result } = report.scan;
    const counts = Object.entries(result.summary.counts).filter(([, n]) => n > 0);
    lines.push({
      label: report.scan.source === 'nmap' ? t('report.summary.nmapScan') : t('report.summary.scan'),
      // Port states (open, closed, filtered) are nmap's words and stay as nmap prints them.
      value: t('report.summary.scanValue', {
        target: report.scan.command ?? report.scan.target,
        hosts: result.hosts.length,
        up: result.summary.hostsUp,
        ports: counts.map(([state, n]) => `${text.fmt.number(n, 0)} ${state}`).join(', ') || t('report.summary.noPorts'),
        cancelled: result.cancelled ? 'yes' : 'no',
      }),
    });
  }
  if (report.probes) {
    for (const p of report.probes) {
      const base = p.verdictText ? t.maybe(p.verdictText.key, p.verdictText.values, p.verdict) : p.verdict;
      const prefix = p.verdictText && p.cancelledText ? `${t.maybe(p.cancelledText.key, p.cancelledText.values, '')} ` : '';
      lines.push({ label: t('report.summary.probe', { target: `${p.host}:${p.port}/${p.protocol}` }), value: `${prefix}${base}` });
    }
  }
  if (report.diagnosis) {
    const d = report.diagnosis;
    const summary = t.maybe(d.summaryText?.key, d.summaryText?.values, d.summary);
    const next = t.maybe(d.nextStepText?.key, d.nextStepText?.values, d.nextStep);
    lines.push({ label: t('report.summary.diagnosis', { label: `${d.port}/${d.protocol}` }), value: `${summary} ${next}`.trim() });
  }
  return lines;
}

/** Scan ports per state, including the ones the scanner only counted ("not shown: 995 closed"). */
export function scanStateCounts(report: Report): Record<'open' | 'closed' | 'filtered' | 'open|filtered', number> {
  return { open: 0, closed: 0, filtered: 0, 'open|filtered': 0, ...report.scan?.result.summary.counts };
}

/** Ports counted but not listed, per host and state: "127.0.0.1: 995 tcp ports closed". */
export function omittedLines(scan: ReportScan | null, text: ReportText = reportText()): string[] {
  const result = scan?.result;
  if (!result) return [];
  const lines: string[] = [];
  for (const host of result.hosts) {
    const listed = { open: 0, closed: 0, filtered: 0, 'open|filtered': 0 };
    for (const r of result.results) if (r.host === host.address) listed[r.state]++;
    for (const state of Object.keys(listed) as Array<keyof typeof listed>) {
      const n = host.counts[state] - listed[state];
      if (n > 0) lines.push(text.t('report.omitted', { host: host.address, count: n, protocol: result.protocol, state }));
    }
  }
  return lines;
}
